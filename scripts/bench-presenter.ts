// The presenter benchmark (issue 17): each step of a walkthrough of the 100,000-record case, as the presenter view
// asks for it (presenterFrame), and the debrief. Target: every step's frame within 100 ms.
import { performance } from 'node:perf_hooks';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { toLondonIso } from '../shared/time/london.js';
import { debrief } from '../shared/training/debrief.js';
import { preparePresenter, presenterFrame, stepCount } from '../shared/training/presenter.js';
import { Session, Walkthrough } from '../shared/training/walkthrough.js';
import { readBenchCase } from './bench-engine.js';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number;

/** Ten decision points spread over the case, a date alone every other one. */
export function benchWalkthrough(index: CaseIndex): Walkthrough {
  const first = index.starts[0] as number;
  const span = index.offenceStart - first;
  return Walkthrough.parse({
    title: 'Bench walkthrough',
    outcome: 'The further offence.',
    points: Array.from({ length: 10 }, (_, i) => {
      const iso = toLondonIso(first + (span * (i + 1)) / 11);
      return { id: `D${i + 1}`, at: i % 2 ? iso.slice(0, 10) : iso.slice(0, 16), title: `Decision ${i + 1}`, question: 'What now?', options: ['One', 'Two', 'Three'], actual: 'One' };
    }),
  });
}

export async function measurePresenter(dir: string) {
  const index = new CaseIndex(await readBenchCase(dir));
  const walkthrough = benchWalkthrough(index);
  const steps = stepCount(walkthrough);
  // Once, as the view opens: where each kind of record the officer's picture looks for sits.
  const p0 = performance.now();
  preparePresenter(index);
  const prepareMs = performance.now() - p0;
  // The first pass is what a room meets first; then three more.
  const time = (step: number) => {
    const t = performance.now();
    presenterFrame(index, walkthrough, step);
    return performance.now() - t;
  };
  const firstPass = Array.from({ length: steps }, (_, s) => time(s));
  const later: number[] = [];
  for (let round = 0; round < 3; round++) for (let s = 0; s < steps; s++) later.push(time(s));
  const session = Session.parse({
    id: 'S', at: '2026-12-01T10:00:00Z', mode: 'hindsightExercise',
    groups: [{ id: 'A', name: 'A', toldOutcome: true }, { id: 'B', name: 'B' }],
    answers: walkthrough.points.flatMap((p, i) => [{ point: p.id, group: 'A', choice: i % 3, foreseeable: 60 }, { point: p.id, group: 'B', choice: 0, foreseeable: 30 }]),
  });
  const d0 = performance.now();
  debrief(index, walkthrough, session);
  const debriefMs = performance.now() - d0;
  return { records: index.records.length, steps, prepareMs, firstMax: Math.max(...firstPass), firstPass, median: percentile(later, 50), p95: percentile(later, 95), max: Math.max(...later), debriefMs };
}
