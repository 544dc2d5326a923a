import { InvalidConfigError, loadConfig } from '../config/app-config';
import { ImageKitPictureStorage } from './imagekit-picture-storage';
import { LocalDiskPictureStorage } from './local-disk-picture-storage';
import { createPictureStorage } from './storage.module';

const imagekit = {
  IMAGEKIT_PRIVATE_KEY: 'private_abc',
  IMAGEKIT_PUBLIC_KEY: 'public_abc',
  IMAGEKIT_URL_ENDPOINT: 'https://ik.imagekit.io/vexora/',
};

describe(createPictureStorage.name, () => {
  it('should keep pictures on local disk when ImageKit is not configured', () => {
    const config = loadConfig({
      ...process.env,
      IMAGEKIT_PRIVATE_KEY: '',
      IMAGEKIT_PUBLIC_KEY: '',
      IMAGEKIT_URL_ENDPOINT: '',
    });

    expect(config.storage.imagekit).toBeUndefined();
    expect(createPictureStorage(config)).toBeInstanceOf(
      LocalDiskPictureStorage,
    );
  });

  it('should use ImageKit when its three keys are set', () => {
    const config = loadConfig({ ...process.env, ...imagekit });

    expect(config.storage.imagekit).toEqual({
      baseUrl: undefined,
      folder: 'profile-pictures',
      privateKey: 'private_abc',
      urlEndpoint: 'https://ik.imagekit.io/vexora',
    });
    expect(createPictureStorage(config)).toBeInstanceOf(ImageKitPictureStorage);
  });

  it.each(Object.keys(imagekit))(
    'should refuse to start when only %s is missing',
    (missing) => {
      const env = { ...process.env, ...imagekit, [missing]: '' };

      expect(() => loadConfig(env)).toThrow(InvalidConfigError);
      expect(() => loadConfig(env)).toThrow(
        /IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT/,
      );
    },
  );
});
