import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = describe(error.children ?? [], field);

    return [...own, ...nested];
  });
}

/** The first NUL character's path in a request value, if any. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path || 'value' : undefined;
  }

  // Uploaded files carry their bytes in a Buffer: binary data, not text, and
  // walking it entry by entry would cost tens of milliseconds per megabyte.
  if (
    value === null ||
    typeof value !== 'object' ||
    ArrayBuffer.isView(value)
  ) {
    return undefined;
  }

  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path ? `${path}.${key}` : key);
    if (found) {
      return found;
    }
  }

  return undefined;
}

/**
 * Unknown fields are stripped, not rejected: the mobile app sends extras
 * such as `user_id`. Failures become one sentence that names each field.
 * Text with a NUL character is refused up front: PostgreSQL cannot store it
 * and would otherwise fail the request later as a server error.
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      exceptionFactory: (errors) =>
        new BadRequestException(describe(errors).join('; ')),
      forbidNonWhitelisted: false,
      stopAtFirstError: true,
      transform: true,
      whitelist: true,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // Only what the client typed is checked: body, query and route params.
    // Custom parameters (the current user, an uploaded file) are not text.
    // A parameter bound whole (`@Param('history_uuid')`) is named by
    // `metadata.data`; in objects (bodies, DTOs) the path names the field.
    const field =
      metadata.type === 'custom'
        ? undefined
        : findNul(value, metadata.data ?? '');
    if (field) {
      throw new BadRequestException(`${field} must not contain NUL characters`);
    }

    // A JSON array is valid JSON but never a request DTO.
    if (metadata.type === 'body' && Array.isArray(value)) {
      throw new BadRequestException('The request body must be a JSON object');
    }

    return super.transform(value, metadata);
  }
}
