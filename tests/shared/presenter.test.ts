import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_STATES, knowledgeState } from '../../shared/engine/knowledge.js';
import { countStates, whatTheyKnew } from '../../shared/engine/officerSummary.js';
import { toLondonIso } from '../../shared/time/london.js';
import type { CaseRecord } from '../../shared/schemas/record.js';
import { presenterFrame, SEEN_BY_OFFICER, stepCount, stepKind, type FrameRecord, type PresenterFrame } from '../../shared/training/presenter.js';
import { Walkthrough } from '../../shared/training/walkthrough.js';
import { demoWithReview } from '../helpers/demoReview.js';

const { index } = demoWithReview(null);
const OUTCOME = 'OUTCOME-CARD: he attacked his partner at her flat';
const ACTUAL = 'ACTUAL-DECISION: a warning letter';

const walkthrough = (points: { at: string; officer?: string }[]) =>
  Walkthrough.parse({
    title: 'Case study: the demo case',
    outcome: OUTCOME,
    points: points.map((p, i) => ({ id: `D${i + 1}`, title: `Decision ${i + 1}`, question: 'What would you do?', options: ['Warn', 'Recall'], actual: `${ACTUAL} ${i + 1}`, ...p })),
  });

/** Every record a frame names, wherever it names it. */
const recordsIn = (f: PresenterFrame): FrameRecord[] => [
  ...f.records,
  ...(f.officer?.facts.flatMap((d) => (d.record ? [d.record] : [])) ?? []),
  ...(f.officer?.concerns ?? []),
];

/** The text only a record holds: its notes, or for another agency's information its summary (long enough not to turn up by chance). */
const ownText = (r: CaseRecord) => [r.notes ?? '', r.kind === 'information' ? r.summary : ''].filter((t) => t.length >= 30);

describe('the presenter frame: foresight at every step before the end', () => {
  const first = index.starts[0] as number;
  const officers = index.officers().map((o) => o.code);
  const arbitraryPoint = fc.record({
    // From a month before the case's first record to a month after the offence: a point after it is seen from before it.
    at: fc.integer({ min: first - 30 * 86_400_000, max: index.offenceHappened + 30 * 86_400_000 }).chain((ms) =>
      fc.boolean().map((dateOnly) => (dateOnly ? toLondonIso(ms).slice(0, 10) : toLondonIso(ms).slice(0, 16))),
    ),
    officer: fc.option(fc.constantFrom(...officers), { nil: undefined }),
  });

  it('shows, at each decision point, only what the officer knew or could read by its moment: no later record, nothing others held, not its text, not the outcome, not what the officer did', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPoint, { minLength: 1, maxLength: 5 }), (points) => {
        const w = walkthrough(points);
        for (let step = 0; step < stepCount(w); step++) {
          const f = presenterFrame(index, w, step);
          const json = JSON.stringify(f);
          if (f.kind === 'outcome' || f.kind === 'hindsight') continue;
          expect(json).not.toContain('OUTCOME-CARD');
          expect(json).not.toContain('ACTUAL-DECISION');
          expect(f.outcome).toBeNull();
          if (f.kind === 'opening') {
            expect(f.records).toEqual([]);
            continue;
          }
          expect(f.moment, 'every random moment reads').not.toBeNull();
          const at = f.moment!.at;
          expect(at).toBeLessThan(index.offenceStart);
          const officer = f.officer!.code;
          const holds = index.holdsCaseAt(officer, at).length > 0;
          const stateOf = (i: number) => knowledgeState(index.times[i]!, officer, at, holds);
          for (const r of recordsIn(f)) {
            const i = index.positionOf(r.id)!;
            expect(SEEN_BY_OFFICER).toContain(stateOf(i));
            expect(index.times[i]!.happened).toBeLessThanOrEqual(at);
          }
          for (const b of f.timeline!.buckets) {
            b.counts.forEach((c, s) => {
              if (c > 0) expect(SEEN_BY_OFFICER).toContain(KNOWLEDGE_STATES[s]);
            });
          }
          // What the officer could not read then: its own words are nowhere in the frame (unless a record they could read says the same).
          const readable = index.records.map((_, i) => SEEN_BY_OFFICER.includes(stateOf(i)));
          const seenText = index.records.flatMap((r, i) => (readable[i] ? [r.notes ?? '', r.summary] : [])).join('\n');
          index.records.forEach((r, i) => {
            if (readable[i]) return;
            for (const t of ownText(r)) if (!seenText.includes(t.slice(0, 60))) expect(json, `${r.id} (${stateOf(i)})`).not.toContain(t.slice(0, 60));
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the officer’s picture is the officer panel’s: the same counts and the same facts, at the same moment', () => {
    const w = walkthrough([{ at: '2023-09-22T12:00' }]);
    const f = presenterFrame(index, w, 1);
    const view = index.view('N07P214', Date.parse('2023-09-22T11:00:00Z'));
    const counts = countStates(view.states);
    expect(f.officer!.code).toBe('N07P214');
    expect(f.officer!.counts).toEqual({ known: counts.known, onRecord: counts.onRecord, notHeld: counts.notHeld });
    expect(f.officer!.facts.map((d) => d.record?.id ?? null)).toEqual(whatTheyKnew(index, view).map((d) => d.record?.id ?? null));
    expect(f.moment!.text).toBe('22 Sep 2023, 12:00');
    // The strip runs over the eight weeks to the moment and counts what the officer could read in them.
    expect(f.timeline!.to).toBe('2023-09-22');
    expect(f.timeline!.buckets).toHaveLength(56);
    expect(f.records.at(-1)!.start).toBeLessThanOrEqual(f.moment!.at);
  });

  it('a date alone is the end of that day, and reads as the date (never a clock time)', () => {
    const f = presenterFrame(index, walkthrough([{ at: '2023-09-05' }]), 1);
    expect(f.moment!.text).toBe('5 Sep 2023');
    expect(toLondonIso(f.moment!.at)).toBe('2023-09-05T23:59:59+01:00');
  });

  it('steps: the opening, each point in order, the outcome, then the hindsight view with what others held and what came to light later', () => {
    const w = walkthrough([{ at: '2023-07-20' }, { at: '2023-09-22T12:00' }]);
    expect(stepCount(w)).toBe(5);
    expect([0, 1, 2, 3, 4].map((s) => stepKind(w, s))).toEqual(['opening', 'point', 'point', 'outcome', 'hindsight']);
    const outcome = presenterFrame(index, w, 3);
    expect(outcome.outcome).toEqual({ text: OUTCOME, offence: '12 Nov 2023, 02:17' });
    expect(JSON.stringify(outcome)).not.toContain('ACTUAL-DECISION');
    const hindsight = presenterFrame(index, w, 4);
    expect(hindsight.hindsight!.map((p) => p.id)).toEqual(['D1', 'D2']);
    // At 22 Sep 2023 the police call-out of April had never reached probation; the GP's notes came to light after the offence.
    const second = hindsight.hindsight![1]!;
    expect(second.heldElsewhere.latest.map((r) => r.id)).toContain('info:P-01');
    expect(second.cameToLightLater.latest.map((r) => r.id)).toContain('info:H-01');
    expect(hindsight.records.map((r) => r.id)).toContain('info:P-04');
  });

  it('a point set after the further offence is seen from a minute before it', () => {
    const f = presenterFrame(index, walkthrough([{ at: '2023-12-01' }]), 1);
    expect(f.moment!.at).toBe(index.offenceStart - 60_000);
    expect(f.moment!.text).toBe('12 Nov 2023, 02:16');
  });
});
