import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared face and catalogue data, read where it lies (never copied). */
export const FIXTURES_DIR = process.env.VEXORA_FIXTURES_DIR!;

export function facePath(relative: string): string {
  return join(FIXTURES_DIR, 'faces', relative);
}

export function readFace(relative: string): Buffer {
  return readFileSync(facePath(relative));
}
