// The review's speed figures (issue 14): on the 100,000-record case, a review of 50 key practice episodes and 200
// findings. Targets: the flags of the finding being edited within 16 ms of a keystroke, the whole review's within
// 50 ms. A checker works out each episode's officer once, and each cited record's state on its own
// (shared/review/flags.ts); the Review tab makes a new checker whenever the review changes.
import { performance } from 'node:perf_hooks';
import { CaseIndex } from '../shared/engine/caseIndex.js';
import { HindsightChecks } from '../shared/review/flags.js';
import { Review, type ReviewInput } from '../shared/schemas/review.js';
import { toLondonIso } from '../shared/time/london.js';
import { readBenchCase } from './bench-engine.js';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number;

const WORDS =
  'The officer saw him on the day and reviewed the licence conditions with him. The records show that the approved premises had reported him staying away most nights, and the police call-out to the partner’s address had not been shared with probation. He failed to attend one appointment and the officer rebooked it. It was clear that the caseload and the team’s vacancies left little time for home visits, and the management oversight recorded no discussion of the risk to the partner. ';

/** A review of the size the issue names, spread across the case: 50 episodes, 4 findings each, 10 factors. */
export function benchReview(index: CaseIndex, episodes = 50, perEpisode = 4): Review {
  const first = index.starts[0] as number;
  const span = index.offenceHappened - first;
  const review: ReviewInput = {
    title: 'Bench review',
    factors: Array.from({ length: 10 }, (_, i) => ({ id: `F${i + 1}`, text: `Factor ${i + 1}`, level: i % 3 === 0 ? 'practitioner' : 'team' })),
    episodes: Array.from({ length: episodes }, (_, i) => ({
      id: `E${i + 1}`,
      title: `Episode ${i + 1}`,
      decisionAt: toLondonIso(first + (span * (i + 1)) / (episodes + 1)).slice(0, 16),
      records: [],
    })),
    findings: [],
  };
  for (let e = 0; e < episodes; e++) {
    for (let k = 0; k < perEpisode; k++) {
      const n = e * perEpisode + k;
      // Evidence from across the case: some known or on record at the decision, some not yet happened or held elsewhere.
      const evidence = Array.from({ length: 5 }, (_, j) => (index.records[Math.floor(((n * 5 + j) * 7919) % index.records.length)] as { id: string }).id);
      review.findings!.push({ id: `N${n + 1}`, episode: `E${e + 1}`, kind: k % 2 === 0 ? 'problem' : 'condition', text: WORDS.repeat(2), evidence, factors: [`F${(n % 10) + 1}`] });
    }
  }
  return Review.parse(review);
}

const NOTES = {
  shouldHaveHappened: 'A home visit within five working days of the police call-out, and the risk management plan reviewed with the partner’s safety in mind.',
  dataGaps: 'The police call-out was not shared with probation; the approved premises’ nightly checks are not in the case record.',
  notablePractice: 'The officer rebooked the missed appointment the same day and wrote to him confirming it.',
  problems: 'The caseload left no time for the home visit; the management oversight recorded no discussion of the risk.',
};

/**
 * The review a report is written from (issue 15): the same 50 episodes and 200 findings, each episode written up and
 * appraised, and `keyEvents` records marked as key events, spread over the case, with every tabular-timeline column
 * written: the document's chronology of key events has that many rows.
 */
export function benchReportReview(index: CaseIndex, keyEvents = 500): Review {
  const review = benchReview(index);
  const step = index.records.length / keyEvents;
  const at = (i: number) => (index.records[Math.floor(i * step)] as { id: string }).id;
  return Review.parse({
    ...review,
    reviewer: 'Bench Reviewer',
    termsOfReference: `${WORDS}\n\n${WORDS}`,
    policies: Array.from({ length: 5 }, (_, i) => ({ id: `P${i + 1}`, name: `Policy ${i + 1}`, version: `v${i + 1}`, requires: 'A home visit within five working days of a domestic abuse call-out.' })),
    episodes: review.episodes.map((e, i) => ({ ...e, whatHappened: WORDS, appraisal: (['good', 'problematic', 'both', 'neutral'] as const)[i % 4], records: [at(i * 10), at(i * 10 + 1), at(i * 10 + 2)], policies: [`P${(i % 5) + 1}`], factors: [`F${(i % 10) + 1}`] })),
    annotations: Array.from({ length: keyEvents }, (_, i) => ({ record: at(i), ...NOTES, factors: [`F${(i % 10) + 1}`], key: true })),
    judgement: { allReasonableSteps: 'partly', rationale: `${WORDS}\n\n${WORDS}` },
    actions: Array.from({ length: 20 }, (_, i) => ({ id: `A${i + 1}`, findings: [`N${i * 10 + 1}`], action: 'Team managers to review every domestic abuse call-out with the officer within five working days.', owner: 'Head of the probation delivery unit', due: '2024-06-30', measure: 'Audit of 20 cases a quarter.' })),
  });
}

export async function measureReview(dir: string) {
  const index = new CaseIndex(await readBenchCase(dir));
  const review = benchReview(index);
  const cold: number[] = [];
  const warm: number[] = [];
  const opened: number[] = [];
  let checks = new HindsightChecks(index, review);
  let flags = 0;
  for (let run = 0; run < 5; run++) {
    // Opening the tab: the review read back into its schema, a new checker, and every flag (the section list's count).
    const written = JSON.parse(JSON.stringify(review)) as ReviewInput;
    const t0 = performance.now();
    const parsed = Review.parse(written);
    const t1 = performance.now();
    checks = new HindsightChecks(index, parsed);
    flags = checks.all(parsed.findings).length;
    const t2 = performance.now();
    opened.push(t2 - t0);
    cold.push(t2 - t1);
  }
  for (let run = 0; run < 35; run++) {
    const t0 = performance.now();
    checks.all(review.findings);
    // The first runs warm the JIT up; a reviewer's machine has long since done that by the time they type.
    if (run >= 5) warm.push(performance.now() - t0);
  }
  // A keystroke in the finding being written: its words changed by a letter, its flags worked out again.
  const finding = review.findings[17]!;
  const keystrokes: number[] = [];
  let text = finding.text;
  for (let i = 0; i < 500; i++) {
    text += i % 7 === 0 ? ' ' : 'x';
    const t0 = performance.now();
    checks.of({ ...finding, text });
    keystrokes.push(performance.now() - t0);
  }
  return {
    records: index.records.length,
    episodes: review.episodes.length,
    findings: review.findings.length,
    flags,
    textLength: finding.text.length,
    allColdMedian: percentile(cold, 50),
    allWarmMedian: percentile(warm, 50),
    allWarmP95: percentile(warm, 95),
    keystrokeMedian: percentile(keystrokes, 50),
    keystrokeP95: percentile(keystrokes, 95),
    openMedian: percentile(opened, 50),
  };
}
