import { IsOptional } from 'class-validator';

import { NameField, UsernameField } from '@vexora/shared';

/** Both fields optional; sent as JSON or as multipart form fields. */
export class UpdateProfileDto {
  @IsOptional()
  @NameField()
  name?: string;

  @IsOptional()
  @UsernameField()
  username?: string;
}
