/**
 * The embedded file storage: files in a folder on this machine, with `local://<cloudPath>`
 * ids so callers treat them as opaque, as they would CloudBase file ids.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertCloudPath, FileNotFoundError, type FileStorage, type StoredFile } from './port';

const ID_PREFIX = 'local://';

export class DiskFileStorage implements FileStorage {
  /** @param root Folder that contains the files, created on first upload. */
  constructor(private readonly root: string) {}

  async upload(cloudPath: string, bytes: Uint8Array): Promise<StoredFile> {
    assertCloudPath(cloudPath);
    const file = path.join(this.root, cloudPath);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return { fileId: `${ID_PREFIX}${cloudPath}` };
  }

  /**
   * Returns a `file:` URL after checking the file exists. NOTE: the URL does not expire,
   * because nothing serves these files over HTTP; `maxAgeSeconds` is only validated.
   */
  async temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
    if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 1) {
      throw new RangeError(`invalid maxAgeSeconds ${maxAgeSeconds}: use a positive integer`);
    }
    const file = this.pathOf(fileId);
    await fs.access(file).catch(() => {
      throw new FileNotFoundError(fileId);
    });
    return pathToFileURL(file).href;
  }

  async download(fileId: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(fileId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(fileId);
      throw error;
    }
  }

  async remove(fileId: string): Promise<void> {
    await fs.rm(this.pathOf(fileId), { force: true });
  }

  private pathOf(fileId: string): string {
    if (typeof fileId !== 'string' || !fileId.startsWith(ID_PREFIX)) {
      throw new TypeError(`invalid file id ${JSON.stringify(fileId)}: expected ${ID_PREFIX}<path>`);
    }
    const cloudPath = fileId.slice(ID_PREFIX.length);
    assertCloudPath(cloudPath);
    return path.join(this.root, cloudPath);
  }
}
