import { Injectable } from '@nestjs/common';
import sharp, { Metadata } from 'sharp';

import { AppConfig, sniffImageFormat } from '@vexora/shared';

import {
  PictureTooLargeError,
  UnsupportedPictureError,
} from '../domain/picture.errors';
import { PictureProcessor, PreparedPicture } from '../domain/picture-processor';

/** Longest side of a stored picture; the app shows it as a small avatar. */
export const PICTURE_MAX_SIDE = 512;

/**
 * Re-encodes every picture as a fresh JPEG: whatever the upload carried
 * (EXIF with GPS position, ICC tricks, trailing bytes) is not published.
 */
@Injectable()
export class SharpPictureProcessor extends PictureProcessor {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async prepare(upload: Buffer): Promise<PreparedPicture> {
    if (!sniffImageFormat(upload)) {
      throw new UnsupportedPictureError();
    }

    const metadata = await this.readHeader(upload);
    if (
      (metadata.width ?? 0) * (metadata.height ?? 0) >
      this.config.images.maxPixels
    ) {
      throw new PictureTooLargeError();
    }

    return {
      contentType: 'image/jpeg',
      data: await this.reencode(upload),
      extension: 'jpg',
    };
  }

  /**
   * Reads the header only, so the size is known before any pixel is decoded;
   * sharp's own pixel limit is lifted here or it would answer "unreadable".
   */
  private async readHeader(upload: Buffer): Promise<Metadata> {
    try {
      return await sharp(upload, { limitInputPixels: false }).metadata();
    } catch (error) {
      throw new UnsupportedPictureError(
        'The profile picture could not be read',
        error,
      );
    }
  }

  private async reencode(upload: Buffer): Promise<Buffer> {
    try {
      return await sharp(upload, {
        limitInputPixels: this.config.images.maxPixels,
      })
        .rotate()
        .resize(PICTURE_MAX_SIDE, PICTURE_MAX_SIDE, {
          fit: 'inside',
          withoutEnlargement: true,
        })
        .flatten({ background: '#ffffff' })
        .jpeg({ mozjpeg: true, quality: 85 })
        .toBuffer();
    } catch (error) {
      throw new UnsupportedPictureError(
        'The profile picture could not be read',
        error,
      );
    }
  }
}
