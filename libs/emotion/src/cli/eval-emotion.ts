import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { MOODS, Mood } from '@vexora/shared';

import { NoFaceDetectedError } from '../domain/emotion.errors';
import { OnnxEmotionClassifier } from '../infrastructure/onnx-emotion-classifier';

const NO_FACE = 'no face';

type Prediction = Mood | typeof NO_FACE | 'error';

interface ManifestRow {
  kind: string;
  label: string;
  path: string;
}

interface Outcome extends ManifestRow {
  ms: number;
  predicted: Prediction;
}

/** `path,label,kind,...` rows; no field before `kind` holds a comma. */
function readManifest(dir: string): ManifestRow[] {
  const lines = readFileSync(join(dir, 'manifest.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');

  return lines.slice(1).map((line) => {
    const [path, label, kind] = line.split(',');

    return { kind, label, path };
  });
}

async function predict(
  classifier: OnnxEmotionClassifier,
  dir: string,
  row: ManifestRow,
): Promise<Outcome> {
  const image = readFileSync(join(dir, row.path));
  const started = performance.now();
  let predicted: Prediction;
  try {
    // Crops are pre-aligned 48×48 faces: the classifier alone judges them.
    predicted =
      row.kind === 'crops'
        ? (await classifier.classifyFace(image)).mood
        : (await classifier.detect(image)).mood;
  } catch (error) {
    predicted = error instanceof NoFaceDetectedError ? NO_FACE : 'error';
  }

  return { ...row, ms: performance.now() - started, predicted };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function printKind(kind: string, outcomes: Outcome[]): void {
  const right = outcomes.filter(
    (outcome) => outcome.predicted === outcome.label,
  );
  const meanMs =
    outcomes.reduce((sum, outcome) => sum + outcome.ms, 0) / outcomes.length;
  console.log(
    `\n## ${kind}: ${right.length}/${outcomes.length} = ${percent(right.length, outcomes.length)} (mean ${meanMs.toFixed(1)} ms/image)`,
  );
  for (const mood of MOODS) {
    const ofClass = outcomes.filter((outcome) => outcome.label === mood);
    const hits = ofClass.filter((outcome) => outcome.predicted === mood);
    console.log(
      `  ${mood.padEnd(8)} ${hits.length}/${ofClass.length} ${percent(hits.length, ofClass.length)}`,
    );
  }

  const columns: Prediction[] = [...MOODS, NO_FACE, 'error'];
  console.log(`  confusion (rows = label, columns = predicted)`);
  console.log(
    `  ${''.padEnd(8)} ${columns.map((c) => c.padStart(8)).join('')}`,
  );
  for (const mood of MOODS) {
    const counts = columns.map(
      (column) =>
        outcomes.filter((o) => o.label === mood && o.predicted === column)
          .length,
    );
    console.log(
      `  ${mood.padEnd(8)} ${counts.map((n) => String(n).padStart(8)).join('')}`,
    );
  }

  const wrong = outcomes.filter(
    (outcome) => outcome.predicted !== outcome.label,
  );
  if (kind !== 'crops' && wrong.length > 0) {
    console.log(
      `  wrong: ${wrong.map((o) => `${o.path} → ${o.predicted}`).join(', ')}`,
    );
  }
}

function printNoFace(outcomes: Outcome[]): void {
  const rejected = outcomes.filter((outcome) => outcome.predicted === NO_FACE);
  console.log(
    `\n## noface: ${rejected.length}/${outcomes.length} reported "no face"`,
  );
  for (const outcome of outcomes) {
    console.log(`  ${outcome.path.padEnd(28)} ${outcome.predicted}`);
  }
}

async function main(): Promise<void> {
  const dir = resolve(
    process.argv[2] ?? join(process.env.VEXORA_FIXTURES_DIR ?? '', 'faces'),
  );
  const classifier = new OnnxEmotionClassifier({
    emotion: { modelsDir: resolve(process.env.ML_MODELS_DIR ?? 'ml-models') },
    images: { maxPixels: 100_000_000, maxUploadBytes: 10 * 1024 * 1024 },
  });
  await classifier.onModuleInit();
  const outcomes: Outcome[] = [];
  for (const row of readManifest(dir)) {
    outcomes.push(await predict(classifier, dir, row));
  }

  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  for (const kind of kinds) {
    const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
    if (kind === 'noface') {
      printNoFace(ofKind);
    } else {
      printKind(kind, ofKind);
    }
  }

  await classifier.onModuleDestroy();
}

void main();
