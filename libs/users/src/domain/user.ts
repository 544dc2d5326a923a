/** A Vexora account. The password hash is deliberately not part of it. */
export interface User {
  createdAt: Date;
  email: string;
  /** Storage id of the profile picture, for deleting it later. */
  fileId: string | null;
  name: string;
  /** Absolute URL of the profile picture, or null for the default avatar. */
  profilePicture: string | null;
  updatedAt: Date;
  username: string;
  uuid: string;
  verified: boolean;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  username: string;
}

export interface UserCredentials {
  passwordHash: string;
  user: User;
}

export interface ProfileChanges {
  name?: string;
  username?: string;
}
