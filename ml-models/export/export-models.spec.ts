import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';

import { MODEL_SOURCES, exportModels, sourcePath } from './export-models';
import { FACE_API_MEAN_RGB } from './face-expression-net.builder';

const TOLERANCE = 1e-4;

const ML_MODELS_DIR = join(__dirname, '..');

/** mulberry32: a tiny seeded generator so that inputs are the same each run. */
function seededRandom(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInput(shape: number[], low: number, high: number, seed: number) {
  const random = seededRandom(seed);
  const size = shape.reduce((product, dim) => product * dim, 1);

  return Float32Array.from(
    { length: size },
    () => low + random() * (high - low),
  );
}

function maxAbsDiff(left: ArrayLike<number>, right: ArrayLike<number>): number {
  expect(left.length).toBe(right.length);
  let max = 0;
  for (let index = 0; index < left.length; index++) {
    max = Math.max(max, Math.abs(left[index] - right[index]));
  }

  return max;
}

interface WeightsManifestGroup {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

function readWeights(manifestPath: string, groups: WeightsManifestGroup[]) {
  const buffer = Buffer.concat(
    groups.flatMap((group) =>
      group.paths.map((path) =>
        readFileSync(join(dirname(manifestPath), path)),
      ),
    ),
  );
  const weightData = buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  );

  return {
    weightData,
    weightSpecs: groups.flatMap((group) => group.weights),
  };
}

async function loadTfjsGraphModel(
  modelJsonPath: string,
): Promise<tf.GraphModel> {
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8'));
  const { weightData, weightSpecs } = readWeights(
    modelJsonPath,
    json.weightsManifest,
  );

  return tf.loadGraphModel(
    tf.io.fromMemory({
      format: json.format,
      modelTopology: json.modelTopology,
      weightData,
      weightSpecs,
    }),
  );
}

/** face-api.js FaceExpressionNet forward pass, written with TF.js ops. */
function faceExpressionReference(
  weights: tf.NamedTensorMap,
  input: tf.Tensor4D,
): tf.Tensor2D {
  const separable = (x: tf.Tensor4D, prefix: string, stride: number) =>
    tf.add(
      tf.separableConv2d(
        x,
        weights[`${prefix}/depthwise_filter`] as tf.Tensor4D,
        weights[`${prefix}/pointwise_filter`] as tf.Tensor4D,
        [stride, stride],
        'same',
      ),
      weights[`${prefix}/bias`],
    ) as tf.Tensor4D;
  const denseBlock4 = (x: tf.Tensor4D, block: string, first: boolean) => {
    const out1 = tf.relu(
      first
        ? tf.add(
            tf.conv2d(
              x,
              weights[`${block}/conv0/filters`] as tf.Tensor4D,
              2,
              'same',
            ),
            weights[`${block}/conv0/bias`],
          )
        : separable(x, `${block}/conv0`, 2),
    ) as tf.Tensor4D;
    const out2 = separable(out1, `${block}/conv1`, 1);
    const in3 = tf.relu(tf.add(out1, out2)) as tf.Tensor4D;
    const out3 = separable(in3, `${block}/conv2`, 1);
    const in4 = tf.relu(tf.add(out1, tf.add(out2, out3))) as tf.Tensor4D;
    const out4 = separable(in4, `${block}/conv3`, 1);

    return tf.relu(
      tf.add(out1, tf.add(out2, tf.add(out3, out4))),
    ) as tf.Tensor4D;
  };

  return tf.tidy(() => {
    let out = tf.div(tf.sub(input, FACE_API_MEAN_RGB), 255) as tf.Tensor4D;
    out = denseBlock4(out, 'dense0', true);
    out = denseBlock4(out, 'dense1', false);
    out = denseBlock4(out, 'dense2', false);
    out = denseBlock4(out, 'dense3', false);
    const pooled = tf.avgPool(out, [7, 7], [2, 2], 'valid');
    const logits = tf.add(
      tf.matMul(
        pooled.as2D(pooled.shape[0], -1),
        weights['fc/weights'] as tf.Tensor2D,
      ),
      weights['fc/bias'],
    );

    return tf.softmax(logits) as tf.Tensor2D;
  });
}

async function runOnnx(
  path: string,
  inputName: string,
  data: Float32Array,
  shape: number[],
): Promise<Record<string, Float32Array>> {
  const session = await ort.InferenceSession.create(path);
  const results = await session.run({
    [inputName]: new ort.Tensor('float32', data, shape),
  });
  await session.release();

  return Object.fromEntries(
    Object.entries(results).map(([name, tensor]) => [
      name,
      tensor.data as Float32Array,
    ]),
  );
}

describe('exportModels', () => {
  let outDir: string;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    outDir = mkdtempSync(join(tmpdir(), 'vexora-onnx-'));
    exportModels(outDir);
  });

  afterAll(() => {
    rmSync(outDir, { force: true, recursive: true });
  });

  it('should export the same bytes as the committed ml-models files', () => {
    for (const source of MODEL_SOURCES) {
      const fresh = readFileSync(join(outDir, source.file));
      const committed = readFileSync(join(ML_MODELS_DIR, source.file));

      expect(committed.equals(fresh)).toBe(true);
    }
  });

  it.each([
    ['blazeface.onnx', 'input', [1, 256, 256, 3], -1, 1],
    ['emotion.onnx', 'input_1', [2, 64, 64, 1], -1, 1],
  ])(
    'should make %s match its TF.js graph model within 1e-4',
    async (file, inputName, shape, low, high) => {
      const source = MODEL_SOURCES.find((model) => model.file === file)!;
      const data = randomInput(shape, low, high, 42);
      const model = await loadTfjsGraphModel(sourcePath(source));
      const onnx = await runOnnx(join(outDir, file), inputName, data, shape);
      const outputNames = Object.keys(onnx);
      const input = tf.tensor(data, shape);
      const reference = model.execute(input, outputNames) as
        tf.Tensor | tf.Tensor[];
      const references = Array.isArray(reference) ? reference : [reference];

      for (const [index, name] of outputNames.entries()) {
        const expected = await references[index].data();

        expect(
          maxAbsDiff(onnx[name], expected as Float32Array),
        ).toBeLessThanOrEqual(TOLERANCE);
      }

      tf.dispose([input, ...references]);
      model.dispose();
    },
  );

  it('should make face-expression.onnx match the face-api.js forward pass within 1e-4', async () => {
    const source = MODEL_SOURCES.find(
      (model) => model.file === 'face-expression.onnx',
    )!;
    const manifestPath = sourcePath(source);
    const groups = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const { weightData, weightSpecs } = readWeights(manifestPath, groups);
    const weights = tf.io.decodeWeights(weightData, weightSpecs);
    const shape = [2, 112, 112, 3];
    const data = randomInput(shape, 0, 255, 7);
    const onnx = await runOnnx(join(outDir, source.file), 'input', data, shape);
    const input = tf.tensor4d(data, shape as [number, number, number, number]);
    const reference = faceExpressionReference(weights, input);

    expect(
      maxAbsDiff(onnx.expressions, (await reference.data()) as Float32Array),
    ).toBeLessThanOrEqual(TOLERANCE);

    tf.dispose([input, reference, ...Object.values(weights)]);
  });
});
