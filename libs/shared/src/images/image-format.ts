export type ImageFormat = 'gif' | 'jpeg' | 'png' | 'webp';

/** Judges the image type from its first bytes, never from a name. */
export function sniffImageFormat(bytes: Buffer): ImageFormat | undefined {
  if (
    bytes.length >= 3 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    bytes[2] === 0xff
  ) {
    return 'jpeg';
  }

  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return 'png';
  }

  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') {
    return 'gif';
  }

  const riff = bytes.subarray(0, 4).toString('latin1');
  if (riff === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }

  return undefined;
}

const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
]);
