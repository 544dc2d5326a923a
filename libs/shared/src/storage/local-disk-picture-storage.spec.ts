import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppConfig, loadConfig } from '../config/app-config';
import {
  LOCAL_PICTURE_NAME,
  LocalDiskPictureStorage,
} from './local-disk-picture-storage';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3,
]);

describe(LocalDiskPictureStorage.name, () => {
  let dataDir: string;
  let config: AppConfig;
  let storage: LocalDiskPictureStorage;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vexora-pictures-'));
    config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://api.vexora.test',
    });
    storage = new LocalDiskPictureStorage(config);
  });

  afterEach(async () => {
    await rm(dataDir, { force: true, recursive: true });
  });

  describe('save', () => {
    it('should write the bytes under DATA_DIR/pictures and answer a public URL', async () => {
      const saved = await storage.save(PNG, 'ignored.png', 'image/png');

      expect(saved.fileId).toMatch(LOCAL_PICTURE_NAME);
      expect(saved.fileId).toMatch(/\.png$/);
      expect(saved.url).toBe(
        `https://api.vexora.test/media/pictures/${saved.fileId}`,
      );
      expect(
        (await readFile(join(dataDir, 'pictures', saved.fileId))).equals(PNG),
      ).toBe(true);
    });

    it('should give every picture a new name', async () => {
      const first = await storage.save(PNG, 'same.jpg', 'image/jpeg');
      const second = await storage.save(PNG, 'same.jpg', 'image/jpeg');

      expect(first.fileId).not.toBe(second.fileId);
      expect(first.fileId).toMatch(/\.jpg$/);
    });

    it('should refuse a type it cannot name', async () => {
      await expect(storage.save(PNG, 'x.gif', 'image/gif')).rejects.toThrow(
        /image\/gif/,
      );
    });
  });

  describe('delete', () => {
    it('should remove the file', async () => {
      const saved = await storage.save(PNG, 'a.png', 'image/png');

      await storage.delete(saved.fileId);

      expect(existsSync(join(dataDir, 'pictures', saved.fileId))).toBe(false);
    });

    it('should succeed for a file that is already gone', async () => {
      await expect(
        storage.delete(`${'a'.repeat(32)}.jpg`),
      ).resolves.toBeUndefined();
    });

    it('should never touch a path outside its folder', async () => {
      const outside = join(dataDir, 'keep.jpg');
      await writeFile(outside, PNG);

      await storage.delete('../keep.jpg');

      expect(existsSync(outside)).toBe(true);
    });
  });
});
