export interface PreparedPicture {
  contentType: string;
  data: Buffer;
  extension: string;
}

/**
 * Port that turns an uploaded file into a picture safe to publish: only
 * PNG or JPEG by their bytes, upright, without metadata, of bounded size.
 */
export abstract class PictureProcessor {
  /**
   * Throws UnsupportedPictureError for anything else than a readable PNG or
   * JPEG, PictureTooLargeError when it has too many pixels.
   */
  abstract prepare(upload: Buffer): Promise<PreparedPicture>;
}
