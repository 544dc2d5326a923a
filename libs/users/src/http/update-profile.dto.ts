import { Transform } from 'class-transformer';

import { NameField, UsernameField } from '@vexora/shared';

/** A field sent as null is left unchanged, like one that is left out. */
const NullAsAbsent = () =>
  Transform(({ value }: { value: unknown }) => value ?? undefined);

/** Both fields optional; sent as JSON or as multipart form fields. */
export class UpdateProfileDto {
  @NameField({ optional: true })
  @NullAsAbsent()
  name?: string;

  @UsernameField({ optional: true })
  @NullAsAbsent()
  username?: string;
}
