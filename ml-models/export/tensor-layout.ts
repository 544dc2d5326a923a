/**
 * Weight re-layouts from TensorFlow's channels-last conventions to ONNX's
 * channels-first ones.
 */

/** Conv2D filter HWIO → ONNX Conv weight OIHW. */
export function hwioToOihw(data: Float32Array, shape: number[]): Float32Array {
  const [height, width, channelsIn, channelsOut] = shape;
  const out = new Float32Array(data.length);
  for (let h = 0; h < height; h++) {
    for (let w = 0; w < width; w++) {
      for (let i = 0; i < channelsIn; i++) {
        for (let o = 0; o < channelsOut; o++) {
          const source = ((h * width + w) * channelsIn + i) * channelsOut + o;
          out[((o * channelsIn + i) * height + h) * width + w] = data[source];
        }
      }
    }
  }

  return out;
}

/**
 * Depthwise filter [H, W, C, M] → grouped Conv weight [C * M, 1, H, W].
 * TensorFlow orders depthwise output channels as c * M + m, as ONNX does for
 * group = C.
 */
export function depthwiseToOihw(
  data: Float32Array,
  shape: number[],
): Float32Array {
  const [height, width, channels, multiplier] = shape;

  return hwioToOihw(data, [height, width, 1, channels * multiplier]);
}
