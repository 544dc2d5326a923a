export interface PreparedPicture {
  contentType: string;
  data: Buffer;
  extension: string;
}

/**
 * Port that turns an uploaded file into a picture safe to publish: only
 * JPEG, PNG, GIF or WebP by their bytes (the first frame of an animation),
 * upright, without metadata, of bounded size.
 */
export abstract class PictureProcessor {
  /**
   * Throws UnsupportedPictureError for anything else than a readable image
   * of those types, PictureTooLargeError when it has too many pixels.
   */
  abstract prepare(upload: Buffer): Promise<PreparedPicture>;
}
