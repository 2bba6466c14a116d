import { describe, expect, it } from 'vitest';
import { pointKey, sessionKey, trainingFromRows, trainingKindOf, trainingRows, trainingRowsProblem, WALKTHROUGH_ROW } from '../../shared/training/trainingRows.js';
import { checkPoint, checkSession, movePoint, pointFields, removePoint, sessionFields } from '../../shared/training/walkthroughEdits.js';
import { putAnswer } from '../../shared/training/sessionEdits.js';
import { isTrainingPack, packRefusal } from '../../shared/training/trainingPack.js';
import type { Session, Walkthrough } from '../../shared/training/walkthrough.js';
import type { CaseBundle } from '../../shared/schemas/index.js';

const point = (id: string, title = `Point ${id}`) => ({ id, at: '2023-10-30T13:00', title, question: 'Recall?', options: ['Yes', 'No'], actual: 'Did not recall.' });
const walkthrough: Walkthrough = { title: 'Case study', outcome: 'A further offence.', points: [point('D2'), point('D1')] };
const session: Session = { id: 'S1', at: '2026-12-01T10:00:00.000Z', mode: 'hindsightExercise', groups: [{ id: 'G1', name: 'Told', toldOutcome: true }, { id: 'G2', name: 'Not told', toldOutcome: false }], answers: [] };
const keyed = (training: Parameters<typeof trainingRows>[0]) => [...trainingRows(training)].map(([key, value]) => ({ key, value }));

describe('a case’s training as rows of its trail', () => {
  it('names the walkthrough, each decision point and each session as the trail does, the points in the room’s order', () => {
    const rows = keyed({ walkthrough, sessions: [session] });
    expect(rows.map((r) => r.key)).toEqual(['training:walkthrough', 'training:point:D2', 'training:point:D1', 'training:session:S1']);
    expect(rows[0]?.value).toEqual({ title: 'Case study', outcome: 'A further offence.', order: ['D2', 'D1'] });
    expect([WALKTHROUGH_ROW, pointKey('D1'), sessionKey('S1'), 'review:finding:N1'].map(trainingKindOf)).toEqual(['walkthrough', 'point', 'session', null]);
  });

  it('puts the walkthrough back together from its rows in any order, points as the walkthrough orders them', () => {
    const rows = keyed({ walkthrough, sessions: [session] }).reverse();
    expect(trainingFromRows(rows)).toEqual({ walkthrough, sessions: [session] });
    expect(trainingFromRows([])).toBeUndefined();
  });

  it('finds a point the order leaves out, or one without a walkthrough', () => {
    const rows = keyed({ walkthrough, sessions: [] });
    expect(trainingRowsProblem(rows)).toBeNull();
    expect(trainingRowsProblem(rows.filter((r) => r.key !== 'training:point:D1'))).toMatch(/names decision point D1, which it does not hold/);
    expect(trainingRowsProblem(rows.filter((r) => r.key !== WALKTHROUGH_ROW))).toMatch(/no walkthrough/);
  });
});

describe('editing a walkthrough', () => {
  it('moves a point by changing only the walkthrough’s order, and goes no further than either end', () => {
    const edit = movePoint(walkthrough, 'D1', -1);
    expect(edit).toEqual({ what: 'Decision point D1 moved up to place 1 of 2', changes: [{ key: WALKTHROUGH_ROW, after: { title: 'Case study', outcome: 'A further offence.', order: ['D1', 'D2'] } }] });
    expect(movePoint(walkthrough, 'D2', -1)).toBeNull();
    expect(movePoint(walkthrough, 'D1', 1)).toBeNull();
  });

  it('deletes a point with the order that named it', () => {
    expect(removePoint(walkthrough, 'D2').changes).toEqual([{ key: 'training:point:D2', after: null }, { key: WALKTHROUGH_ROW, after: { title: 'Case study', outcome: 'A further offence.', order: ['D1'] } }]);
  });

  it('asks for a title, a real moment, a question and at least two options, GOV.UK style', () => {
    const blank = checkPoint('D3', pointFields());
    expect(blank.ok).toBe(false);
    if (blank.ok) return;
    expect(Object.fromEntries(Object.entries(blank.errors).map(([k, e]) => [k, e.message]))).toEqual({
      title: 'Enter a title for the decision point',
      'moment.date': 'Enter the date of the decision',
      question: 'Enter the question put to the room',
      options: 'Enter at least 2 options for the room to choose from',
    });
  });

  it('prefills a point from a key practice episode, and keeps only the options written', () => {
    const fields = pointFields(undefined, { id: 'E1', title: 'No recall', decisionAt: '2023-10-30T13:00', officer: 'N07P012', records: [], whatHappened: '', policies: [], factors: [] });
    expect(fields).toMatchObject({ title: 'No recall', moment: { date: '30/10/2023', time: '13:00' }, episode: 'E1', officer: 'N07P012' });
    const checked = checkPoint('D3', { ...fields, question: 'What now?', options: ['Recall', '', 'Warn', '', '', ''] });
    expect(checked).toEqual({ ok: true, value: { id: 'D3', at: '2023-10-30T13:00', episode: 'E1', officer: 'N07P012', title: 'No recall', question: 'What now?', options: ['Recall', 'Warn'], actual: '' } });
  });

  it('starts a hindsight exercise with two groups, one told the outcome', () => {
    const checked = checkSession('S2', new Date('2026-12-01T10:00:00Z'), { ...sessionFields(), mode: 'hindsightExercise' });
    expect(checked.ok && checked.value.groups).toEqual([{ id: 'G1', name: 'Group A', toldOutcome: true }, { id: 'G2', name: 'Group B', toldOutcome: false }]);
    expect(checkSession('S2', new Date(), { ...sessionFields(), groups: '  \n' })).toMatchObject({ ok: false, errors: { groups: { message: 'Enter the name of at least one group' } } });
  });

  it('replaces a group’s answer at a point, keeping the others', () => {
    const answered = { ...session, answers: [{ point: 'D1', group: 'G1', choice: 0 }, { point: 'D1', group: 'G2', choice: 1 }] };
    const edit = putAnswer(answered, { point: 'D1', group: 'G1', choice: 1, foreseeable: 70 });
    expect((edit.changes[0]?.after as Session).answers).toEqual([{ point: 'D1', group: 'G2', choice: 1 }, { point: 'D1', group: 'G1', choice: 1, foreseeable: 70 }]);
  });
});

describe('training packs', () => {
  const bundle = (after: unknown, kind = 'bundleSent', made: { trainingCopy?: true; synthetic: boolean } = { trainingCopy: true, synthetic: false }) =>
    ({ case: { id: 'c', ...made }, training: { walkthrough, sessions: [] }, audit: [{ seq: 1, kind, after }] }) as unknown as CaseBundle;

  it('is a pack only while its newest entry is the one that saved it as a pack', () => {
    expect(isTrainingPack(bundle({ trainingPack: true }))).toBe(true);
    expect(isTrainingPack(bundle(undefined))).toBe(false);
    expect(isTrainingPack(bundle({ trainingPack: true }, 'export'))).toBe(false);
  });

  it('refuses a pack of a walkthrough with no decision points', () => {
    expect(packRefusal({ ...bundle(undefined), training: { walkthrough: { ...walkthrough, points: [] }, sessions: [] } })).toMatch(/no decision points yet/);
    expect(packRefusal(bundle(undefined))).toBeNull();
  });

  it('refuses a pack of a real case that is not a training copy: a room sees only training copies and synthetic cases', () => {
    expect(packRefusal(bundle(undefined, 'bundleSent', { synthetic: false }))).toMatch(/^Only a training copy/);
    expect(packRefusal(bundle(undefined, 'bundleSent', { synthetic: true }))).toBeNull();
  });
});
