/**
 * File storage on CloudBase cloud storage through `@cloudbase/node-sdk` 3.x. Files are
 * private to the environment: clients never get a file id, only a temporary URL when a
 * function decides to hand one out.
 */
import type { CloudBase } from '@cloudbase/node-sdk';
import { assertCloudPath, FileNotFoundError, type FileStorage, type StoredFile } from './port';

/** The storage calls of the SDK app that this adapter uses. */
export type CloudBaseStorageApi = Pick<
  CloudBase,
  'uploadFile' | 'getTempFileURL' | 'downloadFile' | 'deleteFile'
>;

/** Largest `maxAge` accepted: one day, in seconds. */
export const MAX_URL_AGE_SECONDS = 86_400;

/**
 * True for a per-file result code that means the file does not exist. NOTE: the SDK types
 * list no codes. `STORAGE_FILE_NONEXIST` is the expected CloudBase code, and other
 * spellings are accepted in case a service version words it differently.
 */
export function isMissingFileCode(code: string | undefined): boolean {
  return typeof code === 'string' && /NONEXIST|NOT_EXIST|NOT_FOUND/i.test(code);
}

function assertFileId(fileId: string): void {
  if (typeof fileId !== 'string' || !fileId.startsWith('cloud://')) {
    throw new TypeError(`invalid file id ${JSON.stringify(fileId)}: expected a cloud:// file id`);
  }
}

function failure(operation: string, fileId: string, code: string | undefined): Error {
  if (isMissingFileCode(code)) return new FileNotFoundError(fileId);
  return new Error(`CloudBase storage ${operation} of ${fileId} failed with ${code ?? 'no code'}`);
}

export class CloudBaseFileStorage implements FileStorage {
  constructor(private readonly app: CloudBaseStorageApi) {}

  async upload(cloudPath: string, bytes: Uint8Array): Promise<StoredFile> {
    assertCloudPath(cloudPath);
    const fileContent = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await this.app.uploadFile({ cloudPath, fileContent });
    if (!result.fileID) throw new Error(`CloudBase storage upload of ${cloudPath} returned no file id`);
    return { fileId: result.fileID };
  }

  async temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
    assertFileId(fileId);
    if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 1 || maxAgeSeconds > MAX_URL_AGE_SECONDS) {
      throw new RangeError(
        `invalid maxAgeSeconds ${maxAgeSeconds}: use an integer from 1 to ${MAX_URL_AGE_SECONDS}`,
      );
    }
    const result = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }] });
    const entry = result.fileList?.[0];
    if (entry?.code !== 'SUCCESS' || !entry.tempFileURL) throw failure('temporary URL', fileId, entry?.code);
    return entry.tempFileURL;
  }

  async download(fileId: string): Promise<Buffer> {
    assertFileId(fileId);
    let result: Awaited<ReturnType<CloudBaseStorageApi['downloadFile']>>;
    try {
      result = await this.app.downloadFile({ fileID: fileId });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && isMissingFileCode(code)) throw new FileNotFoundError(fileId);
      throw error;
    }
    const content = result.fileContent;
    if (content === undefined) throw new Error(`CloudBase storage download of ${fileId} returned no content`);
    return Buffer.isBuffer(content) ? content : Buffer.from(content);
  }

  async remove(fileId: string): Promise<void> {
    assertFileId(fileId);
    const result = await this.app.deleteFile({ fileList: [fileId] });
    const code = result.fileList?.[0]?.code;
    if (code === 'SUCCESS' || isMissingFileCode(code)) return;
    throw failure('delete', fileId, code);
  }
}
