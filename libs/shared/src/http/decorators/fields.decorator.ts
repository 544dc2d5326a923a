import { applyDecorators } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  ApiPropertyOptions,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const trim = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value,
);

/**
 * Checked before every other rule of a field (class-validator runs IsDefined
 * first), so a missing field is reported as missing.
 */
export const Required = (name: string) =>
  IsDefined({ message: `${name} is required` });

export interface FieldOptions {
  /** Absent (or null) means "leave unchanged"; present values are checked. */
  optional?: boolean;
}

/** The documented schema plus either `Required` or `IsOptional`. */
function presence(
  name: string,
  schema: ApiPropertyOptions,
  { optional = false }: FieldOptions,
) {
  return applyDecorators(
    optional ? ApiPropertyOptional(schema) : ApiProperty(schema),
    optional ? IsOptional() : Required(name),
  );
}

/**
 * C0 and C1 control characters and the bidirectional overrides that make
 * "evil\u202Egnp.exe" display as "evilexe.png": never wanted in a name.
 */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

/** A required, non-blank string of bounded length. */
export const RequiredText = (name: string, maxLength: number) =>
  applyDecorators(
    Required(name),
    IsString({ message: `${name} must be a string` }),
    IsNotEmpty({ message: `${name} must not be empty` }),
    MaxLength(maxLength, {
      message: `${name} must be at most ${maxLength} characters`,
    }),
  );

export const PASSWORD_MIN_LENGTH = 8;
/** Bounds the hashing work a request can ask for; argon2 itself has no limit. */
export const PASSWORD_MAX_LENGTH = 128;

export const EmailField = () =>
  applyDecorators(
    ApiProperty({ example: 'ada@example.com', maxLength: 254 }),
    trim,
    Required('email'),
    IsString({ message: 'email must be a string' }),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
    IsEmail({}, { message: 'email must be a valid e-mail address' }),
  );

export const PasswordField = (
  name = 'password',
  example = 'correct-horse-battery',
) =>
  applyDecorators(
    ApiProperty({
      example,
      maxLength: PASSWORD_MAX_LENGTH,
      minLength: PASSWORD_MIN_LENGTH,
    }),
    Required(name),
    IsString({ message: `${name} must be a string` }),
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `${name} must be at least ${PASSWORD_MIN_LENGTH} characters`,
    }),
    MaxLength(PASSWORD_MAX_LENGTH, {
      message: `${name} must be at most ${PASSWORD_MAX_LENGTH} characters`,
    }),
  );

export const UsernameField = (options: FieldOptions = {}) =>
  applyDecorators(
    presence(
      'username',
      {
        example: 'ada_l',
        maxLength: 30,
        description: 'Letters, digits, ".", "_" or "-"',
      },
      options,
    ),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.normalize('NFKC').trim() : value,
    ),
    IsString({ message: 'username must be a string' }),
    Length(1, 30, { message: 'username must be 1 to 30 characters' }),
    Matches(/^[\p{L}\p{N}._-]+$/u, {
      message: 'username may only hold letters, digits, ".", "_" and "-"',
    }),
  );

export const NameField = (options: FieldOptions = {}) =>
  applyDecorators(
    presence('name', { example: 'Ada Lovelace', maxLength: 50 }, options),
    trim,
    IsString({ message: 'name must be a string' }),
    Length(1, 50, { message: 'name must be 1 to 50 characters' }),
    Matches(NO_CONTROL_CHARACTERS, {
      message: 'name must not contain control characters',
    }),
  );

export const OtpField = () =>
  applyDecorators(
    ApiProperty({
      example: '042917',
      description: 'The 6-digit code from the e-mail',
    }),
    trim,
    Required('otp'),
    IsString({ message: 'otp must be a string' }),
    Matches(/^\d{6}$/, { message: 'otp must be 6 digits' }),
  );
