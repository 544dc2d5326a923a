import { Injectable, Logger } from '@nestjs/common';

import { NotFoundError, PictureStorage, StoredPicture } from '@vexora/shared';

import { PictureProcessor } from '../domain/picture-processor';
import { UserRepository } from '../domain/user.repository';

/**
 * Replaces a user's profile picture. The order matters: the new picture is
 * stored, then the user points at it, and only then is the old one deleted,
 * so a failure at any step never leaves the profile on a missing file.
 */
@Injectable()
export class UpdateProfilePictureUseCase {
  private readonly logger = new Logger(UpdateProfilePictureUseCase.name);

  constructor(
    private readonly users: UserRepository,
    private readonly processor: PictureProcessor,
    private readonly storage: PictureStorage,
  ) {}

  async execute(userId: string, upload: Buffer): Promise<void> {
    const picture = await this.processor.prepare(upload);
    if (!(await this.users.findById(userId))) {
      throw new NotFoundError('This account no longer exists');
    }

    const stored = await this.storage.save(
      picture.data,
      `${userId}.${picture.extension}`,
      picture.contentType,
    );
    const previousFileId = await this.point(userId, stored);

    if (previousFileId && previousFileId !== stored.fileId) {
      await this.discard(previousFileId);
    }
  }

  private async point(
    userId: string,
    stored: StoredPicture,
  ): Promise<string | null> {
    try {
      return await this.users.updatePicture(userId, stored.url, stored.fileId);
    } catch (error) {
      await this.discard(stored.fileId);
      throw error;
    }
  }

  /** Best effort: an orphaned file costs storage, not correctness. */
  private async discard(fileId: string): Promise<void> {
    try {
      await this.storage.delete(fileId);
    } catch (error) {
      this.logger.warn(`Could not delete picture ${fileId}: ${String(error)}`);
    }
  }
}
