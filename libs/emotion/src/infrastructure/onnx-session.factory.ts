import { join } from 'node:path';

import * as ort from 'onnxruntime-node';

/**
 * One session per model for the life of the process. These models are
 * small: on the 2-core target one intra-op thread measured faster than two
 * (8.8 vs 15.7 ms for BlazeFace) and leaves the other core to sharp and to
 * concurrent requests.
 */
export function createOnnxSession(
  modelsDir: string,
  file: string,
): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(join(modelsDir, file), {
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    interOpNumThreads: 1,
    intraOpNumThreads: 1,
  });
}
