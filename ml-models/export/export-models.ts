import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { FaceExpressionNetBuilder } from './face-expression-net.builder';
import { OnnxGraphBuilder } from './onnx-graph.builder';
import { TfjsGraphConverter } from './tfjs-graph.converter';

/** One ONNX file of ml-models/ and the package file it is exported from. */
export interface ModelSource {
  build: (sourcePath: string, graphName: string) => OnnxGraphBuilder;
  description: string;
  file: string;
  packageName: string;
  sourceFile: string;
  upstream: string;
}

export const MODEL_SOURCES: ModelSource[] = [
  {
    build: TfjsGraphConverter.fromFile,
    description:
      'BlazeFace (back camera, 256x256) face detector: input [1,256,256,3] RGB scaled to -1..1; outputs scores and boxes for 896 anchors',
    file: 'blazeface.onnx',
    packageName: '@vladmandic/human',
    sourceFile: 'models/blazeface.json',
    upstream: 'https://github.com/vladmandic/human',
  },
  {
    build: TfjsGraphConverter.fromFile,
    description:
      'Mini-Xception FER-2013 emotion classifier (oarriaga/face_classification): input [batch,64,64,1] grayscale scaled to -1..1; output softmax over angry, disgust, fear, happy, sad, surprise, neutral',
    file: 'emotion.onnx',
    packageName: '@vladmandic/human',
    sourceFile: 'models/emotion.json',
    upstream: 'https://github.com/vladmandic/human',
  },
  {
    build: FaceExpressionNetBuilder.fromManifest,
    description:
      'face-api.js FaceExpressionNet: input [batch,112,112,3] RGB 0..255; output softmax over neutral, happy, sad, angry, fearful, disgusted, surprised',
    file: 'face-expression.onnx',
    packageName: '@vladmandic/face-api',
    sourceFile: 'model/face_expression_model-weights_manifest.json',
    upstream: 'https://github.com/vladmandic/face-api',
  },
];

const NODE_MODULES = join(__dirname, '..', '..', 'node_modules');

export function sourcePath(source: ModelSource): string {
  return join(NODE_MODULES, source.packageName, source.sourceFile);
}

/** Exports every model into `outDir`; returns the written file paths. */
export function exportModels(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });

  return MODEL_SOURCES.map((source) => {
    const path = join(outDir, source.file);
    const graphName = source.file.replace(/\.onnx$/, '').replace(/-/g, '_');
    const onnx = source
      .build(sourcePath(source), graphName)
      .toBuffer(source.description, {
        source_file: source.sourceFile,
        source_package: `${source.packageName}@${packageVersion(source)}`,
        upstream: source.upstream,
      });
    writeFileSync(path, onnx);

    return path;
  });
}

function packageVersion(source: ModelSource): string {
  const packageJson = join(NODE_MODULES, source.packageName, 'package.json');

  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string })
    .version;
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..'));
  for (const path of exportModels(outDir)) {
    console.log(`wrote ${path}`);
  }
}
