import { Injectable, Logger } from '@nestjs/common';
import ImageKit, {
  NotFoundError as ImageKitNotFoundError,
  toFile,
} from '@imagekit/nodejs';

import { ImageKitSettings } from '../config/app-config';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { PictureStorage, StoredPicture } from './picture-storage';

const IMAGEKIT_DEFAULT_BASE_URL = 'https://api.imagekit.io';

// Uploads happen while the phone waits: one retry covers a transient
// blip without sitting through the SDK's longer default back-off.
const MAX_RETRIES = 1;
const TIMEOUT_MS = 20_000;

function upstreamFailed(cause: unknown): DomainError {
  return new DomainError(
    ErrorCode.UpstreamFailed,
    'The picture storage is not answering, please try again later',
    { cause },
  );
}

/**
 * Keeps pictures on ImageKit. Upstream error text never reaches the client:
 * every failure becomes one plain UpstreamFailed error (502).
 */
@Injectable()
export class ImageKitPictureStorage extends PictureStorage {
  private readonly logger = new Logger(ImageKitPictureStorage.name);
  private readonly client: ImageKit;

  constructor(private readonly settings: ImageKitSettings) {
    super();
    this.client = new ImageKit({
      // Explicit, so that the SDK's own IMAGE_KIT_BASE_URL variable is ignored.
      baseURL: settings.baseUrl ?? IMAGEKIT_DEFAULT_BASE_URL,
      logLevel: 'warn',
      logger: {
        debug: (message) => this.logger.debug(message),
        error: (message) => this.logger.error(message),
        info: (message) => this.logger.log(message),
        warn: (message) => this.logger.warn(message),
      },
      maxRetries: MAX_RETRIES,
      privateKey: settings.privateKey,
      timeout: TIMEOUT_MS,
    });
  }

  async save(
    image: Buffer,
    fileName: string,
    contentType: string,
  ): Promise<StoredPicture> {
    let uploaded: ImageKit.FileUploadResponse;
    try {
      uploaded = await this.client.files.upload({
        file: await toFile(image, fileName, { type: contentType }),
        fileName,
        folder: this.settings.folder,
        useUniqueFileName: true,
      });
    } catch (error) {
      throw upstreamFailed(error);
    }

    const url =
      uploaded.url ??
      (uploaded.filePath && `${this.settings.urlEndpoint}${uploaded.filePath}`);
    if (!uploaded.fileId || !url || !/^https?:\/\//.test(url)) {
      throw upstreamFailed(
        new Error('ImageKit upload answered without a file id or URL'),
      );
    }

    return { fileId: uploaded.fileId, url };
  }

  async delete(fileId: string): Promise<void> {
    try {
      await this.client.files.delete(fileId);
    } catch (error) {
      if (error instanceof ImageKitNotFoundError) {
        return;
      }

      throw upstreamFailed(error);
    }
  }
}
