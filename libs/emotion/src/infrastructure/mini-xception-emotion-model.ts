import * as ort from 'onnxruntime-node';

import { FerProbabilities } from './fer-classes';
import { mirrorInPlace } from './rgb-image';

const INPUT_SIZE = 64;

/** ITU-R BT.601 luma weights, as @vladmandic/human uses for this model. */
const LUMA = [0.2989, 0.587, 0.114];

/**
 * The FER-2013 mini-Xception of oarriaga/face_classification, shipped by
 * @vladmandic/human (ml-models/emotion.onnx): 64×64 grayscale in -1..1.
 * With `mirror`, a flipped copy runs in the same batch and the two
 * predictions are averaged.
 */
export class MiniXceptionEmotionModel {
  constructor(private readonly session: ort.InferenceSession) {}

  static readonly inputSize = INPUT_SIZE;

  /** `face`: INPUT_SIZE² RGB pixels (0..255, HWC) of the face crop. */
  async predict(
    face: Float32Array,
    mirror: boolean,
  ): Promise<FerProbabilities> {
    const views = mirror ? 2 : 1;
    const pixels = INPUT_SIZE * INPUT_SIZE;
    const input = new Float32Array(views * pixels);
    for (let index = 0; index < pixels; index++) {
      const gray =
        (face[index * 3] * LUMA[0] +
          face[index * 3 + 1] * LUMA[1] +
          face[index * 3 + 2] * LUMA[2]) /
        255;
      input[index] = (gray - 0.5) * 2;
    }

    if (mirror) {
      input.set(input.subarray(0, pixels), pixels);
      mirrorInPlace(input.subarray(pixels), INPUT_SIZE, 1);
    }

    const outputs = await this.session.run({
      input_1: new ort.Tensor('float32', input, [
        views,
        INPUT_SIZE,
        INPUT_SIZE,
        1,
      ]),
    });

    return averageRows(outputs.Identity.data as Float32Array, views);
  }
}

/** Mean of `rows` equal-length rows of a flat batch output. */
export function averageRows(data: Float32Array, rows: number): Float32Array {
  const width = data.length / rows;
  const out = new Float32Array(width);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < width; column++) {
      out[column] += data[row * width + column] / rows;
    }
  }

  return out;
}
