import { DomainError, ErrorCode } from '@vexora/shared';

export class UnsupportedPictureError extends DomainError {
  constructor(
    message = 'The profile picture must be a JPEG, PNG, GIF or WebP image',
    cause?: unknown,
  ) {
    super(ErrorCode.UnsupportedImage, message, { cause });
  }
}

export class PictureTooLargeError extends DomainError {
  constructor(message = 'The profile picture has too many pixels') {
    super(ErrorCode.ImageTooLarge, message);
  }
}
