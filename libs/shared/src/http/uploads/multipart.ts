import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  PipeTransform,
  SetMetadata,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';

import { AppConfig } from '../../config/app-config';
import { DomainError, ErrorCode } from '../../errors/domain-error';

/** The multipart field every image upload arrives in (the app's name for it). */
export const IMAGE_FIELD = 'image';

/** Nest's wording of multer's refusals (`Unexpected file field - photo`). */
const TOO_MANY_FILES = 'Too many files';
const UNEXPECTED_FIELD = 'Unexpected file field';
/** Nest's prefix for busboy's refusals of a body that is not multipart. */
const MALFORMED_MULTIPART = 'Multipart: ';

/** Metadata key: the file field a multipart route takes, or null for none. */
const FILE_FIELD_KEY = 'vexora:multipart-file-field';

/**
 * Rewords multer's and busboy's refusals ("File too large", "Too many
 * files", "Malformed part header") into sentences that tell the client what
 * to send instead, for the file field the route declares (`ImageUpload`) or
 * for a route that takes no file at all (`FormFields`).
 */
@Injectable()
export class MultipartErrorsInterceptor implements NestInterceptor {
  constructor(
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const field = this.reflector.get<string | null>(
      FILE_FIELD_KEY,
      context.getHandler(),
    );

    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => this.reword(error, field ?? null)),
        ),
      );
  }

  private reword(error: unknown, field: string | null): unknown {
    if (error instanceof PayloadTooLargeException && field !== null) {
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

    const say = (message: string) =>
      new DomainError(ErrorCode.BadRequest, message, { cause: error });

    if (error.message.startsWith(MALFORMED_MULTIPART)) {
      return say('The multipart body is malformed (boundary or part headers)');
    }

    const extraFile = error.message === TOO_MANY_FILES;
    const otherField = error.message.startsWith(UNEXPECTED_FIELD);
    if ((extraFile || otherField) && field === null) {
      return say('This route takes form fields only, no files');
    }

    if (extraFile) {
      return say(`Send exactly one file, in the multipart field "${field}"`);
    }

    if (otherField) {
      return say(
        `Send the image in the multipart field "${field}", not under another name`,
      );
    }

    return error;
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
    SetMetadata(FILE_FIELD_KEY, IMAGE_FIELD),
    UseInterceptors(MultipartErrorsInterceptor, FileInterceptor(IMAGE_FIELD)),
  );

/** Form fields as JSON, urlencoded or multipart without files. */
export const FormFields = () =>
  applyDecorators(
    SetMetadata(FILE_FIELD_KEY, null),
    UseInterceptors(MultipartErrorsInterceptor, NoFilesInterceptor()),
  );

/** The uploaded image; always present and non-empty in the handler. */
export const UploadedImage = () => UploadedFile(new RequiredImagePipe());
