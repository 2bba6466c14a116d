import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoWithReview } from '../helpers/demoReview.js';

const caseJson = JSON.stringify(demoWithReview().bundle);
const text = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? v : new TextDecoder().decode(v));

describe('pseudonymise', () => {
  it('writes a training copy that reads and verifies, marked as one, with no original CRN in it', async () => {
    const m = memoryIo({ 'case.json': caseJson });
    expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json', '--shift-days', '-364'], m.io)).toBe(0);
    const read = readCaseBundle(text(m.written.get('training.json')));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.bundle.case.trainingCopy).toBe(true);
    expect(verifyBundle(read.bundle).ok).toBe(true);
    expect(text(m.written.get('training.json'))).not.toContain('X900417');
    expect(m.out.join('\n')).toContain('Dates moved by -364 days (52 weeks earlier).');
    expect(m.written.has('key.json')).toBe(false);
  });

  it('writes the key only where asked, from originals to replacements', async () => {
    const m = memoryIo({ 'case.json': caseJson });
    expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json', '--shift-days', '14', '--key', 'key.json'], m.io)).toBe(0);
    const key = JSON.parse(text(m.written.get('key.json'))) as Record<string, Record<string, string> | number>;
    expect(Object.keys(key)).toEqual(['shiftDays', 'crn', 'staff', 'teams', 'names', 'records']);
    expect(key.shiftDays).toBe(14);
    const copy = text(m.written.get('training.json'));
    expect(copy).toContain(`"crn": "${(key.crn as Record<string, string>)['X900417']}"`);
    expect(copy).not.toContain('"names"');
    expect(m.err.join('\n')).toMatch(/key\.json: it says who everyone in the copy is/);
  });

  it('with --json prints the shift, the places replaced by kind and the words to check with where they occur', async () => {
    const m = memoryIo({ 'case.json': caseJson });
    expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json', '--shift-days', '7', '--json'], m.io)).toBe(0);
    const out = m.json() as { shiftDays: number; replaced: Record<string, number>; toCheck: { word: string; where: string[] }[] };
    expect(Object.keys(out)).toEqual(['shiftDays', 'replaced', 'toCheck']);
    expect(out.shiftDays).toBe(7);
    expect(out.replaced.names).toBeGreaterThan(0);
    expect(out.replaced.staffCodes).toBeGreaterThan(0);
    expect(out.toCheck.find((t) => t.word === 'Kowalska')?.where).toHaveLength(3);
    expect(out.toCheck[0]!.where[0]).toMatch(/^contact:\d+ notes$/);
  });

  it('chooses a random whole number of weeks when no shift is given', async () => {
    const m = memoryIo({ 'case.json': caseJson });
    expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json', '--json'], m.io)).toBe(0);
    const { shiftDays } = m.json() as { shiftDays: number };
    expect(Math.abs(shiftDays) % 7).toBe(0);
    expect(shiftDays).not.toBe(0);
    expect(Math.abs(shiftDays)).toBeLessThanOrEqual(728);
  });

  it('refuses a shift that is not a whole number of weeks (exit 2), and a bundle it cannot read (exit 1), writing nothing', async () => {
    for (const bad of ['10', '0', 'seven', '7.0']) {
      const m = memoryIo({ 'case.json': caseJson });
      expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json', '--shift-days', bad], m.io)).toBe(2);
      expect(m.err).toHaveLength(1);
      expect(m.written.size).toBe(0);
    }
    const m = memoryIo({ 'case.json': '{"schemaVersion": 3}' });
    expect(await run(['pseudonymise', '--bundle', 'case.json', '--out', 'training.json'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(await run(['pseudonymise', '--bundle', 'case.json'], memoryIo({}).io)).toBe(2);
  });
});
