// The report's speed figures in Node (issue 15): the 100,000-record case with a review of 500 key events, 50 episodes
// and 200 findings, written as the command line writes it (shared/report/make.ts, with elk and cli/rasterise.ts's
// resvg). Budget: the Word document within 3 s. Each figure is the median of 3 after a warm-up run; the Word
// document's time is also split at the steps makeReport reports, to say where it goes.
import { pictureScale } from '../shared/report/figureTypes.js';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { rasterise } from '../cli/rasterise.js';
import { readCaseBundle } from '../shared/bundle/readBundle.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { buildReport } from '../shared/report/build.js';
import { makeReport, type ReportPorts } from '../shared/report/make.js';
import type { ReportFormat } from '../shared/report/formats.js';
import { countPlaces, redactionPlan, type RedactionPlan } from '../shared/report/redaction.js';
import { Review } from '../shared/schemas/review.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The command line's ports: a new elk for each document, figures drawn at twice their size. */
const ports: ReportPorts = {
  elk: async () => new (await import('elkjs/lib/elk.bundled.js')).default(),
  rasterise: async (figures) => Promise.all(figures.map((f) => rasterise(f, pictureScale(f)))),
};

/** The stages of one document, split where makeReport yields: building the tree, then each step it names. */
const STAGES = { 'Drawing the charts and the systems map': 'figures', 'Drawing the figures as pictures': 'pictures', 'Writing the Word document': 'docx', 'Writing the web page': 'html' } as const;
type Stage = 'build' | (typeof STAGES)[keyof typeof STAGES];

async function timedMake(input: Parameters<typeof makeReport>[0], format: ReportFormat, plan: RedactionPlan | null) {
  const stages: Partial<Record<Stage, number>> = {};
  let stage: Stage = 'build';
  let mark = performance.now();
  const t0 = mark;
  const steps = makeReport(input, format, plan, ports);
  for (;;) {
    const next = await steps.next();
    const now = performance.now();
    stages[stage] = (stages[stage] ?? 0) + now - mark;
    mark = now;
    if (next.done) {
      if (next.value.format === 'print') throw new Error('print is not a file');
      return { ms: now - t0, stages, bytes: next.value.bytes.length };
    }
    stage = STAGES[next.value.what as keyof typeof STAGES] ?? stage;
  }
}

export async function measureReport(bundlePath: string, runs = 3) {
  const t0 = performance.now();
  const read = readCaseBundle(readFileSync(bundlePath, 'utf8'));
  if (!read.ok) throw new Error(read.message);
  const { bundle } = read;
  const review = bundle.review ? Review.parse(bundle.review) : null;
  if (!review) throw new Error('the bench bundle has no review');
  const index = new CaseIndex(bundle);
  const trail = { ...verifyBundle(bundle), depth: 'full' as const };
  // What the command line does before the document: read and check the file, index the case, check its trail.
  const inputMs = performance.now() - t0;
  const input = { bundle, index, review, trail, now: new Date() };

  const timesOf = async <T>(work: () => Promise<T> | T) => {
    await work();
    const times: number[] = [];
    let last: T | undefined;
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      last = await work();
      times.push(performance.now() - a);
    }
    return { ms: median(times), last: last as T };
  };

  const doc = buildReport(input);
  const chronology = doc.blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Chronology'));
  const build = await timesOf(() => buildReport(input));
  const plan = await timesOf(() => countPlaces(redactionPlan(bundle, review), buildReport(input)));
  const made: Record<string, { ms: number; stages: Partial<Record<Stage, number>>; bytes: number }> = {};
  for (const [name, format, redacted] of [['docx', 'docx', false], ['html', 'html', false], ['csv', 'csv', false], ['redactedDocx', 'docx', true]] as const) {
    const p = redacted ? plan.last : null;
    await timedMake(input, format, p);
    const each = [];
    for (let i = 0; i < runs; i++) each.push(await timedMake(input, format, p));
    const mid = [...each].sort((a, b) => a.ms - b.ms)[Math.floor(each.length / 2)]!;
    made[name] = mid;
  }
  return {
    records: index.records.length,
    keyEvents: chronology?.kind === 'table' ? chronology.rows.length : 0,
    episodes: review.episodes.length,
    findings: review.findings.length,
    inputMs,
    buildMs: build.ms,
    planMs: plan.ms,
    made,
  };
}
