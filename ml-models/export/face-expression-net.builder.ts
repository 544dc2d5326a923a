import { readFileSync } from 'node:fs';

import { OnnxGraphBuilder } from './onnx-graph.builder';
import { depthwiseToOihw, hwioToOihw } from './tensor-layout';
import {
  NamedWeight,
  TfjsWeightGroup,
  TfjsWeightsReader,
} from './tfjs-weights.reader';

/** face-api.js FaceFeatureExtractor: mean RGB subtracted before / 255. */
export const FACE_API_MEAN_RGB = [122.782, 117.001, 104.298];

export const FACE_EXPRESSION_INPUT = 'input';

export const FACE_EXPRESSION_OUTPUT = 'expressions';

/**
 * Builds the ONNX graph of face-api.js's FaceExpressionNet from its weights,
 * following the architecture in face-api's source
 * (src/faceFeatureExtractor/FaceFeatureExtractor.ts, denseBlock.ts and
 * src/faceProcessor/FaceProcessor.ts): four dense blocks of four
 * (separable) convolutions, a 7×7 average pool, one fully connected layer
 * and a softmax. Input: [batch, 112, 112, 3] RGB in 0..255, NHWC.
 */
export class FaceExpressionNetBuilder {
  private readonly builder = new OnnxGraphBuilder('face_expression_net');
  private nodeCount = 0;

  constructor(private readonly weights: Map<string, NamedWeight>) {}

  static fromManifest(manifestPath: string): OnnxGraphBuilder {
    const groups = JSON.parse(
      readFileSync(manifestPath, 'utf8'),
    ) as TfjsWeightGroup[];
    const weights = new TfjsWeightsReader().read(manifestPath, groups);

    return new FaceExpressionNetBuilder(weights).build();
  }

  build(): OnnxGraphBuilder {
    let out = this.normalizedInput();
    for (const block of ['dense0', 'dense1', 'dense2', 'dense3']) {
      out = this.denseBlock4(block, out);
    }

    const pooled = this.builder.addNode('AveragePool', [out], 'avg_pool', {
      auto_pad: { s: 'VALID' },
      kernel_shape: { ints: [7, 7] },
      strides: { ints: [2, 2] },
    });
    const flat = this.builder.addNode('Flatten', [pooled], 'flatten', {
      axis: { i: 1 },
    });
    const logits = this.builder.addNode(
      'Gemm',
      [flat, this.float('fc/weights'), this.float('fc/bias')],
      'fc',
    );
    this.builder.addNode('Softmax', [logits], FACE_EXPRESSION_OUTPUT, {
      axis: { i: -1 },
    });
    this.builder.addOutput(FACE_EXPRESSION_OUTPUT, ['batch', 7]);

    return this.builder;
  }

  private normalizedInput(): string {
    this.builder.addInput(FACE_EXPRESSION_INPUT, ['batch', 112, 112, 3]);
    const mean = this.builder.addFloatInitializer(
      'mean_rgb',
      [3],
      Float32Array.from(FACE_API_MEAN_RGB),
    );
    const scale = this.builder.addFloatInitializer(
      'scale',
      [],
      Float32Array.of(255),
    );
    const centred = this.builder.addNode(
      'Sub',
      [FACE_EXPRESSION_INPUT, mean],
      'centred',
    );
    const scaled = this.builder.addNode('Div', [centred, scale], 'scaled');

    return this.builder.addNode('Transpose', [scaled], 'input_nchw', {
      perm: { ints: [0, 3, 1, 2] },
    });
  }

  /** denseBlock4(x, params, isFirstLayer = block === 'dense0'), stride 2. */
  private denseBlock4(block: string, input: string): string {
    const out1 = this.relu(
      block === 'dense0'
        ? this.conv(`${block}/conv0`, input)
        : this.separableConv(`${block}/conv0`, input, 2),
    );
    const out2 = this.separableConv(`${block}/conv1`, out1, 1);
    const in3 = this.relu(this.add(out1, out2));
    const out3 = this.separableConv(`${block}/conv2`, in3, 1);
    const in4 = this.relu(this.add(out1, this.add(out2, out3)));
    const out4 = this.separableConv(`${block}/conv3`, in4, 1);

    return this.relu(this.add(out1, this.add(out2, this.add(out3, out4))));
  }

  private conv(prefix: string, input: string): string {
    const filter = this.weight(`${prefix}/filters`);
    const [height, width, channelsIn, channelsOut] = filter.shape;
    const weight = this.builder.addFloatInitializer(
      `${prefix}/filters`,
      [channelsOut, channelsIn, height, width],
      hwioToOihw(filter.data as Float32Array, filter.shape),
    );

    return this.builder.addNode(
      'Conv',
      [input, weight, this.float(`${prefix}/bias`)],
      prefix,
      {
        auto_pad: { s: 'SAME_UPPER' },
        kernel_shape: { ints: [height, width] },
        strides: { ints: [2, 2] },
      },
    );
  }

  private separableConv(prefix: string, input: string, stride: number): string {
    const depthwise = this.weight(`${prefix}/depthwise_filter`);
    const pointwise = this.weight(`${prefix}/pointwise_filter`);
    const [height, width, channels] = depthwise.shape;
    const [, , channelsIn, channelsOut] = pointwise.shape;
    const depthwiseWeight = this.builder.addFloatInitializer(
      `${prefix}/depthwise_filter`,
      [channels, 1, height, width],
      depthwiseToOihw(depthwise.data as Float32Array, depthwise.shape),
    );
    const pointwiseWeight = this.builder.addFloatInitializer(
      `${prefix}/pointwise_filter`,
      [channelsOut, channelsIn, 1, 1],
      hwioToOihw(pointwise.data as Float32Array, pointwise.shape),
    );
    const spatial = this.builder.addNode(
      'Conv',
      [input, depthwiseWeight],
      `${prefix}/depthwise`,
      {
        auto_pad: { s: 'SAME_UPPER' },
        group: { i: channels },
        kernel_shape: { ints: [height, width] },
        strides: { ints: [stride, stride] },
      },
    );

    return this.builder.addNode(
      'Conv',
      [spatial, pointwiseWeight, this.float(`${prefix}/bias`)],
      `${prefix}/pointwise`,
      { kernel_shape: { ints: [1, 1] } },
    );
  }

  private relu(input: string): string {
    return this.builder.addNode('Relu', [input], this.nodeName('relu'));
  }

  private add(left: string, right: string): string {
    return this.builder.addNode('Add', [left, right], this.nodeName('add'));
  }

  private nodeName(op: string): string {
    this.nodeCount += 1;

    return `${op}_${this.nodeCount}`;
  }

  private float(name: string): string {
    if (!this.builder.hasInitializer(name)) {
      const weight = this.weight(name);
      this.builder.addFloatInitializer(
        name,
        weight.shape,
        weight.data as Float32Array,
      );
    }

    return name;
  }

  private weight(name: string): NamedWeight {
    const weight = this.weights.get(name);
    if (!weight) {
      throw new Error(`face-api weights lack ${name}`);
    }

    return weight;
  }
}
