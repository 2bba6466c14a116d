import { describe, expect, it } from 'vitest';
import { defaultOfficer } from '../../shared/engine/allocations.js';
import { FULL, HIDDEN, PLACEHOLDER, REVEALED, showRecords } from '../../shared/engine/foresight.js';
import { NO_FILTER } from '../../shared/engine/filters.js';
import { annotationEdit, annotationsByRecord, keyEventsShown } from '../../shared/review/annotations.js';
import { decisionAtOf, newEpisode, recordsBetween } from '../../shared/review/episodeFromTimeline.js';
import { decisionInstant } from '../../shared/review/flags.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { Review, type Annotation } from '../../shared/schemas/review.js';
import { ukNumericMoment } from '../../shared/time/display.js';
import { latestInstant } from '../../shared/time/london.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const RECORD = 'contact:2600000003';
const LABEL = 'Initial Appointment (16 May 2022, 14:00)';

describe('the tabular timeline: one record’s notes, changed one column at a time', () => {
  it('writing a column of a record with no notes adds its notes, under the record’s trail key, saying what and where', () => {
    const made = annotationEdit(undefined, RECORD, LABEL, { field: 'dataGaps', text: 'No MAPPA minutes.' });
    expect(made?.after).toEqual({ record: RECORD, factors: [], dataGaps: 'No MAPPA minutes.' });
    expect(made?.edit).toEqual({
      what: `Tabular timeline, ${LABEL}: "Data gaps" written`,
      changes: [{ key: `review:annotation:${RECORD}`, after: made?.after }],
    });
  });

  it('says "changed" when a written column is rewritten, and keeps the other columns', () => {
    const before: Annotation = { record: RECORD, factors: ['F1'], dataGaps: 'Old.', problems: 'Late visit.' };
    const made = annotationEdit(before, RECORD, LABEL, { field: 'dataGaps', text: 'New.' });
    expect(made?.after).toEqual({ ...before, dataGaps: 'New.' });
    expect(made?.edit.what).toBe(`Tabular timeline, ${LABEL}: "Data gaps" changed`);
  });

  it('a column emptied (or left as spaces) is left out; the notes stay while anything else is in them', () => {
    const before: Annotation = { record: RECORD, factors: [], dataGaps: 'Old.', problems: 'Late visit.' };
    const made = annotationEdit(before, RECORD, LABEL, { field: 'dataGaps', text: '  \n' });
    expect(made?.after).toEqual({ record: RECORD, factors: [], problems: 'Late visit.' });
    expect(made?.edit.what).toBe(`Tabular timeline, ${LABEL}: "Data gaps" cleared`);
  });

  it('notes with nothing left in them are taken out of the review, not kept empty', () => {
    const made = annotationEdit({ record: RECORD, factors: [], key: true }, RECORD, LABEL, { field: 'key', key: false });
    expect(made?.after).toBeUndefined();
    expect(made?.edit).toEqual({ what: `Tabular timeline, ${LABEL}: no longer a key event`, changes: [{ key: `review:annotation:${RECORD}`, after: null }] });
  });

  it('a change that changes nothing makes no edit (and so no trail entry)', () => {
    const before: Annotation = { record: RECORD, factors: ['F1'], notablePractice: 'Good.' };
    expect(annotationEdit(before, RECORD, LABEL, { field: 'notablePractice', text: 'Good.' })).toBeNull();
    expect(annotationEdit(before, RECORD, LABEL, { field: 'factors', factors: ['F1'] })).toBeNull();
    expect(annotationEdit(before, RECORD, LABEL, { field: 'key', key: false })).toBeNull();
    expect(annotationEdit(undefined, RECORD, LABEL, { field: 'problems', text: '' })).toBeNull();
  });

  it('marks and unmarks a key event, and sets the contributory factors', () => {
    const marked = annotationEdit(undefined, RECORD, LABEL, { field: 'key', key: true });
    expect(marked?.after).toEqual({ record: RECORD, factors: [], key: true });
    expect(marked?.edit.what).toBe(`Tabular timeline, ${LABEL}: marked a key event`);
    const factors = annotationEdit(marked?.after, RECORD, LABEL, { field: 'factors', factors: ['F1', 'F3'] });
    expect(factors?.after).toEqual({ record: RECORD, factors: ['F1', 'F3'], key: true });
    expect(factors?.edit.what).toBe(`Tabular timeline, ${LABEL}: contributory factors F1, F3`);
    expect(annotationEdit(factors?.after, RECORD, LABEL, { field: 'factors', factors: [] })?.edit.what).toBe(`Tabular timeline, ${LABEL}: contributory factors taken off`);
  });

  it('what it saves is a valid annotation of a review', () => {
    const made = annotationEdit(undefined, RECORD, LABEL, { field: 'shouldHaveHappened', text: 'A home visit.' });
    const review = Review.parse({ title: 'T', annotations: [made?.after] });
    expect(annotationsByRecord(review).get(RECORD)).toEqual(made?.after);
  });
});

describe('key events only', () => {
  const positions = new Map([['a', 0], ['b', 1], ['c', 2], ['d', 3], ['e', 4]]);
  const shown = Uint8Array.from([FULL, REVEALED, PLACEHOLDER, HIDDEN, FULL]);
  const notes = annotationsByRecord({
    annotations: ['a', 'b', 'c', 'd'].map((record) => ({ record, factors: [], key: true })).concat([{ record: 'e', factors: [], key: false }]),
  });

  it('shows the key events whose record shows in full or revealed, as they show', () => {
    expect([...keyEventsShown((id) => positions.get(id), shown, notes)]).toEqual([FULL, REVEALED, HIDDEN, HIDDEN, HIDDEN]);
  });

  it('leaves out a key event held back at the cursor: that it is key is a note on it, held back with it', () => {
    expect(keyEventsShown((id) => positions.get(id), shown, notes)[2]).toBe(HIDDEN);
  });
});

describe('an episode made from the Timeline', () => {
  const index = demoCaseIndex();
  const cursor = index.offenceStart - 60_000;
  const officer = defaultOfficer(index.data.allocations, index.data.staff, cursor) as string;
  const states = index.view(officer, cursor).states;
  const foresight = showRecords(index, states, { filter: NO_FILTER, hindsight: false, revealed: new Set() });
  const hindsight = showRecords(index, states, { filter: NO_FILTER, hindsight: true, revealed: new Set() });

  it('with hindsight off, the records between two moments are only those shown in full: never one after the cursor, never one held back', () => {
    const picked = recordsBetween(index, foresight, -Infinity, Infinity);
    expect(picked.length).toBeGreaterThan(100);
    for (const id of picked) expect(foresight[index.positionOf(id) as number]).toBe(FULL);
    expect(picked.every((id) => (index.times[index.positionOf(id) as number]?.happened as number) <= cursor)).toBe(true);
    const heldBack = index.records.filter((_, i) => foresight[i] === PLACEHOLDER).map((r) => r.id);
    expect(heldBack.length).toBeGreaterThan(0);
    expect(picked.filter((id) => heldBack.includes(id))).toEqual([]);
  });

  it('with hindsight on, every record between the moments, the later ones too', () => {
    expect(recordsBetween(index, hindsight, -Infinity, Infinity)).toHaveLength(index.records.length);
  });

  it('takes both moments in, and a record known only to the day counts at the end of its day', () => {
    const i = index.records.findIndex((r) => r.occurred.precision === 'exact');
    const at = index.times[i]?.happened as number;
    const id = index.records[i]?.id;
    expect(recordsBetween(index, hindsight, at, at)).toContain(id);
    expect(recordsBetween(index, hindsight, at + 1, Infinity)).not.toContain(id);
    const day = index.records.findIndex((r) => r.occurred.precision === 'day');
    const end = latestInstant(index.records[day]!.occurred);
    expect(recordsBetween(index, hindsight, end, end)).toContain(index.records[day]?.id);
    expect(recordsBetween(index, hindsight, end - 12 * 3_600_000, end - 1)).not.toContain(index.records[day]?.id);
  });

  it('writes the decision moment as the London wall clock, which reads back as the same instant', () => {
    for (const typed of ['22/06/2022 12:00', '12/11/2023 02:16', '26/03/2023 03:30', '22/06/2022 12:00:37']) {
      const parsed = parseDateTime(typed);
      if (!parsed.ok) throw new Error(parsed.message);
      const decisionAt = decisionAtOf(parsed.value);
      expect(decisionAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);
      expect(decisionInstant({ decisionAt })).toBe(latestInstant(parsed.value));
    }
    expect(decisionAtOf({ value: '2022-06-22T12:00:00+01:00', precision: 'exact' })).toBe('2022-06-22T12:00');
    expect(decisionAtOf({ value: '2022-06-22', precision: 'day' })).toBe('2022-06-22');
  });

  it('fills its moment fields in London time as people type them, which read back as the same instant', () => {
    for (const at of [Date.parse('2023-11-12T02:16:00Z'), Date.parse('2022-06-22T11:00:00Z'), Date.parse('2022-06-22T11:00:37Z')]) {
      const parsed = parseDateTime(ukNumericMoment(at));
      expect(parsed.ok && latestInstant(parsed.value)).toBe(at);
    }
    expect(ukNumericMoment(Date.parse('2022-06-22T11:00:00Z'))).toBe('22/06/2022 12:00');
    expect(ukNumericMoment(Date.parse('2022-06-22T11:00:37Z'))).toBe('22/06/2022 12:00:37');
  });

  it('makes an episode with the next free id, leaves the officer out to follow the allocations, and says where it came from', () => {
    const first = newEpisode(null, { title: ' Decision not to recall ', decisionAt: '2023-11-05T10:00', officer: null, records: [] });
    expect(first.episode).toEqual({ id: 'E1', title: 'Decision not to recall', decisionAt: '2023-11-05T10:00', records: [], whatHappened: '', policies: [], factors: [] });
    expect(first.edit).toEqual({ what: 'Key practice episode E1 added from the timeline, at the cursor: "Decision not to recall"', changes: [{ key: 'review:episode:E1', after: first.episode }] });
    const review = Review.parse({ title: 'T', episodes: [first.episode] });
    const second = newEpisode(review, { title: 'Home visit', decisionAt: '2023-11-05', officer: 'N07P214', records: ['contact:1', 'contact:2'] });
    expect(second.episode).toMatchObject({ id: 'E2', officer: 'N07P214', records: ['contact:1', 'contact:2'] });
    expect(second.edit.what).toBe('Key practice episode E2 added from the timeline, from 2 records: "Home visit"');
    expect(Review.parse({ title: 'T', episodes: [first.episode, second.episode] }).episodes).toHaveLength(2);
  });
});
