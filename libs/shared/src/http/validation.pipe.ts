import {
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

/**
 * Unknown fields are stripped, not rejected: the mobile app sends extras
 * such as `user_id`. Failures become one sentence that names each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    exceptionFactory: (errors) =>
      new BadRequestException(describe(errors).join('; ')),
    forbidNonWhitelisted: false,
    stopAtFirstError: true,
    transform: true,
    whitelist: true,
  });
}
