import { describe, expect, it } from 'vitest';
import { readReview, reviewOfFile } from '../../shared/review/readReview.js';

const RECORDS = new Set(['contact:3100000030', 'contact:3100000031', 'info:P-05']);

/** A review with every list filled in, as the app writes one (docs/review.md). */
function review() {
  return {
    title: 'SFO review: X900001',
    reviewer: 'A. Reviewer',
    termsOfReference: 'text',
    policies: [{ id: 'P1', name: 'Recall policy framework', version: '2021', from: '2021-06-26', to: null, requires: 'A recall decision is signed off by an SPO within 24 hours.' }],
    factors: [
      { id: 'F1', text: 'Caseload over 50 for two months', level: 'team', seips: 'organisation', pattern: 'resource-demand mismatch' },
      { id: 'F2', text: 'Did not read the police log', level: 'practitioner' },
    ],
    episodes: [{ id: 'E1', title: 'Decision not to recall', decisionAt: '2022-06-22T12:00', officer: 'N07P103', records: ['contact:3100000031'], whatHappened: 'text', appraisal: 'problematic', policies: ['P1'], factors: ['F1'] }],
    annotations: [{ record: 'contact:3100000031', shouldHaveHappened: 'text', dataGaps: 'text', notablePractice: 'text', problems: 'text', factors: ['F1'] }],
    findings: [
      { id: 'N1', episode: 'E1', kind: 'problem', text: 'text', evidence: ['info:P-05'], factors: ['F1'], dismissed: [{ kind: 'outcomeLanguage', phrase: 'failed to', reason: 'text', by: 'name', at: '2026-12-01T10:00:00Z' }] },
      { id: 'N2', kind: 'good', text: 'text' },
    ],
    judgement: { allReasonableSteps: 'partly', rationale: 'text' },
    actions: [{ id: 'A1', findings: ['N1'], action: 'text', owner: 'text', due: '2027-03-31', measure: 'text' }],
    responses: [{ finding: 'N1', by: 'N07P103', status: 'disputed', text: 'text', evidence: ['contact:3100000030'], version: 1, at: '2026-12-02T09:00:00Z' }],
  };
}

type Edit = (review: Record<string, unknown>) => void;

/** The object or list holding the field at a path written as readReview writes it (`findings[0].evidence`), and its key. */
function parentOf(review: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop() as string;
  return [keys.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], review) as Record<string, unknown>, last];
}
const set = (path: string, value: unknown): Edit => (r) => {
  const [parent, key] = parentOf(r, path);
  parent[key] = value;
};
const drop = (path: string): Edit => (r) => {
  const [parent, key] = parentOf(r, path);
  delete parent[key];
};
const push = (path: string, item: unknown): Edit => (r) => {
  const [parent, key] = parentOf(r, path);
  (parent[key] as unknown[]).push(item);
};

/** The path readReview names for the review with these edits made, or 'ok'. */
function refusal(...edits: Edit[]): string {
  const r: Record<string, unknown> = review();
  for (const edit of edits) edit(r);
  const read = readReview(r, RECORDS);
  return read.ok ? 'ok' : read.path;
}

describe('readReview: a review that keeps the rules', () => {
  it('reads the review of docs/review.md', () => {
    const read = readReview(review(), RECORDS);
    expect(read.ok).toBe(true);
  });

  it('fills in what a review leaves out: empty lists and texts, no judgement, no appraisal, no officer', () => {
    const read = readReview({ title: 'T', episodes: [{ id: 'E1', title: 'x', decisionAt: '2022-06-22' }], findings: [{ id: 'N1', kind: 'problem', text: '' }] }, RECORDS);
    if (!read.ok) throw new Error(read.path);
    expect(read.review).toMatchObject({ reviewer: '', termsOfReference: '', policies: [], factors: [], annotations: [], actions: [], responses: [] });
    expect(read.review.episodes[0]).toEqual({ id: 'E1', title: 'x', decisionAt: '2022-06-22', records: [], whatHappened: '', policies: [], factors: [] });
    expect(read.review.findings[0]).toEqual({ id: 'N1', kind: 'problem', text: '', evidence: [], factors: [], dismissed: [] });
    expect(read.review.judgement).toBeUndefined();
  });

  it('takes `offence` as a record of every case', () => {
    expect(refusal(set('findings[0].evidence', ['offence']))).toBe('ok');
    expect(refusal(set('episodes[0].records', ['offence']))).toBe('ok');
  });

  it('resolves a reference to an item written later in the review', () => {
    expect(refusal(push('episodes[0].factors', 'F3'))).toBe('episodes[0].factors[1]');
    expect(refusal(push('episodes[0].factors', 'F3'), push('factors', { id: 'F3', text: 'x', level: 'region' }))).toBe('ok');
    expect(refusal(set('actions[0].findings', ['N2']))).toBe('ok');
  });

  it('keeps a dismissal whose record or phrase is not given: it dismisses nothing, but breaks no rule', () => {
    expect(refusal(push('findings[0].dismissed', { kind: 'lateEvidence', reason: 'x', by: 'y', at: '2026-12-01' }))).toBe('ok');
    expect(refusal(push('findings[0].dismissed', { kind: 'outcomeLanguage', reason: 'x', by: 'y', at: '2026-12-01' }))).toBe('ok');
    expect(refusal(push('findings[0].dismissed', { kind: 'outcomeLanguage', phrase: 'not a listed phrase', reason: 'x', by: 'y', at: '2026-12-01' }))).toBe('ok');
  });

  it('takes a moment for decisionAt as the command line does: a date, a local datetime, or one with an offset', () => {
    for (const at of ['2022-06-22', '2022-06-22T12:00', '2022-06-22T12:00:30', '2022-06-22T11:00:00Z', '2022-06-22T12:00:00+01:00', '22/06/2022 12:00']) {
      expect(refusal(set('episodes[0].decisionAt', at)), at).toBe('ok');
    }
  });
});

describe('readReview: the path of a bad field', () => {
  it('names a value of the wrong kind', () => {
    expect(refusal(set('factors[0].level', 'county'))).toBe('factors[0].level');
    expect(refusal(set('factors[1].seips', 'people'))).toBe('factors[1].seips');
    expect(refusal(set('episodes[0].appraisal', 'bad'))).toBe('episodes[0].appraisal');
    expect(refusal(set('findings[1].kind', 'praise'))).toBe('findings[1].kind');
    expect(refusal(set('findings[0].dismissed[0].kind', 'hindsight'))).toBe('findings[0].dismissed[0].kind');
    expect(refusal(set('judgement.allReasonableSteps', 'maybe'))).toBe('judgement.allReasonableSteps');
    expect(refusal(set('responses[0].status', 'rejected'))).toBe('responses[0].status');
  });

  it('names a field of the wrong type', () => {
    expect(refusal(set('title', 42))).toBe('title');
    expect(refusal(set('policies', {}))).toBe('policies');
    expect(refusal(set('findings[0].evidence', 'info:P-05'))).toBe('findings[0].evidence');
    expect(refusal(set('findings[0].evidence', ['info:P-05', 7]))).toBe('findings[0].evidence[1]');
    expect(refusal(set('episodes[0]', 'E1'))).toBe('episodes[0]');
    expect(refusal(set('responses[0].version', 0))).toBe('responses[0].version');
    expect(refusal(set('responses[0].version', 1.5))).toBe('responses[0].version');
    expect(refusal(set('actions[0].due', '31/03/2027x'))).toBe('actions[0].due');
  });

  it('names a field left out that the review needs', () => {
    expect(refusal(drop('title'))).toBe('title');
    expect(refusal(drop('episodes[0].decisionAt'))).toBe('episodes[0].decisionAt');
    expect(refusal(drop('factors[1].level'))).toBe('factors[1].level');
    expect(refusal(drop('findings[1].kind'))).toBe('findings[1].kind');
    expect(refusal(drop('findings[0].dismissed[0].reason'))).toBe('findings[0].dismissed[0].reason');
  });

  it('refuses a decisionAt that is not a moment, rather than checking the episode against nothing', () => {
    expect(refusal(set('episodes[0].decisionAt', 'the day of the visit'))).toBe('episodes[0].decisionAt');
    expect(refusal(set('episodes[0].decisionAt', '2022-02-30'))).toBe('episodes[0].decisionAt');
    expect(refusal(set('episodes[0].decisionAt', '2022-06-22T25:00'))).toBe('episodes[0].decisionAt');
  });

  it('refuses the whole review when it is not an object', () => {
    for (const value of [null, [], 'review', 3]) {
      const read = readReview(value, RECORDS);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.path).toBe('');
    }
  });
});

describe('readReview: ids unique within their list', () => {
  it('names the second item that uses an id, in each list', () => {
    expect(refusal(push('policies', { id: 'P1', name: 'x' }))).toBe('policies[1].id');
    expect(refusal(set('factors[1].id', 'F1'))).toBe('factors[1].id');
    expect(refusal(push('episodes', { id: 'E1', title: 'x', decisionAt: '2022-06-22' }))).toBe('episodes[1].id');
    expect(refusal(set('findings[1].id', 'N1'))).toBe('findings[1].id');
    expect(refusal(push('actions', { id: 'A1', action: 'x' }))).toBe('actions[1].id');
  });

  it('lets the same id stand in different lists', () => {
    expect(refusal(set('policies[0].id', 'X1'), set('factors[0].id', 'X1'), set('episodes[0].factors', ['X1']), set('episodes[0].policies', ['X1']), set('findings[0].factors', ['X1']), set('annotations[0].factors', ['X1']))).toBe('ok');
  });

  it('names a record annotated twice, and a response version given twice (each is one row of the trail)', () => {
    expect(refusal(push('annotations', { record: 'contact:3100000031' }))).toBe('annotations[1].record');
    expect(refusal(push('responses', { ...review().responses[0], text: 'again' }))).toBe('responses[1].version');
    expect(refusal(push('responses', { ...review().responses[0], version: 2 }))).toBe('ok');
  });
});

describe('readReview: every reference resolves', () => {
  it.each([
    ['an episode’s record', set('episodes[0].records', ['contact:3100000031', 'contact:999']), 'episodes[0].records[1]'],
    ['an episode’s policy', set('episodes[0].policies', ['P9']), 'episodes[0].policies[0]'],
    ['an episode’s factor', set('episodes[0].factors', ['F9']), 'episodes[0].factors[0]'],
    ['an annotation’s record', set('annotations[0].record', 'info:nope'), 'annotations[0].record'],
    ['an annotation’s factor', set('annotations[0].factors', ['F1', 'F9']), 'annotations[0].factors[1]'],
    ['a finding’s episode', set('findings[1].episode', 'E9'), 'findings[1].episode'],
    ['a finding’s evidence', set('findings[0].evidence', ['info:P-05', 'info:P-06']), 'findings[0].evidence[1]'],
    ['a finding’s factor', set('findings[1].factors', ['F9']), 'findings[1].factors[0]'],
    ['a dismissal’s record', push('findings[0].dismissed', { kind: 'lateEvidence', record: 'contact:1', reason: 'x', by: 'y', at: 'z' }), 'findings[0].dismissed[1].record'],
    ['an action’s finding', set('actions[0].findings', ['N1', 'N9']), 'actions[0].findings[1]'],
    ['a response’s finding', set('responses[0].finding', 'N9'), 'responses[0].finding'],
    ['a response’s evidence', set('responses[0].evidence', ['contact:1']), 'responses[0].evidence[0]'],
  ])('names %s that names nothing', (_what, change, path) => {
    expect(refusal(change)).toBe(path);
  });

  it('says what the reference names and what it should be', () => {
    const read = readReview({ ...review(), findings: [{ id: 'N1', episode: 'E9', kind: 'problem', text: '' }], actions: [], responses: [] }, RECORDS);
    expect(read).toEqual({ ok: false, path: 'findings[0].episode', message: '"E9" is not an episode in this review' });
  });

  it('does not take an id from another list, or a record of another case, as resolving', () => {
    expect(refusal(set('findings[0].factors', ['P1']))).toBe('findings[0].factors[0]');
    expect(refusal(set('findings[0].episode', 'N2'))).toBe('findings[0].episode');
    expect(refusal(set('findings[0].evidence', ['3100000030']))).toBe('findings[0].evidence[0]');
  });
});

describe('readReview: the first bad field in document order', () => {
  it('names the earlier of two bad fields, whatever makes each bad', () => {
    // A reference that names nothing, written before a value of the wrong kind.
    expect(refusal(set('episodes[0].factors', ['F9']), set('findings[1].kind', 'praise'))).toBe('episodes[0].factors[0]');
    // A value of the wrong kind, written before a duplicate id.
    expect(refusal(set('factors[0].level', 'county'), set('findings[1].id', 'N1'))).toBe('factors[0].level');
    // A duplicate id before a bad type.
    expect(refusal(set('factors[1].id', 'F1'), set('responses[0].version', 0))).toBe('factors[1].id');
  });

  it('follows the order the review is written in, not the order of the lists in the schema', () => {
    const r: Record<string, unknown> = review();
    set('episodes[0].factors', ['F9'])(r);
    set('findings[1].kind', 'praise')(r);
    // The same review with its findings written before its episodes.
    const { findings, title, ...rest } = r;
    const read = readReview({ findings, title, ...rest }, RECORDS);
    expect(read.ok ? 'ok' : read.path).toBe('findings[1].kind');
    expect(readReview({ title: 7, ...rest, findings }, RECORDS)).toMatchObject({ path: 'title' });
    expect(readReview({ ...rest, findings, title: 7 }, RECORDS)).toMatchObject({ path: 'episodes[0].factors[0]' });
  });

  it('follows the order of the fields within an item as written', () => {
    const bad = { evidence: ['info:nope'], kind: 'praise', id: 'N3', text: '' };
    expect(refusal(push('findings', bad))).toBe('findings[2].evidence[0]');
    expect(refusal(push('findings', { kind: 'praise', evidence: ['info:nope'], id: 'N3', text: '' }))).toBe('findings[2].kind');
    expect(refusal(push('findings', { id: 'N1', episode: 'E9', kind: 'problem', text: '' }))).toBe('findings[2].id');
    expect(refusal(push('findings', { episode: 'E9', id: 'N1', kind: 'problem', text: '' }))).toBe('findings[2].episode');
  });

  it('places a field left out where the review’s schema puts it among the fields given', () => {
    // A finding is id, episode, kind, text, evidence...: `kind` left out comes after a bad episode, before bad evidence.
    expect(refusal(push('findings', { id: 'N3', episode: 'E9', text: '' }))).toBe('findings[2].episode');
    expect(refusal(push('findings', { id: 'N3', text: '', evidence: ['info:nope'] }))).toBe('findings[2].kind');
    // Written before the id, the evidence comes before a kind left out (the schema puts kind after id).
    expect(refusal(push('findings', { evidence: ['info:nope'], id: 'N3', text: '' }))).toBe('findings[2].evidence[0]');
    // The schema puts id first: left out, it comes before anything written in the item.
    expect(refusal(push('findings', { evidence: ['info:nope'], text: '' }))).toBe('findings[2].id');
  });

  it('names items in the order of their list', () => {
    expect(refusal(set('findings[1].factors', ['F9']), set('findings[0].evidence', ['info:nope']))).toBe('findings[0].evidence[0]');
  });
});

describe('reviewOfFile: a review given to `bundle --review`', () => {
  const records = [...RECORDS].map((id) => ({ id }));

  it('keeps the review exactly as written, leaving out nothing and filling in nothing', () => {
    const text = JSON.stringify({ title: 'T', findings: [{ id: 'N1', kind: 'problem', text: 'x', extra: true }] });
    expect(reviewOfFile(text, records)).toEqual({ ok: true, review: JSON.parse(text) });
  });

  it('refuses JSON that cannot be read, and a review that breaks the rules, naming the path', () => {
    expect(reviewOfFile('{"title": ', records)).toMatchObject({ ok: false, message: expect.stringMatching(/^not a review: the JSON cannot be read/) });
    expect(reviewOfFile(JSON.stringify({ title: 'T', findings: [{ id: 'N1', kind: 'problem', text: '', evidence: ['info:X'] }] }), records)).toEqual({
      ok: false,
      message: 'findings[0].evidence[0]: "info:X" is not a record of this case',
    });
    expect(reviewOfFile('[]', records)).toMatchObject({ ok: false, message: expect.stringMatching(/^the review: /) });
  });
});
