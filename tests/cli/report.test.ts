import mammoth from 'mammoth';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { memoryIo } from '../helpers/cliIo.js';
import { demoWithReview } from '../helpers/demoReview.js';

// `report` as CLI.md specifies it, on the demo case with a review in every part.
const { bundle } = demoWithReview();
const CASE = JSON.stringify(bundle);

async function report(...args: string[]) {
  const m = memoryIo({ 'case.json': CASE });
  const code = await run(['report', '--bundle', 'case.json', ...args], m.io);
  return { code, m, out: (path: string) => m.written.get(path) as Uint8Array | undefined };
}

const wordText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('report', () => {
  it('writes the review as a Word document that Word’s reader opens, with every part and the case’s own names', async () => {
    const { code, out } = await report('--format', 'docx', '--out', 'review.docx');
    expect(code).toBe(0);
    const words = await wordText(out('review.docx')!);
    for (const part of ['Terms of reference', 'Chronology of key events', 'E1. Decision not to recall', 'N1. Problem', 'Action plan', 'Appendix B: provenance']) expect(words).toContain(part);
    expect(words).toContain('James Whitfield');
    expect(words).toContain(bundle.sources[0]!.sha256);
  });

  it('writes one self-contained web page, and the chronology as a spreadsheet-safe CSV with a byte-order mark', async () => {
    const html = await report('--format', 'html', '--out', 'review.html');
    expect(html.code).toBe(0);
    const page = text(html.out('review.html'));
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toMatch(/<link\b|<script\b|\bsrc="https?:/i);

    const csv = await report('--format', 'csv', '--out', 'chronology.csv');
    expect(csv.code).toBe(0);
    const bytes = csv.out('chronology.csv')!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder takes the byte-order mark off, as a spreadsheet does.
    const rows = Papa.parse<string[]>(text(bytes), { skipEmptyLines: true }).data;
    expect(rows[0]![0]).toBe('Record');
    expect(rows).toHaveLength(bundle.records.length + 1);
  });

  it('--redact leaves out every staff name, staff code and the CRN, and says the copy is redacted', async () => {
    const { code, m, out } = await report('--format', 'html', '--out', 'redacted.html', '--redact');
    expect(code).toBe(0);
    const page = text(out('redacted.html'));
    // Every person on the staff (a service such as "Accommodation Services" is not a person, and keeps its name).
    const people = bundle.staff.filter((s) => !/\bservices?\b/i.test(s.name));
    expect(people.length).toBeGreaterThanOrEqual(3);
    for (const s of bundle.staff) expect(page).not.toContain(s.code);
    for (const s of people) for (const part of s.name.split(' ')) expect(page).not.toContain(part);
    expect(page).not.toContain(bundle.case.crn);
    expect(page).toContain('Redacted copy');
    expect(m.err.join('\n')).toContain('redacted');
  });

  it('refuses a wrong command with exit 2, and a bundle it cannot read with exit 1, writing nothing', async () => {
    expect((await report('--format', 'pdf', '--out', 'x.pdf')).code).toBe(2);
    expect((await report('--format', 'docx')).code).toBe(2);
    const m = memoryIo({ 'case.json': '{"schemaVersion": 3}' });
    expect(await run(['report', '--bundle', 'case.json', '--format', 'docx', '--out', 'x.docx'], m.io)).toBe(1);
    expect(m.written.size).toBe(0);
    expect(m.err.join('\n')).toContain('Nothing written');
  });

  it('writes a document from a case whose trail is not intact, saying so in its provenance, and exits 1', async () => {
    const changed = { ...bundle, records: bundle.records.map((r, i) => (i === 0 ? { ...r, summary: `${r.summary} (changed)` } : r)) };
    const m = memoryIo({ 'case.json': JSON.stringify(changed) });
    const code = await run(['report', '--bundle', 'case.json', '--format', 'html', '--out', 'r.html'], m.io);
    expect(code).toBe(1);
    expect(text(m.written.get('r.html') as Uint8Array)).toContain('Not intact');
    expect(m.err.join('\n')).toContain('not intact');
  });
});
