import { FakeImageKit } from '../../../../test/support/fake-imagekit';
import { ImageKitSettings } from '../config/app-config';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { ImageKitPictureStorage } from './imagekit-picture-storage';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

describe(ImageKitPictureStorage.name, () => {
  const fake = new FakeImageKit();
  let settings: ImageKitSettings;

  beforeAll(async () => {
    await fake.start();
    settings = {
      baseUrl: fake.url,
      folder: 'profile-pictures',
      privateKey: fake.privateKey,
      urlEndpoint: fake.urlEndpoint,
    };
  });

  afterAll(async () => {
    await fake.stop();
  });

  const storage = () => new ImageKitPictureStorage(settings);

  const expectUpstreamFailure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.UpstreamFailed);
    expect((error as DomainError).message).not.toMatch(
      /shard|private API key|does not exist/,
    );
  };

  describe('save', () => {
    it('should upload the bytes into the folder and answer the file id and URL', async () => {
      const saved = await storage().save(JPEG, 'user-1.jpg', 'image/jpeg');

      const file = fake.files.get(saved.fileId);
      expect(file).toBeDefined();
      expect(file!.bytes.equals(JPEG)).toBe(true);
      expect(file!.contentType).toBe('image/jpeg');
      expect(file!.filePath).toMatch(/^\/profile-pictures\/user-1_\w+\.jpg$/);
      expect(saved.url).toBe(`${fake.urlEndpoint}${file!.filePath}`);
      const served = await fetch(saved.url);
      expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
    });

    it('should answer UpstreamFailed without the upstream text when ImageKit fails', async () => {
      const before = fake.files.size;
      fake.failNextUploads(5, 500);

      await expectUpstreamFailure(
        storage().save(JPEG, 'user-2.jpg', 'image/jpeg'),
      );

      expect(fake.files.size).toBe(before);
      fake.failNextUploads(0);
    });

    it('should retry once after a transient failure', async () => {
      const attempts = fake.uploadAttempts;
      fake.failNextUploads(1, 503);

      const saved = await storage().save(JPEG, 'user-3.jpg', 'image/jpeg');

      expect(fake.files.has(saved.fileId)).toBe(true);
      expect(fake.uploadAttempts - attempts).toBe(2);
    });

    it('should answer UpstreamFailed when the private key is refused', async () => {
      const wrongKey = new ImageKitPictureStorage({
        ...settings,
        privateKey: 'private_wrong',
      });

      await expectUpstreamFailure(
        wrongKey.save(JPEG, 'user-4.jpg', 'image/jpeg'),
      );
    });

    it('should answer UpstreamFailed when ImageKit cannot be reached', async () => {
      const unreachable = new ImageKitPictureStorage({
        ...settings,
        baseUrl: 'http://127.0.0.1:9',
      });

      await expectUpstreamFailure(
        unreachable.save(JPEG, 'user-5.jpg', 'image/jpeg'),
      );
    });
  });

  describe('delete', () => {
    it('should delete the file on ImageKit', async () => {
      const saved = await storage().save(JPEG, 'user-6.jpg', 'image/jpeg');

      await storage().delete(saved.fileId);

      expect(fake.files.has(saved.fileId)).toBe(false);
      expect(fake.deleted).toContain(saved.fileId);
    });

    it('should succeed for a file that is already gone', async () => {
      await expect(
        storage().delete('0123456789abcdef01234567'),
      ).resolves.toBeUndefined();
    });

    it('should answer UpstreamFailed when ImageKit refuses the delete', async () => {
      const saved = await storage().save(JPEG, 'user-7.jpg', 'image/jpeg');
      const wrongKey = new ImageKitPictureStorage({
        ...settings,
        privateKey: 'private_wrong',
      });

      await expectUpstreamFailure(wrongKey.delete(saved.fileId));

      expect(fake.files.has(saved.fileId)).toBe(true);
    });
  });
});
