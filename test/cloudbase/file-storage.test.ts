import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CloudBaseFileStorage, type CloudBaseStorageApi } from '../../adapters/files/cloudbase-file-storage';
import { DiskFileStorage } from '../../adapters/files/disk-file-storage';
import { assertCloudPath, FileNotFoundError, type FileStorage } from '../../adapters/files/port';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'file-storage-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Creates a stand-in for the node-sdk storage calls that keeps files in a map. */
function fakeStorageApp(): CloudBaseStorageApi & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  const id = (cloudPath: string) => `cloud://unit-test-env.7465/${cloudPath}`;
  return {
    files,
    uploadFile: async ({ cloudPath, fileContent }) => {
      files.set(id(cloudPath), fileContent as Buffer);
      return { fileID: id(cloudPath) };
    },
    getTempFileURL: async ({ fileList }) => ({
      fileList: fileList.map((entry) => {
        const fileID = typeof entry === 'string' ? entry : entry.fileID;
        const found = files.has(fileID);
        return { fileID, code: found ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST', tempFileURL: found ? `https://tmp.example/${fileID.slice(8)}` : '' };
      }),
    }),
    downloadFile: async ({ fileID }) => {
      const content = files.get(fileID);
      if (!content) throw { code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
      return { fileContent: content, message: '文件下载完成' };
    },
    deleteFile: async ({ fileList }) => ({
      fileList: fileList.map((fileID) => ({ fileID, code: files.delete(fileID) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })),
    }),
  } as CloudBaseStorageApi & { files: Map<string, Buffer> };
}

function describeFileStorage(name: string, make: () => FileStorage): void {
  describe(`FileStorage: ${name}`, () => {
    it('upload then download returns the bytes', async () => {
      const storage = make();
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
      const { fileId } = await storage.upload('selfies/oWx_abc123/face_1.jpg', bytes);
      expect([...(await storage.download(fileId))]).toEqual([...bytes]);
    });

    it('temporary URL for a stored file', async () => {
      const storage = make();
      const { fileId } = await storage.upload('selfies/u/face_2.jpg', new Uint8Array([1]));
      expect(await storage.temporaryUrl(fileId, 600)).toMatch(/^(file|https):\/\//);
    });

    it('remove deletes, and a second remove is no error', async () => {
      const storage = make();
      const { fileId } = await storage.upload('selfies/u/face_3.jpg', new Uint8Array([1]));
      await storage.remove(fileId);
      await expect(storage.download(fileId)).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(storage.temporaryUrl(fileId, 60)).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(storage.remove(fileId)).resolves.toBeUndefined();
    });

    it('rejects paths that leave the folder', async () => {
      const storage = make();
      for (const cloudPath of ['../x.jpg', '/abs.jpg', 'a//b.jpg', 'a/../b.jpg', 'a b.jpg', '']) {
        await expect(storage.upload(cloudPath, new Uint8Array([1]))).rejects.toThrow(/cloud path/);
      }
    });

    it('rejects an invalid URL age', async () => {
      const storage = make();
      const { fileId } = await storage.upload('selfies/u/face_4.jpg', new Uint8Array([1]));
      await expect(storage.temporaryUrl(fileId, 0)).rejects.toThrow(/maxAgeSeconds/);
    });
  });
}

let folder = 0;
describeFileStorage('disk', () => new DiskFileStorage(path.join(root, `store-${(folder += 1)}`)));
describeFileStorage('CloudBase with a fake SDK', () => new CloudBaseFileStorage(fakeStorageApp()));

describe('CloudBaseFileStorage', () => {
  it('passes maxAge through', async () => {
    const app = fakeStorageApp();
    const calls: unknown[] = [];
    const original = app.getTempFileURL;
    app.getTempFileURL = async (options) => {
      calls.push(options);
      return original(options);
    };
    const storage = new CloudBaseFileStorage(app);
    const { fileId } = await storage.upload('selfies/u/a.jpg', new Uint8Array([1]));
    await storage.temporaryUrl(fileId, 300);
    expect(calls).toEqual([{ fileList: [{ fileID: fileId, maxAge: 300 }] }]);
  });

  it('rejects ids that are not cloud ids', async () => {
    const storage = new CloudBaseFileStorage(fakeStorageApp());
    await expect(storage.download('local://x.jpg')).rejects.toThrow(/cloud:\/\//);
  });
});

describe('assertCloudPath', () => {
  it('accepts nested paths', () => {
    expect(() => assertCloudPath('selfies/oWx-1_a/face_1.jpg')).not.toThrow();
  });
});
