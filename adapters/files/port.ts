/**
 * File storage for selfies and other uploads, shaped like CloudBase cloud storage: a file
 * is written under a cloud path and addressed afterwards by the file id that the upload
 * returns.
 */
export interface StoredFile {
  /** Opaque id to pass to the other methods; a `cloud://` id on CloudBase. */
  fileId: string;
}

export interface FileStorage {
  /** Writes `bytes` under `cloudPath` (e.g. `selfies/<openId>/<checkId>.jpg`), replacing any file there. */
  upload(cloudPath: string, bytes: Uint8Array): Promise<StoredFile>;
  /** Returns a URL that serves the file for `maxAgeSeconds`. Fails with FileNotFoundError. */
  temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string>;
  /** Returns the file's bytes. Fails with FileNotFoundError. */
  download(fileId: string): Promise<Buffer>;
  /** Deletes the file; deleting a missing file is no error. */
  remove(fileId: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(readonly fileId: string) {
    super(`file ${fileId} not found`);
    this.name = 'FileNotFoundError';
  }
}

const CLOUD_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

/**
 * Throws a TypeError unless `cloudPath` is relative, without `..` or empty segments, and
 * uses only letters, digits, `_`, `-` and `.` between slashes (at most 256 characters).
 */
export function assertCloudPath(cloudPath: string): void {
  const valid =
    typeof cloudPath === 'string' &&
    cloudPath.length <= 256 &&
    CLOUD_PATH.test(cloudPath) &&
    !cloudPath.split('/').includes('..');
  if (!valid) {
    throw new TypeError(
      `invalid cloud path ${JSON.stringify(cloudPath)}: use segments of letters, digits, _, - and .` +
        ' joined by /, without .. and at most 256 characters',
    );
  }
}
