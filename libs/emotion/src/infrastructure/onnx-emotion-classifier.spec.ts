import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

import sharp from 'sharp';

import { MOODS } from '@vexora/shared';

import {
  ImageTooLargeError,
  NoFaceDetectedError,
  UnsupportedImageError,
} from '../domain/emotion.errors';
import { OnnxEmotionClassifier } from './onnx-emotion-classifier';

const FACES_DIR = join(process.env.VEXORA_FIXTURES_DIR ?? '', 'faces');

interface ManifestRow {
  kind: string;
  label: string;
  path: string;
}

function manifest(kind: string): ManifestRow[] {
  return readFileSync(join(FACES_DIR, 'manifest.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [path, label, rowKind] = line.split(',');

      return { kind: rowKind, label, path };
    })
    .filter((row) => row.kind === kind);
}

function face(path: string): Buffer {
  return readFileSync(join(FACES_DIR, path));
}

/** A valid PNG header claiming `width`×`height` pixels, with no real pixels. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);

    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(0))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe(OnnxEmotionClassifier.name, () => {
  const classifier = new OnnxEmotionClassifier({
    emotion: { modelsDir: resolve(__dirname, '../../../../ml-models') },
    images: { maxPixels: 100_000_000, maxUploadBytes: 10 * 1024 * 1024 },
  });

  beforeAll(async () => {
    await classifier.onModuleInit();
  });

  afterAll(async () => {
    await classifier.onModuleDestroy();
  });

  describe('classifyFace', () => {
    it('should label at least 78% of the 48x48 FER crops right', async () => {
      const rows = manifest('crops');
      let right = 0;
      for (const row of rows) {
        const { mood } = await classifier.classifyFace(face(row.path));
        right += mood === row.label ? 1 : 0;
      }

      expect(rows).toHaveLength(200);
      expect(right / rows.length).toBeGreaterThanOrEqual(0.78);
    });
  });

  describe('detect', () => {
    it('should label at least 85% of the photos right', async () => {
      const rows = manifest('photos');
      let right = 0;
      for (const row of rows) {
        const { mood } = await classifier.detect(face(row.path));
        right += mood === row.label ? 1 : 0;
      }

      expect(rows).toHaveLength(37);
      expect(right / rows.length).toBeGreaterThanOrEqual(0.85);
    });

    it('should throw NoFaceDetectedError for every no-face image', async () => {
      const rows = manifest('noface');
      for (const row of rows) {
        await expect(classifier.detect(face(row.path))).rejects.toBeInstanceOf(
          NoFaceDetectedError,
        );
      }

      expect(rows).toHaveLength(12);
    });

    it('should return scores summing to 1, a face box inside the image and timings', async () => {
      const image = face('photos/happy_0001.jpg');
      const { height, width } = await sharp(image).metadata();

      const result = await classifier.detect(image);

      const total = MOODS.reduce((sum, mood) => sum + result.scores[mood], 0);
      expect(total).toBeCloseTo(1, 5);
      expect(result.mood).toBe('happy');
      expect(result.faceScore).toBeGreaterThan(0.7);
      expect(result.face.x).toBeGreaterThanOrEqual(0);
      expect(result.face.y).toBeGreaterThanOrEqual(0);
      expect(result.face.x + result.face.width).toBeLessThanOrEqual(width!);
      expect(result.face.y + result.face.height).toBeLessThanOrEqual(height!);
      expect(result.face.width).toBeGreaterThan(width! / 10);
      expect(result.timings.decodeMs).toBeGreaterThan(0);
      expect(result.timings.detectMs).toBeGreaterThan(0);
      expect(result.timings.classifyMs).toBeGreaterThan(0);
    });

    it('should find the face of a photo stored sideways with EXIF orientation 6', async () => {
      const upright = face('photos/happy_0001.jpg');
      // Orientation 6 means "turn 90° clockwise to display", so the stored
      // pixels are the upright photo turned 90° counter-clockwise.
      const sideways = await sharp(upright)
        .rotate(-90)
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer();
      const expected = await classifier.detect(upright);

      const result = await classifier.detect(sideways);

      expect(result.mood).toBe(expected.mood);
      expect(Math.abs(result.face.x - expected.face.x)).toBeLessThan(
        expected.face.width * 0.1,
      );
      expect(Math.abs(result.face.y - expected.face.y)).toBeLessThan(
        expected.face.height * 0.1,
      );
    });

    it('should throw NoFaceDetectedError for an EXIF-rotated photo without a face', async () => {
      await expect(
        classifier.detect(face('noface/noface_0004.jpg')),
      ).rejects.toBeInstanceOf(NoFaceDetectedError);
    });

    it('should read a GIF whose file name says PNG', async () => {
      const result = await classifier.detect(face('photos/happy_0003.png'));

      expect(MOODS).toContain(result.mood);
    });

    it('should throw UnsupportedImageError for a text file', async () => {
      await expect(
        classifier.detect(Buffer.from('hello, this is not an image\n')),
      ).rejects.toBeInstanceOf(UnsupportedImageError);
    });

    it('should throw UnsupportedImageError for an empty upload', async () => {
      await expect(classifier.detect(Buffer.alloc(0))).rejects.toBeInstanceOf(
        UnsupportedImageError,
      );
    });

    it('should throw UnsupportedImageError for a truncated JPEG', async () => {
      const photo = face('photos/happy_0001.jpg');
      const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));

      const detection = classifier.detect(truncated);

      await expect(detection).rejects.toBeInstanceOf(UnsupportedImageError);
      await expect(detection).rejects.toThrow(
        'The JPEG image is damaged or incomplete',
      );
    });

    it('should throw ImageTooLargeError for a 20000x20000 PNG before decoding it', async () => {
      await expect(
        classifier.detect(pngHeader(20_000, 20_000)),
      ).rejects.toBeInstanceOf(ImageTooLargeError);
    });

    it('should throw UnsupportedImageError for a PNG header without pixels', async () => {
      await expect(classifier.detect(pngHeader(64, 64))).rejects.toBeInstanceOf(
        UnsupportedImageError,
      );
    });
  });
});
