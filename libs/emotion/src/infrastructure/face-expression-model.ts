import * as ort from 'onnxruntime-node';

import { FerProbabilities } from './fer-classes';
import { averageRows } from './mini-xception-emotion-model';
import { mirrorInPlace } from './rgb-image';

const INPUT_SIZE = 112;

/** face-api.js order → index in FER_CLASSES. */
const TO_FER_INDEX = [6, 3, 4, 0, 2, 1, 5];

/**
 * face-api.js FaceExpressionNet (ml-models/face-expression.onnx): 112×112
 * RGB in 0..255; mean subtraction happens inside the graph.
 */
export class FaceExpressionModel {
  constructor(private readonly session: ort.InferenceSession) {}

  static readonly inputSize = INPUT_SIZE;

  /** `face`: INPUT_SIZE² RGB pixels (0..255, HWC) of the face crop. */
  async predict(
    face: Float32Array,
    mirror: boolean,
  ): Promise<FerProbabilities> {
    const views = mirror ? 2 : 1;
    const size = INPUT_SIZE * INPUT_SIZE * 3;
    const input = new Float32Array(views * size);
    input.set(face);
    if (mirror) {
      input.set(face, size);
      mirrorInPlace(input.subarray(size), INPUT_SIZE, 3);
    }

    const outputs = await this.session.run({
      input: new ort.Tensor('float32', input, [
        views,
        INPUT_SIZE,
        INPUT_SIZE,
        3,
      ]),
    });
    const faceApi = averageRows(
      outputs.expressions.data as Float32Array,
      views,
    );
    const fer = new Float32Array(faceApi.length);
    TO_FER_INDEX.forEach((ferIndex, faceApiIndex) => {
      fer[ferIndex] = faceApi[faceApiIndex];
    });

    return fer;
  }
}
