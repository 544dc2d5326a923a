import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';

import { NameField, UsernameField } from '@vexora/shared';

/** A field sent as null is left unchanged, like one that is left out. */
const NullAsAbsent = () =>
  Transform(({ value }: { value: unknown }) => value ?? undefined);

/** Both fields optional; sent as JSON or as multipart form fields. */
export class UpdateProfileDto {
  @IsOptional()
  @NameField()
  @NullAsAbsent()
  name?: string;

  @IsOptional()
  @UsernameField()
  @NullAsAbsent()
  username?: string;
}
