import { readFileSync } from 'node:fs';

import { OnnxDim, OnnxGraphBuilder } from './onnx-graph.builder';
import { depthwiseToOihw, hwioToOihw } from './tensor-layout';
import {
  NamedWeight,
  TfjsWeightGroup,
  TfjsWeightsReader,
} from './tfjs-weights.reader';

interface TfAttr {
  b?: boolean;
  f?: number;
  i?: string;
  list?: { i?: string[]; s?: string[] };
  s?: string;
  shape?: { dim?: { size: string }[] };
}

interface TfNode {
  attr?: Record<string, TfAttr>;
  input?: string[];
  name: string;
  op: string;
}

interface TfjsGraphModelJson {
  modelTopology: { node: TfNode[] };
  weightsManifest: TfjsWeightGroup[];
}

/** Where a TF tensor lives in the ONNX graph and in which layout. */
interface Converted {
  layout: 'nchw' | 'plain';
  name: string;
}

/** NHWC axis → NCHW axis. */
const NHWC_TO_NCHW_AXIS = [0, 2, 3, 1];

/**
 * Converts a TF.js graph model (model.json + weight shards) into an ONNX
 * graph with the same inputs and outputs. 4-D activations are kept NCHW
 * inside the graph: the NHWC input is transposed once, and tensors are
 * transposed back only where NHWC order matters (Reshape).
 */
export class TfjsGraphConverter {
  private readonly constants = new Map<string, NamedWeight>();
  private readonly converted = new Map<string, Converted>();

  constructor(private readonly builder: OnnxGraphBuilder) {}

  static fromFile(modelJsonPath: string, graphName: string): OnnxGraphBuilder {
    const json = JSON.parse(
      readFileSync(modelJsonPath, 'utf8'),
    ) as TfjsGraphModelJson;
    const weights = new TfjsWeightsReader().read(
      modelJsonPath,
      json.weightsManifest,
    );
    const builder = new OnnxGraphBuilder(graphName);
    new TfjsGraphConverter(builder).convert(json.modelTopology.node, weights);

    return builder;
  }

  convert(nodes: TfNode[], weights: Map<string, NamedWeight>): void {
    const consumed = new Set(
      nodes.flatMap((node) => (node.input ?? []).map(tensorName)),
    );
    for (const node of nodes) {
      this.convertNode(node, weights);
    }

    const sinks = nodes
      .filter((node) => node.op !== 'Const' && !consumed.has(node.name))
      .map((node) => node.name)
      .sort();
    for (const sink of sinks) {
      this.builder.addOutput(this.plain(sink));
    }
  }

  private convertNode(node: TfNode, weights: Map<string, NamedWeight>): void {
    switch (node.op) {
      case 'Const':
        return this.convertConst(node, weights);
      case 'Placeholder':
        return this.convertPlaceholder(node);
      case '_FusedConv2D':
      case 'Conv2D':
        return this.convertConv(node, false);
      case 'DepthwiseConv2dNative':
        return this.convertConv(node, true);
      case 'MaxPool':
        return this.convertMaxPool(node);
      case 'Add':
      case 'AddV2':
        return this.convertBinary(node, 'Add');
      case 'Relu':
      case 'Identity':
      case 'Softmax':
        return this.convertUnary(node);
      case 'Pad':
        return this.convertPad(node);
      case 'Reshape':
        return this.convertReshape(node);
      case 'Mean':
        return this.convertMean(node);
      default:
        throw new Error(`Unsupported TF op ${node.op} (${node.name})`);
    }
  }

  private convertConst(node: TfNode, weights: Map<string, NamedWeight>): void {
    const weight = weights.get(node.name);
    if (!weight) {
      throw new Error(`No weight for const ${node.name}`);
    }

    this.constants.set(node.name, weight);
  }

  private convertPlaceholder(node: TfNode): void {
    const dims = (node.attr?.shape?.shape?.dim ?? []).map((dim): OnnxDim =>
      Number(dim.size) < 0 ? 'batch' : Number(dim.size),
    );
    if (dims.length !== 4) {
      throw new Error(`Only 4-D NHWC inputs are supported (${node.name})`);
    }

    this.builder.addInput(node.name, dims);
    const name = this.builder.addNode(
      'Transpose',
      [node.name],
      `${node.name}__nchw`,
      { perm: { ints: [0, 3, 1, 2] } },
    );
    this.converted.set(node.name, { layout: 'nchw', name });
  }

  private convertConv(node: TfNode, depthwise: boolean): void {
    const [input, filterName, biasName] = (node.input ?? []).map(tensorName);
    const filter = this.constant(filterName);
    const fusedOps = decodeStrings(node.attr?.fused_ops?.list?.s);
    const unsupported = fusedOps.filter(
      (op) => op !== 'BiasAdd' && op !== 'Relu',
    );
    if (unsupported.length > 0) {
      throw new Error(
        `Unsupported fused ops ${unsupported.join()} (${node.name})`,
      );
    }

    const [height, width, channelsIn, channelsOut] = filter.shape;
    const weight = this.builder.addFloatInitializer(
      `${filterName}__oihw`,
      depthwise
        ? [channelsIn * channelsOut, 1, height, width]
        : [channelsOut, channelsIn, height, width],
      depthwise
        ? depthwiseToOihw(filter.data as Float32Array, filter.shape)
        : hwioToOihw(filter.data as Float32Array, filter.shape),
    );
    const inputs = [this.nchw(input), weight];
    if (fusedOps.includes('BiasAdd')) {
      inputs.push(this.floatConstant(biasName));
    }

    const relu = fusedOps.includes('Relu');
    const convName = this.builder.addNode(
      'Conv',
      inputs,
      relu ? `${node.name}__conv` : node.name,
      {
        auto_pad: { s: autoPad(node) },
        dilations: { ints: spatial(node.attr?.dilations, [1, 1]) },
        group: { i: depthwise ? channelsIn : 1 },
        kernel_shape: { ints: [height, width] },
        strides: { ints: spatial(node.attr?.strides, [1, 1]) },
      },
    );
    const name = relu
      ? this.builder.addNode('Relu', [convName], node.name)
      : convName;
    this.converted.set(node.name, { layout: 'nchw', name });
  }

  private convertMaxPool(node: TfNode): void {
    const [input] = (node.input ?? []).map(tensorName);
    const name = this.builder.addNode(
      'MaxPool',
      [this.nchw(input)],
      node.name,
      {
        auto_pad: { s: autoPad(node) },
        kernel_shape: { ints: spatial(node.attr?.ksize, [1, 1]) },
        strides: { ints: spatial(node.attr?.strides, [1, 1]) },
      },
    );
    this.converted.set(node.name, { layout: 'nchw', name });
  }

  private convertBinary(node: TfNode, opType: string): void {
    const [left, right] = (node.input ?? []).map((input) =>
      this.tensor(tensorName(input)),
    );
    if (left.layout !== right.layout) {
      throw new Error(`Mixed layouts in ${node.name}`);
    }

    const name = this.builder.addNode(
      opType,
      [left.name, right.name],
      node.name,
    );
    this.converted.set(node.name, { layout: left.layout, name });
  }

  private convertUnary(node: TfNode): void {
    const input = this.tensor(tensorName((node.input ?? [])[0]));
    if (node.op === 'Softmax' && input.layout !== 'plain') {
      throw new Error(
        `Softmax over a 4-D tensor is not supported (${node.name})`,
      );
    }

    const name = this.builder.addNode(node.op, [input.name], node.name);
    this.converted.set(node.name, { layout: input.layout, name });
  }

  private convertPad(node: TfNode): void {
    const [input, paddingsName] = (node.input ?? []).map(tensorName);
    const paddings = Array.from(this.constant(paddingsName).data);
    // TF paddings are [[before, after]] per NHWC axis; ONNX wants all
    // "before" values then all "after" values, in NCHW axis order.
    const before = [0, 3, 1, 2].map((axis) => paddings[axis * 2]);
    const after = [0, 3, 1, 2].map((axis) => paddings[axis * 2 + 1]);
    const pads = this.builder.addInt64Initializer(`${node.name}__pads`, [
      ...before,
      ...after,
    ]);
    const name = this.builder.addNode(
      'Pad',
      [this.nchw(input), pads],
      node.name,
      {
        mode: { s: 'constant' },
      },
    );
    this.converted.set(node.name, { layout: 'nchw', name });
  }

  private convertReshape(node: TfNode): void {
    const [input, shapeName] = (node.input ?? []).map(tensorName);
    const shape = this.builder.addInt64Initializer(
      `${node.name}__shape`,
      Array.from(this.constant(shapeName).data),
    );
    const name = this.builder.addNode(
      'Reshape',
      [this.plain(input), shape],
      node.name,
    );
    this.converted.set(node.name, { layout: 'plain', name });
  }

  private convertMean(node: TfNode): void {
    const [inputName, axesName] = (node.input ?? []).map(tensorName);
    const input = this.tensor(inputName);
    const axes = Array.from(this.constant(axesName).data);
    const keepDims = node.attr?.keep_dims?.b ?? false;
    const spatialOnly = [...axes].sort().join() === '1,2';
    if (input.layout === 'nchw' && !keepDims && !spatialOnly) {
      throw new Error(`Unsupported Mean axes ${axes.join()} (${node.name})`);
    }

    const name = this.builder.addNode('ReduceMean', [input.name], node.name, {
      axes: {
        ints:
          input.layout === 'nchw'
            ? axes.map((axis) => NHWC_TO_NCHW_AXIS[axis])
            : axes,
      },
      keepdims: { i: keepDims ? 1 : 0 },
    });
    this.converted.set(node.name, {
      layout: keepDims ? input.layout : 'plain',
      name,
    });
  }

  private constant(name: string): NamedWeight {
    const weight = this.constants.get(name);
    if (!weight) {
      throw new Error(`Expected a constant, got ${name}`);
    }

    return weight;
  }

  private floatConstant(name: string): string {
    if (!this.builder.hasInitializer(name)) {
      const weight = this.constant(name);
      this.builder.addFloatInitializer(
        name,
        weight.shape,
        weight.data as Float32Array,
      );
    }

    return name;
  }

  private tensor(name: string): Converted {
    const converted = this.converted.get(name);
    if (!converted) {
      throw new Error(`Tensor ${name} used before it is defined`);
    }

    return converted;
  }

  private nchw(name: string): string {
    const tensor = this.tensor(name);
    if (tensor.layout !== 'nchw') {
      throw new Error(`Expected a 4-D activation, got ${name}`);
    }

    return tensor.name;
  }

  /** The tensor in TF's own (NHWC) layout, transposing back if needed. */
  private plain(name: string): string {
    const tensor = this.tensor(name);
    if (tensor.layout === 'plain') {
      return tensor.name;
    }

    const nhwc = `${tensor.name}__nhwc`;
    if (!this.converted.has(nhwc)) {
      this.builder.addNode('Transpose', [tensor.name], nhwc, {
        perm: { ints: [0, 2, 3, 1] },
      });
      this.converted.set(nhwc, { layout: 'plain', name: nhwc });
    }

    return nhwc;
  }
}

function tensorName(input: string): string {
  const [name, index] = input.replace(/^\^/, '').split(':');
  if (index && index !== '0') {
    throw new Error(`Multi-output TF nodes are not supported (${input})`);
  }

  return name;
}

function decodeStrings(values: string[] = []): string[] {
  return values.map((value) => Buffer.from(value, 'base64').toString());
}

function autoPad(node: TfNode): string {
  const padding = decodeStrings([node.attr?.padding?.s ?? ''])[0];
  if (padding !== 'SAME' && padding !== 'VALID') {
    throw new Error(`Unsupported padding ${padding} (${node.name})`);
  }

  // TF's SAME puts the odd padding pixel after, as ONNX SAME_UPPER does.
  return padding === 'SAME' ? 'SAME_UPPER' : 'VALID';
}

/** The H and W entries of an NHWC 4-vector attribute (strides, ksize). */
function spatial(attr: TfAttr | undefined, fallback: number[]): number[] {
  const values = attr?.list?.i?.map(Number);

  return values && values.length === 4 ? [values[1], values[2]] : fallback;
}
