/** Interleaved RGB pixels, row after row. */
export interface PixelSource {
  data: ArrayLike<number>;
  height: number;
  width: number;
}

/** Interleaved 8-bit RGB pixels, row after row. */
export interface RgbImage extends PixelSource {
  data: Uint8Array;
}

/** Axis-aligned box in pixels of some image. */
export interface PixelBox {
  height: number;
  width: number;
  x: number;
  y: number;
}

/** Bilinear taps along one axis: two source indices and their weights. */
interface Taps {
  first: Int32Array;
  firstWeight: Float32Array;
  second: Int32Array;
  secondWeight: Float32Array;
}

const MAX_SUPERSAMPLES = 4;

/**
 * Samples `box` of `image` into an outSize × outSize RGB float buffer
 * (0..255, HWC) with bilinear interpolation, supersampled when shrinking so
 * that a large face is not aliased. Points outside the image read as black,
 * as in TF.js cropAndResize.
 */
export function sampleRgb(
  image: PixelSource,
  box: PixelBox,
  outSize: number,
): Float32Array {
  const scale = Math.max(box.width, box.height) / outSize;
  const samples = Math.min(MAX_SUPERSAMPLES, Math.max(1, Math.round(scale)));
  const columns = taps(
    box.x,
    box.width / outSize,
    outSize,
    samples,
    image.width,
  );
  const rows = taps(
    box.y,
    box.height / outSize,
    outSize,
    samples,
    image.height,
  );
  const out = new Float32Array(outSize * outSize * 3);
  const { data, width } = image;
  const weight = 1 / (samples * samples);
  for (let row = 0; row < outSize; row++) {
    for (let sy = row * samples; sy < (row + 1) * samples; sy++) {
      const top = rows.first[sy] * width;
      const bottom = rows.second[sy] * width;
      const wTop = rows.firstWeight[sy] * weight;
      const wBottom = rows.secondWeight[sy] * weight;
      for (let column = 0; column < outSize; column++) {
        const offset = (row * outSize + column) * 3;
        for (let sx = column * samples; sx < (column + 1) * samples; sx++) {
          const left = columns.first[sx];
          const right = columns.second[sx];
          const wLeft = columns.firstWeight[sx];
          const wRight = columns.secondWeight[sx];
          const a = (top + left) * 3;
          const b = (top + right) * 3;
          const c = (bottom + left) * 3;
          const d = (bottom + right) * 3;
          for (let channel = 0; channel < 3; channel++) {
            out[offset + channel] +=
              wTop * (wLeft * data[a + channel] + wRight * data[b + channel]) +
              wBottom *
                (wLeft * data[c + channel] + wRight * data[d + channel]);
          }
        }
      }
    }
  }

  return out;
}

/** Mirrors an HWC image left to right, in place. */
export function mirrorInPlace(
  pixels: Float32Array,
  size: number,
  channels: number,
): Float32Array {
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size / 2; column++) {
      const left = (row * size + column) * channels;
      const right = (row * size + size - 1 - column) * channels;
      for (let channel = 0; channel < channels; channel++) {
        const value = pixels[left + channel];
        pixels[left + channel] = pixels[right + channel];
        pixels[right + channel] = value;
      }
    }
  }

  return pixels;
}

/**
 * Sample positions along one axis. A position outside the image gets zero
 * weights (black); edge pixels are clamped otherwise.
 */
function taps(
  start: number,
  step: number,
  outSize: number,
  samples: number,
  limit: number,
): Taps {
  const count = outSize * samples;
  const result: Taps = {
    first: new Int32Array(count),
    firstWeight: new Float32Array(count),
    second: new Int32Array(count),
    secondWeight: new Float32Array(count),
  };
  for (let index = 0; index < count; index++) {
    const position = start + ((index + 0.5) / samples) * step - 0.5;
    if (position < -0.5 || position > limit - 0.5) {
      continue;
    }

    const first = Math.min(Math.max(Math.floor(position), 0), limit - 1);
    const fraction = Math.min(Math.max(position - first, 0), 1);
    result.first[index] = first;
    result.second[index] = Math.min(first + 1, limit - 1);
    result.firstWeight[index] = 1 - fraction;
    result.secondWeight[index] = fraction;
  }

  return result;
}
