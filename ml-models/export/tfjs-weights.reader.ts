import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One entry of a TF.js weights manifest. */
export interface TfjsWeightSpec {
  dtype: 'float32' | 'int32';
  name: string;
  quantization?: { dtype: 'uint8' | 'uint16'; min: number; scale: number };
  shape: number[];
}

export interface TfjsWeightGroup {
  paths: string[];
  weights: TfjsWeightSpec[];
}

export interface NamedWeight {
  data: Float32Array | Int32Array;
  shape: number[];
}

/**
 * Reads the binary shards of a TF.js weights manifest into typed arrays,
 * dequantising uint8/uint16 weights the way TF.js does (q * scale + min).
 */
export class TfjsWeightsReader {
  read(
    manifestPath: string,
    groups: TfjsWeightGroup[],
  ): Map<string, NamedWeight> {
    const weights = new Map<string, NamedWeight>();
    for (const group of groups) {
      const buffer = Buffer.concat(
        group.paths.map((path) =>
          readFileSync(join(dirname(manifestPath), path)),
        ),
      );
      let offset = 0;
      for (const spec of group.weights) {
        const { byteLength, weight } = decodeWeight(buffer, offset, spec);
        weights.set(spec.name, weight);
        offset += byteLength;
      }

      if (offset !== buffer.length) {
        throw new Error(
          `${manifestPath}: ${buffer.length - offset} unread bytes`,
        );
      }
    }

    return weights;
  }
}

function decodeWeight(
  buffer: Buffer,
  offset: number,
  spec: TfjsWeightSpec,
): { byteLength: number; weight: NamedWeight } {
  const size = spec.shape.reduce((product, dim) => product * dim, 1);
  const view = new DataView(buffer.buffer, buffer.byteOffset + offset);
  const { quantization } = spec;
  if (quantization) {
    const bytesPerValue = quantization.dtype === 'uint8' ? 1 : 2;
    const data = new Float32Array(size);
    for (let index = 0; index < size; index++) {
      const quantized =
        bytesPerValue === 1
          ? view.getUint8(index)
          : view.getUint16(index * 2, true);
      data[index] = quantized * quantization.scale + quantization.min;
    }

    return {
      byteLength: size * bytesPerValue,
      weight: { data, shape: spec.shape },
    };
  }

  const data =
    spec.dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
  for (let index = 0; index < size; index++) {
    data[index] =
      spec.dtype === 'int32'
        ? view.getInt32(index * 4, true)
        : view.getFloat32(index * 4, true);
  }

  return { byteLength: size * 4, weight: { data, shape: spec.shape } };
}
