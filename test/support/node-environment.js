const { TestEnvironment } = require('jest-environment-node');

/**
 * Jest's Node environment, with the process's own typed-array constructors. Jest runs each test
 * file in a context of its own, whose Float32Array is not the one native addons create, so
 * onnxruntime (the sentence model) would reject the tensors it made itself.
 */
const TYPED_ARRAYS = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class NodeEnvironmentWithNativeArrays extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}

module.exports = NodeEnvironmentWithNativeArrays;
