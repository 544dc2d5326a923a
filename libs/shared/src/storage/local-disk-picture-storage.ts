import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { AppConfig } from '../config/app-config';
import { PictureStorage, StoredPicture } from './picture-storage';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** Names this adapter generates; anything else is never read or deleted. */
export const LOCAL_PICTURE_NAME = /^[0-9a-f]{32}\.(?:jpg|png)$/;

/** Route, outside the API prefix, that serves the stored files. */
export const LOCAL_PICTURES_ROUTE = 'media/pictures';

export function localPicturesDir(config: AppConfig): string {
  return join(config.dataDir, 'pictures');
}

/**
 * Keeps pictures under DATA_DIR/pictures with random names (the file id);
 * the service serves them itself at /media/pictures/<file id>.
 */
@Injectable()
export class LocalDiskPictureStorage extends PictureStorage {
  private readonly directory: string;

  constructor(private readonly config: AppConfig) {
    super();
    this.directory = localPicturesDir(config);
  }

  async save(
    image: Buffer,
    _fileName: string,
    contentType: string,
  ): Promise<StoredPicture> {
    const extension = EXTENSIONS[contentType];
    if (!extension) {
      throw new Error(`Cannot store pictures of type ${contentType}`);
    }

    const fileId = `${randomBytes(16).toString('hex')}.${extension}`;
    await mkdir(this.directory, { recursive: true });
    await writeFile(join(this.directory, fileId), image, { flag: 'wx' });

    return {
      fileId,
      url: this.config.publicUrl(`${LOCAL_PICTURES_ROUTE}/${fileId}`),
    };
  }

  async delete(fileId: string): Promise<void> {
    // Ids come from the database, but a path must never be built from an
    // unchecked string; an id of another adapter is simply not ours.
    if (!LOCAL_PICTURE_NAME.test(fileId)) {
      return;
    }

    await rm(join(this.directory, fileId), { force: true });
  }
}
