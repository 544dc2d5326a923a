import * as ort from 'onnxruntime-node';
import sharp from 'sharp';

import { PixelBox, RgbImage } from './rgb-image';

export interface DetectedFace {
  box: PixelBox;
  score: number;
}

export interface FaceDetectorOptions {
  /** Overlap above which the weaker of two boxes is dropped. */
  iouThreshold: number;
  /** Lowest detector score that counts as a face. */
  minScore: number;
}

const INPUT_SIZE = 256;

/** Anchor layout of BlazeFace back: 16×16 cells × 2, then 8×8 cells × 6. */
const ANCHOR_GRIDS = [
  { anchors: 2, stride: 16 },
  { anchors: 6, stride: 32 },
];

/**
 * Runs BlazeFace (ml-models/blazeface.onnx) on a letterboxed 256×256 copy of
 * the image and decodes its anchors into boxes in image pixels, the way
 * @vladmandic/human's blazeface.ts does.
 */
export class BlazefaceFaceDetector {
  private readonly anchors = buildAnchors();

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly options: FaceDetectorOptions,
  ) {}

  async detect(image: RgbImage): Promise<DetectedFace[]> {
    const side = Math.max(image.width, image.height);
    const square = await letterbox(image);
    const pixels = new Float32Array(square.length);
    for (let index = 0; index < square.length; index++) {
      pixels[index] = square[index] / 127.5 - 1;
    }

    const outputs = await this.session.run({
      input: new ort.Tensor('float32', pixels, [1, INPUT_SIZE, INPUT_SIZE, 3]),
    });
    const candidates = this.decode(outputs, side / INPUT_SIZE);

    return suppressOverlaps(candidates, this.options.iouThreshold);
  }

  private decode(
    outputs: ort.InferenceSession.OnnxValueMapType,
    scale: number,
  ): DetectedFace[] {
    // Identity/Identity_2: 512 anchors of the 16×16 grid; Identity_1/_3: the
    // 384 anchors of the 8×8 grid. Regressor rows: dx, dy, w, h, 6 keypoints.
    const scores = concat(outputs.Identity.data, outputs.Identity_1.data);
    const regressors = concat(outputs.Identity_2.data, outputs.Identity_3.data);
    const faces: DetectedFace[] = [];
    for (let index = 0; index < scores.length; index++) {
      const score = sigmoid(scores[index]);
      if (score < this.options.minScore) {
        continue;
      }

      const row = index * 16;
      const [anchorX, anchorY] = this.anchors[index];
      const centerX = anchorX + regressors[row];
      const centerY = anchorY + regressors[row + 1];
      const width = regressors[row + 2];
      const height = regressors[row + 3];
      faces.push({
        box: {
          height: height * scale,
          width: width * scale,
          x: (centerX - width / 2) * scale,
          y: (centerY - height / 2) * scale,
        },
        score,
      });
    }

    return faces;
  }
}

/** Shrinks the image into the top-left of a black 256×256 square. */
async function letterbox(image: RgbImage): Promise<Buffer> {
  return sharp(image.data, {
    raw: { channels: 3, height: image.height, width: image.width },
  })
    .resize({
      background: { b: 0, g: 0, r: 0 },
      fit: 'contain',
      height: INPUT_SIZE,
      position: 'left top',
      width: INPUT_SIZE,
    })
    .raw()
    .toBuffer();
}

function buildAnchors(): [number, number][] {
  const anchors: [number, number][] = [];
  for (const { anchors: perCell, stride } of ANCHOR_GRIDS) {
    const cells = Math.ceil(INPUT_SIZE / stride);
    for (let y = 0; y < cells; y++) {
      for (let x = 0; x < cells; x++) {
        for (let n = 0; n < perCell; n++) {
          anchors.push([stride * (x + 0.5), stride * (y + 0.5)]);
        }
      }
    }
  }

  return anchors;
}

function concat(first: unknown, second: unknown): Float32Array {
  const left = first as Float32Array;
  const right = second as Float32Array;
  const out = new Float32Array(left.length + right.length);
  out.set(left);
  out.set(right, left.length);

  return out;
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** Greedy non-maximum suppression, strongest first. */
function suppressOverlaps(
  faces: DetectedFace[],
  iouThreshold: number,
): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    if (kept.every((other) => iou(face.box, other.box) <= iouThreshold)) {
      kept.push(face);
    }
  }

  return kept;
}

function iou(a: PixelBox, b: PixelBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) {
    return 0;
  }

  const overlap = width * height;

  return overlap / (a.width * a.height + b.width * b.height - overlap);
}
