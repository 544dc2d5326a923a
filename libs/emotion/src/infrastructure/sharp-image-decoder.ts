import sharp from 'sharp';

import { sniffImageFormat } from '@vexora/shared';

import {
  ImageTooLargeError,
  UnsupportedImageError,
} from '../domain/emotion.errors';
import { RgbImage } from './rgb-image';

/** An upright RGB rendition of an upload, plus its full upright size. */
export interface DecodedImage extends RgbImage {
  /** Upright size of the original, in pixels (EXIF orientation applied). */
  originalHeight: number;
  originalWidth: number;
}

/** EXIF orientations 5..8 swap width and height. */
const TRANSPOSING_ORIENTATIONS = new Set([5, 6, 7, 8]);

/**
 * Decodes JPEG, PNG, GIF and WebP uploads with sharp into one bounded RGB
 * buffer: EXIF orientation applied, alpha flattened on white, longest side
 * at most `maxSide` (JPEG shrink-on-load keeps this cheap).
 */
export class SharpImageDecoder {
  constructor(private readonly maxPixels: number) {
    // Every upload is a new image, so libvips' operation cache never hits;
    // left on, it only holds decoded pixels and grows the process.
    sharp.cache(false);
  }

  async decode(bytes: Buffer, maxSide: number): Promise<DecodedImage> {
    const format = sniffImageFormat(bytes);
    if (!format) {
      throw new UnsupportedImageError();
    }

    const { height, orientation, width } = await this.readHeader(bytes, format);
    if (width * height > this.maxPixels) {
      throw new ImageTooLargeError(
        `The image is ${width}x${height} pixels; the limit is ${this.maxPixels} pixels`,
      );
    }

    const transposed = TRANSPOSING_ORIENTATIONS.has(orientation ?? 1);

    return {
      ...(await this.decodePixels(bytes, format, maxSide)),
      originalHeight: transposed ? width : height,
      originalWidth: transposed ? height : width,
    };
  }

  private async readHeader(bytes: Buffer, format: string) {
    try {
      const metadata = await sharp(bytes, {
        limitInputPixels: false,
      }).metadata();
      if (!metadata.width || !metadata.height) {
        throw new Error('missing dimensions');
      }

      return {
        height: metadata.pageHeight ?? metadata.height,
        orientation: metadata.orientation,
        width: metadata.width,
      };
    } catch (error) {
      throw new UnsupportedImageError(
        `The ${format.toUpperCase()} image is damaged or incomplete`,
        error,
      );
    }
  }

  private async decodePixels(
    bytes: Buffer,
    format: string,
    maxSide: number,
  ): Promise<RgbImage> {
    try {
      const { data, info } = await sharp(bytes, {
        // Truncated files must fail loudly instead of decoding half grey.
        failOn: 'truncated',
        limitInputPixels: this.maxPixels,
      })
        .rotate()
        .resize({
          fit: 'inside',
          height: maxSide,
          width: maxSide,
          withoutEnlargement: true,
        })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      if (info.channels !== 3) {
        throw new Error(`unexpected ${info.channels} channels`);
      }

      return { data, height: info.height, width: info.width };
    } catch (error) {
      throw new UnsupportedImageError(
        `The ${format.toUpperCase()} image is damaged or incomplete`,
        error,
      );
    }
  }
}
