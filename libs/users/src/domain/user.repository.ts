import { NewUser, ProfileChanges, User, UserCredentials } from './user';

/**
 * Port for account persistence. E-mails and usernames passed in are already
 * normalised; look-ups are case-insensitive.
 */
export abstract class UserRepository {
  /** Throws ConflictError when the e-mail or username is taken. */
  abstract create(user: NewUser): Promise<User>;

  abstract findByEmail(email: string): Promise<User | null>;

  abstract findById(uuid: string): Promise<User | null>;

  abstract findCredentialsById(uuid: string): Promise<UserCredentials | null>;

  abstract findCredentialsByUsername(
    username: string,
  ): Promise<UserCredentials | null>;

  abstract markVerified(uuid: string): Promise<void>;

  /**
   * Points the user at a new picture and answers the file id it replaced
   * (null when none), read and written atomically so that concurrent
   * uploads each learn which picture to delete. Throws NotFoundError when
   * the user does not exist.
   */
  abstract updatePicture(
    uuid: string,
    url: string,
    fileId: string,
  ): Promise<string | null>;

  abstract updatePasswordHash(
    uuid: string,
    passwordHash: string,
  ): Promise<void>;

  /** Throws ConflictError when the new username is taken. */
  abstract updateProfile(uuid: string, changes: ProfileChanges): Promise<User>;
}
