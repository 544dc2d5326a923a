import { DomainError, ErrorCode } from '@vexora/shared';

export class UnsupportedImageError extends DomainError {
  constructor(
    message = 'The file is not a JPEG, PNG, GIF or WebP image we can read',
    cause?: unknown,
  ) {
    super(ErrorCode.UnsupportedImage, message, { cause });
  }
}

export class ImageTooLargeError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.ImageTooLarge, message);
  }
}

export class NoFaceDetectedError extends DomainError {
  constructor() {
    super(
      ErrorCode.NoFaceDetected,
      'No face was found in the photo. Try a clearer, front-facing selfie.',
    );
  }
}
