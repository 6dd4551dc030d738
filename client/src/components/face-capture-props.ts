/** Props of the platform-specific face capture components. */
export interface FaceCaptureProps {
  disabled?: boolean;
  /** Keeps the camera open after a capture, for several frames in a row. */
  continuous?: boolean;
  /** Largest photo accepted, in bytes; the default is 4 MB, the limit of a single selfie. */
  maxBytes?: number;
  /** Receives the photo as base64 (no data: prefix) and a URL to preview it. */
  onCapture: (selfieBase64: string, previewUrl: string) => void;
  /** Receives a message for people when the camera or the file cannot be read. */
  onError: (message: string) => void;
}
