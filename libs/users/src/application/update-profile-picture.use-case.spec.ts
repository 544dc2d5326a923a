import sharp from 'sharp';

import {
  DomainError,
  ErrorCode,
  loadConfig,
  NotFoundError,
  PictureStorage,
  StoredPicture,
} from '@vexora/shared';

import { readFace } from '../../../../test/support/fixtures';
import { blackPng } from '../../../../test/support/images';
import { User } from '../domain/user';
import { UserRepository } from '../domain/user.repository';
import { SharpPictureProcessor } from '../infrastructure/sharp-picture-processor';
import { UpdateProfilePictureUseCase } from './update-profile-picture.use-case';

/** A 1000×664 landscape photo: rotating it swaps the sides visibly. */
const LANDSCAPE_PHOTO = 'photos/angry_0002.jpg';

class MemoryPictureStorage extends PictureStorage {
  readonly files = new Map<string, Buffer>();
  readonly calls: string[] = [];
  failSave = false;
  failDelete = false;
  private counter = 0;

  async save(image: Buffer, fileName: string): Promise<StoredPicture> {
    this.calls.push(`save ${fileName}`);
    if (this.failSave) {
      throw new DomainError(
        ErrorCode.UpstreamFailed,
        'The picture storage is not answering',
      );
    }

    this.counter += 1;
    const fileId = `file-${this.counter}`;
    this.files.set(fileId, image);

    return { fileId, url: `https://cdn.test/${fileId}.jpg` };
  }

  async delete(fileId: string): Promise<void> {
    this.calls.push(`delete ${fileId}`);
    if (this.failDelete) {
      throw new DomainError(
        ErrorCode.UpstreamFailed,
        'The picture storage is not answering',
      );
    }

    this.files.delete(fileId);
  }
}

function userFactory(overrides: Partial<User> = {}): User {
  return {
    createdAt: new Date('2026-01-01T00:00:00Z'),
    email: 'ada@example.test',
    fileId: null,
    name: 'Ada',
    profilePicture: null,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    username: 'ada',
    uuid: 'user-1',
    verified: true,
    ...overrides,
  };
}

function repositoryFor(user: User | null, calls: string[]) {
  const state = { user };
  const repository = {
    findById: jest.fn(async () => state.user),
    updatePicture: jest.fn(
      async (_uuid: string, url: string, fileId: string) => {
        calls.push(`update ${fileId}`);
        if (!state.user) {
          throw new NotFoundError();
        }

        const previous = state.user.fileId;
        state.user = { ...state.user, fileId, profilePicture: url };

        return previous;
      },
    ),
  };

  return { repository, state };
}

async function orientedPng(orientation: number): Promise<Buffer> {
  return sharp(readFace(LANDSCAPE_PHOTO))
    .withMetadata({ orientation })
    .png()
    .toBuffer();
}

describe(UpdateProfilePictureUseCase.name, () => {
  const config = loadConfig(process.env);
  let storage: MemoryPictureStorage;

  beforeEach(() => {
    storage = new MemoryPictureStorage();
  });

  const setUp = (user: User | null = userFactory()) => {
    const { repository, state } = repositoryFor(user, storage.calls);
    const useCase = new UpdateProfilePictureUseCase(
      repository as unknown as UserRepository,
      new SharpPictureProcessor(config),
      storage,
    );

    return { repository, state, useCase };
  };

  const expectCode = async (promise: Promise<unknown>, code: ErrorCode) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  };

  describe('execute', () => {
    it('should store an upright picture without metadata from a PNG with EXIF orientation 6', async () => {
      const upload = await orientedPng(6);
      expect((await sharp(upload).metadata()).orientation).toBe(6);
      const { state, useCase } = setUp();

      await useCase.execute('user-1', upload);

      const stored = storage.files.get(state.user!.fileId!)!;
      const metadata = await sharp(stored).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(metadata.height).toBe(512);
      expect(metadata.width).toBe(340);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
    });

    it('should keep a picture without orientation in its own shape, bounded to 512 px', async () => {
      const { state, useCase } = setUp();

      await useCase.execute('user-1', readFace(LANDSCAPE_PHOTO));

      const metadata = await sharp(
        storage.files.get(state.user!.fileId!)!,
      ).metadata();
      expect([metadata.width, metadata.height]).toEqual([512, 340]);
    });

    it('should flatten transparency into an opaque JPEG', async () => {
      const transparent = await sharp({
        create: {
          background: { alpha: 0, b: 0, g: 0, r: 0 },
          channels: 4,
          height: 64,
          width: 64,
        },
      })
        .png()
        .toBuffer();
      const { state, useCase } = setUp();

      await useCase.execute('user-1', transparent);

      const stored = storage.files.get(state.user!.fileId!)!;
      const metadata = await sharp(stored).metadata();
      expect(metadata.hasAlpha).toBe(false);
      expect(metadata.width).toBe(64);
      const { dominant } = await sharp(stored).stats();
      expect(dominant.r).toBeGreaterThan(200);
    });

    it('should point the user at the new picture and then delete the old one', async () => {
      const { repository, state, useCase } = setUp(
        userFactory({
          fileId: 'old-file',
          profilePicture: 'https://cdn.test/old-file.jpg',
        }),
      );

      await useCase.execute('user-1', readFace(LANDSCAPE_PHOTO));

      expect(state.user!.fileId).toBe('file-1');
      expect(state.user!.profilePicture).toBe('https://cdn.test/file-1.jpg');
      expect(repository.updatePicture).toHaveBeenCalledWith(
        'user-1',
        'https://cdn.test/file-1.jpg',
        'file-1',
      );
      expect(storage.calls).toEqual([
        'save user-1.jpg',
        'update file-1',
        'delete old-file',
      ]);
    });

    it('should delete nothing when the user had no picture', async () => {
      const { useCase } = setUp();

      await useCase.execute('user-1', readFace(LANDSCAPE_PHOTO));

      expect(storage.calls).toEqual(['save user-1.jpg', 'update file-1']);
    });

    it('should leave the profile unchanged and the old picture in place when the upload fails', async () => {
      const before = userFactory({
        fileId: 'old-file',
        profilePicture: 'https://cdn.test/old-file.jpg',
      });
      const { repository, state, useCase } = setUp(before);
      storage.failSave = true;

      await expectCode(
        useCase.execute('user-1', readFace(LANDSCAPE_PHOTO)),
        ErrorCode.UpstreamFailed,
      );

      expect(state.user).toEqual(before);
      expect(repository.updatePicture).not.toHaveBeenCalled();
      expect(storage.calls).toEqual(['save user-1.jpg']);
    });

    it('should succeed when the old picture cannot be deleted', async () => {
      const { state, useCase } = setUp(userFactory({ fileId: 'old-file' }));
      storage.failDelete = true;

      await useCase.execute('user-1', readFace(LANDSCAPE_PHOTO));

      expect(state.user!.fileId).toBe('file-1');
      expect(storage.calls).toEqual([
        'save user-1.jpg',
        'update file-1',
        'delete old-file',
      ]);
    });

    it('should delete the new picture again when the user cannot be updated', async () => {
      const { repository, useCase } = setUp();
      repository.updatePicture.mockRejectedValueOnce(
        new Error('connection lost'),
      );

      await expect(
        useCase.execute('user-1', readFace(LANDSCAPE_PHOTO)),
      ).rejects.toThrow('connection lost');

      expect(storage.calls).toEqual(['save user-1.jpg', 'delete file-1']);
      expect(storage.files.size).toBe(0);
    });

    it('should answer NotFound before storing anything for a deleted account', async () => {
      const { useCase } = setUp(null);

      await expectCode(
        useCase.execute('user-1', readFace(LANDSCAPE_PHOTO)),
        ErrorCode.NotFound,
      );

      expect(storage.calls).toEqual([]);
    });

    it.each([
      ['a text file', () => Buffer.from('definitely not a photo\n'.repeat(50))],
      [
        'a TIFF',
        () => sharp(readFace('photos/happy_0001.jpg')).tiff().toBuffer(),
      ],
      [
        'a truncated JPEG',
        () => readFace('photos/happy_0001.jpg').subarray(0, 4000),
      ],
      [
        'a PNG signature with garbage after it',
        () =>
          Buffer.concat([blackPng(1, 1).subarray(0, 8), Buffer.alloc(64, 7)]),
      ],
    ])(
      'should answer UnsupportedImage (415) for %s without storing it',
      async (_case, bytes) => {
        const { repository, useCase } = setUp();

        await expectCode(
          useCase.execute('user-1', await bytes()),
          ErrorCode.UnsupportedImage,
        );

        expect(storage.calls).toEqual([]);
        expect(repository.updatePicture).not.toHaveBeenCalled();
      },
    );

    it('should answer ImageTooLarge (413) for a 20000×20000 PNG without decoding it', async () => {
      const { useCase } = setUp();

      await expectCode(
        useCase.execute('user-1', blackPng(20_000, 20_000)),
        ErrorCode.ImageTooLarge,
      );

      expect(storage.calls).toEqual([]);
    });
  });
});
