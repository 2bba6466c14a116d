import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import type { DemoManifest } from '../../scripts/demo/demoCase.js';

export const DEMO_DIR = join(import.meta.dirname, '../../assets/demo');

export function demoBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(DEMO_DIR, name)));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const demoManifest = JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8')) as DemoManifest;

/** Read a CSV given as text, the way the importer reads a user's file. */
export function readText(fileName: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) });
}
