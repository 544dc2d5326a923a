import { Global, Module } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { ImageKitPictureStorage } from './imagekit-picture-storage';
import { LocalDiskPictureStorage } from './local-disk-picture-storage';
import { LocalPicturesController } from './local-pictures.controller';
import { PictureStorage } from './picture-storage';

export function createPictureStorage(config: AppConfig): PictureStorage {
  const imagekit = config.storage.imagekit;

  return imagekit
    ? new ImageKitPictureStorage(imagekit)
    : new LocalDiskPictureStorage(config);
}

/** Picture storage: ImageKit when configured, else local disk served by the service. */
@Global()
@Module({
  controllers: [LocalPicturesController],
  providers: [
    {
      inject: [AppConfig],
      provide: PictureStorage,
      useFactory: createPictureStorage,
    },
  ],
  exports: [PictureStorage],
})
export class StorageModule {}
