import {
  EmailField,
  NameField,
  PasswordField,
  UsernameField,
} from '@vexora/shared';

export class RegisterDto {
  @EmailField()
  email: string;

  @NameField()
  name: string;

  @PasswordField()
  password: string;

  @UsernameField()
  username: string;
}
