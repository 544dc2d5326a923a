/**
 * Jest's node environment gives each test file its own typed-array
 * constructors, but onnxruntime-node's native binding returns arrays built
 * with Node's own ones, and onnxruntime-common's `instanceof` checks then
 * reject them ("A float32 tensor's data must be type of Float32Array").
 * Sharing the host's constructors avoids that; see
 * https://github.com/microsoft/onnxruntime/issues/16622 .
 */
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer',
  'BigInt64Array',
  'BigUint64Array',
  'Float32Array',
  'Float64Array',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
];

class OnnxNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxNodeEnvironment;
