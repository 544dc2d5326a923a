import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  PipeTransform,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';

import { AppConfig } from '../../config/app-config';
import { DomainError, ErrorCode } from '../../errors/domain-error';

/** The multipart field every image upload arrives in (the app's name for it). */
export const IMAGE_FIELD = 'image';

/** Nest's wording of multer's refusals (`Unexpected file field - photo`). */
const TOO_MANY_FILES = 'Too many files';
const UNEXPECTED_FIELD = 'Unexpected file field';
/** busboy's wording for a body that is not well-formed multipart. */
const MALFORMED_MULTIPART = [
  'Multipart: Boundary not found',
  'Malformed part header',
  'Unexpected end of form',
];

function malformedMultipart(error: BadRequestException): DomainError | null {
  return MALFORMED_MULTIPART.includes(error.message)
    ? new DomainError(
        ErrorCode.BadRequest,
        'The multipart body is malformed (boundary or part headers)',
        { cause: error },
      )
    : null;
}

/** Rethrows what `reword` makes of an error from the rest of the chain. */
function rewordingErrors(
  next: CallHandler,
  reword: (error: unknown) => unknown,
): Observable<unknown> {
  return next
    .handle()
    .pipe(catchError((error: unknown) => throwError(() => reword(error))));
}

/**
 * Rewords multer's refusals ("File too large", "Too many files") into
 * sentences that tell the client what to send instead.
 */
@Injectable()
export class ImageUploadErrorsInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(
    _context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> {
    return rewordingErrors(next, (error) => this.reword(error));
  }

  private reword(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      const megabytes = this.config.images.maxUploadBytes / (1024 * 1024);

      return new DomainError(
        ErrorCode.ImageTooLarge,
        `The image is larger than the ${Number(megabytes.toFixed(1))} MB limit`,
        { cause: error },
      );
    }

    if (!(error instanceof BadRequestException)) {
      return error;
    }

    const malformed = malformedMultipart(error);
    if (malformed) {
      return malformed;
    }

    if (error.message === TOO_MANY_FILES) {
      return new DomainError(
        ErrorCode.BadRequest,
        `Send exactly one file, in the multipart field "${IMAGE_FIELD}"`,
        { cause: error },
      );
    }

    if (error.message.startsWith(UNEXPECTED_FIELD)) {
      return new DomainError(
        ErrorCode.BadRequest,
        `Send the image in the multipart field "${IMAGE_FIELD}", not under another name`,
        { cause: error },
      );
    }

    return error;
  }
}

/** Rewords multer's refusals on routes that take form fields but no file. */
export class FormFieldsErrorsInterceptor implements NestInterceptor {
  intercept(
    _context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> {
    return rewordingErrors(next, (error) => {
      if (!(error instanceof BadRequestException)) {
        return error;
      }

      if (
        error.message === TOO_MANY_FILES ||
        error.message.startsWith(UNEXPECTED_FIELD)
      ) {
        return new DomainError(
          ErrorCode.BadRequest,
          'This route takes form fields only, no files',
          { cause: error },
        );
      }

      return malformedMultipart(error) ?? error;
    });
  }
}

/** Refuses a request without the image, or with an empty file. */
export class RequiredImagePipe implements PipeTransform<
  Express.Multer.File | undefined,
  Express.Multer.File
> {
  transform(file: Express.Multer.File | undefined): Express.Multer.File {
    if (!file) {
      throw new DomainError(
        ErrorCode.BadRequest,
        `Send the image as a file in the multipart field "${IMAGE_FIELD}"`,
      );
    }

    if (file.size === 0) {
      throw new DomainError(ErrorCode.BadRequest, 'The image file is empty');
    }

    return file;
  }
}

/** Reads one image from the multipart field `image`, held in memory. */
export const ImageUpload = () =>
  applyDecorators(
    UseInterceptors(ImageUploadErrorsInterceptor, FileInterceptor(IMAGE_FIELD)),
  );

/** Form fields as JSON, urlencoded or multipart without files. */
export const FormFields = () =>
  applyDecorators(
    UseInterceptors(new FormFieldsErrorsInterceptor(), NoFilesInterceptor()),
  );

/** The uploaded image; always present and non-empty in the handler. */
export const UploadedImage = () => UploadedFile(new RequiredImagePipe());
