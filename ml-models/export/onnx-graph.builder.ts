import { join } from 'node:path';

import * as protobuf from 'protobufjs';

/** ONNX TensorProto.DataType values used by the exporter. */
export enum OnnxDataType {
  Float = 1,
  Int32 = 6,
  Int64 = 7,
}

/** One ONNX attribute value; the key says which AttributeProto field it is. */
export type OnnxAttribute =
  { f: number } | { i: number } | { ints: number[] } | { s: string };

/** A dimension is a fixed size or a symbolic name such as `batch`. */
export type OnnxDim = number | string;

const ATTRIBUTE_TYPES = { f: 1, i: 2, ints: 7, s: 3 } as const;

const IR_VERSION = 8;

const OPSET_VERSION = 17;

const onnxRoot = protobuf.loadSync(join(__dirname, 'onnx.proto'));

/**
 * Collects nodes, initializers and graph inputs/outputs, then serialises an
 * ONNX ModelProto. Keeps insertion order so that an export is reproducible
 * byte for byte.
 */
export class OnnxGraphBuilder {
  private readonly initializers: object[] = [];
  private readonly initializerNames = new Set<string>();
  private readonly inputs: object[] = [];
  private readonly nodes: object[] = [];
  private readonly outputs: object[] = [];

  constructor(private readonly graphName: string) {}

  hasInitializer(name: string): boolean {
    return this.initializerNames.has(name);
  }

  addFloatInitializer(
    name: string,
    dims: number[],
    data: Float32Array,
  ): string {
    return this.addInitializer(name, dims, OnnxDataType.Float, data);
  }

  addInt64Initializer(name: string, values: number[]): string {
    const data = BigInt64Array.from(values.map((value) => BigInt(value)));

    return this.addInitializer(name, [values.length], OnnxDataType.Int64, data);
  }

  addInput(name: string, dims: OnnxDim[]): void {
    this.inputs.push(valueInfo(name, dims));
  }

  addOutput(name: string, dims?: OnnxDim[]): void {
    this.outputs.push(valueInfo(name, dims));
  }

  addNode(
    opType: string,
    inputs: string[],
    output: string,
    attributes: Record<string, OnnxAttribute> = {},
  ): string {
    const attribute = Object.entries(attributes).map(([name, value]) =>
      toAttributeProto(name, value),
    );
    this.nodes.push({
      attribute,
      input: inputs,
      name: output,
      opType,
      output: [output],
    });

    return output;
  }

  toBuffer(docString: string, metadata: Record<string, string>): Buffer {
    const ModelProto = onnxRoot.lookupType('onnx.ModelProto');
    const model = ModelProto.fromObject({
      docString,
      graph: {
        initializer: this.initializers,
        input: this.inputs,
        name: this.graphName,
        node: this.nodes,
        output: this.outputs,
      },
      irVersion: IR_VERSION,
      metadataProps: Object.entries(metadata).map(([key, value]) => ({
        key,
        value,
      })),
      opsetImport: [{ domain: '', version: OPSET_VERSION }],
      producerName: 'vexora-ml-export',
      producerVersion: '1',
    });

    return Buffer.from(ModelProto.encode(model).finish());
  }

  private addInitializer(
    name: string,
    dims: number[],
    dataType: OnnxDataType,
    data: Float32Array | BigInt64Array,
  ): string {
    if (this.initializerNames.has(name)) {
      throw new Error(`Duplicate initializer ${name}`);
    }

    this.initializerNames.add(name);
    this.initializers.push({
      dataType,
      dims,
      name,
      rawData: toLittleEndianBytes(data),
    });

    return name;
  }
}

function valueInfo(name: string, dims?: OnnxDim[]): object {
  const shape = dims && {
    dim: dims.map((dim) =>
      typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim },
    ),
  };

  return {
    name,
    type: { tensorType: { elemType: OnnxDataType.Float, shape } },
  };
}

function toAttributeProto(name: string, value: OnnxAttribute): object {
  if ('ints' in value) {
    return { ints: value.ints, name, type: ATTRIBUTE_TYPES.ints };
  }

  if ('i' in value) {
    return { i: value.i, name, type: ATTRIBUTE_TYPES.i };
  }

  if ('f' in value) {
    return { f: value.f, name, type: ATTRIBUTE_TYPES.f };
  }

  return { name, s: Buffer.from(value.s), type: ATTRIBUTE_TYPES.s };
}

function toLittleEndianBytes(data: Float32Array | BigInt64Array): Buffer {
  const bytes = Buffer.alloc(data.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  data.forEach((value: number | bigint, index: number) => {
    if (typeof value === 'bigint') {
      view.setBigInt64(index * 8, value, true);
    } else {
      view.setFloat32(index * 4, value, true);
    }
  });

  return bytes;
}
