export interface StoredPicture {
  /** Storage id, kept with the user so that the picture can be deleted. */
  fileId: string;
  /** Absolute http(s) URL the mobile app loads the picture from. */
  url: string;
}

/** Port for keeping profile pictures somewhere a phone can load them from. */
export abstract class PictureStorage {
  abstract save(
    image: Buffer,
    fileName: string,
    contentType: string,
  ): Promise<StoredPicture>;

  /** Deleting a picture that is already gone succeeds. */
  abstract delete(fileId: string): Promise<void>;
}
