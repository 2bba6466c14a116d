import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseIndex } from '../../shared/engine/caseIndex.js';
import { nextId, putHead, putItem, removeItem, type ReviewEdit } from '../../shared/review/edits.js';
import { HindsightChecks } from '../../shared/review/flags.js';
import { checkStatus, citations, decisionDate, findingsByKind, qualityChecks, qualitySelfCheck, type QualityCheckKey } from '../../shared/review/quality.js';
import { reviewFromRows, reviewRows } from '../../shared/review/reviewRows.js';
import { Review } from '../../shared/schemas/review.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

let index: CaseIndex;
beforeAll(() => {
  index = demoCaseIndex();
});

const review = (input: Record<string, unknown> = {}): Review => Review.parse({ title: 'SFO review: X900417', ...input });

/** A change applied as the store applies it: each item set or taken out by its trail key, in its list's place. */
function apply(r: Review, edit: ReviewEdit): Review {
  const rows = new Map([...reviewRows(r)].map(([key, value], position) => [key, { key, position, value }]));
  for (const { key, after } of edit.changes) {
    if (after === null) rows.delete(key);
    else rows.set(key, { key, position: rows.get(key)?.position ?? rows.size, value: after });
  }
  return Review.parse(reviewFromRows([...rows.values()]));
}

const checksOf = (r: Review) => qualityChecks(r, new HindsightChecks(index, r).all(r.findings));
const check = (r: Review, key: QualityCheckKey) => {
  const found = checksOf(r).find((c) => c.key === key);
  if (!found) throw new Error(`no check ${key}`);
  return found;
};
const failing = (r: Review, key: QualityCheckKey) => check(r, key).failing.map((i) => `${i.id}: ${i.problem}`);

const finding = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'problem', text: 'The officer did not record a risk review.', ...extra });
const team = { id: 'F1', text: 'Caseload over 50 for two months', level: 'team' };
const personal = { id: 'F2', text: 'New to the role', level: 'practitioner' };

describe('the quality self-check: what the review itself shows against HMIP’s four standards', () => {
  it('maps each check to the standard it supports; victims and families is left to the reviewer', () => {
    const standards = qualitySelfCheck(review(), []);
    expect(standards.map((s) => [s.name, s.checks.map((c) => c.key)])).toEqual([
      ['Analysis of practice', ['appraised', 'systemFactor', 'hindsight']],
      ['Overall judgements', ['judgement', 'policiesInForce']],
      ['Learning', ['actions']],
      ['Victims and their families', []],
    ]);
    for (const s of standards) expect(s.question).toMatch(/\?$/);
    for (const c of standards.flatMap((s) => s.checks)) expect(c.rule).toMatch(/^[A-Z].+\.$/);
  });

  it('a review with nothing written yet has nothing to check, which is not the same as meeting the standard; the judgement is not yet answered', () => {
    for (const r of [null, review()]) {
      const checks = qualitySelfCheck(r, []).flatMap((s) => s.checks);
      expect(Object.fromEntries(checks.map((c) => [c.key, checkStatus(c)]))).toEqual({
        appraised: 'nothingYet',
        systemFactor: 'nothingYet',
        hindsight: 'nothingYet',
        judgement: 'notMet',
        policiesInForce: 'nothingYet',
        actions: 'nothingYet',
      });
    }
  });

  it('lists each episode not yet appraised, by id', () => {
    const r = review({ episodes: [{ id: 'E1', title: 'Release', decisionAt: '2022-05-16T12:00', appraisal: 'good' }, { id: 'E2', title: 'Home visit', decisionAt: '2022-06-22' }] });
    expect(failing(r, 'appraised')).toEqual(['E2: not appraised']);
    expect(check(r, 'appraised').checked).toBe(2);
    expect(checkStatus(check(apply(r, putItem('episodes', { ...r.episodes[1]!, appraisal: 'neutral' }, false)), 'appraised'))).toBe('met');
  });

  describe('every problem finding has a system factor or a reason why none applies', () => {
    it('a factor at the practitioner’s level alone is not a system factor; one above it is', () => {
      const r = review({ factors: [team, personal], findings: [finding('N1', { factors: ['F2'] }), finding('N2', { factors: ['F1', 'F2'] })] });
      expect(failing(r, 'systemFactor')).toEqual(['N1: names no system factor, and no reason why none applies']);
      expect(check(r, 'systemFactor').checked).toBe(2);
    });

    it('a dismissed “no system factor” flag (with its reason) meets it; good practice and conditions are not asked', () => {
      const dismissed = [{ kind: 'noSystemFactor', reason: 'A lapse the officer accepts; nothing in the system bore on it', by: 'A. Reviewer', at: '2026-12-01T10:00:00Z' }];
      const r = review({ findings: [finding('N1', { dismissed }), { id: 'N2', kind: 'good', text: 'Prompt home visit.' }, { id: 'N3', kind: 'condition', text: 'The hostel closed.' }] });
      expect(checkStatus(check(r, 'systemFactor'))).toBe('met');
      expect(check(r, 'systemFactor').checked).toBe(1);
    });

    it('deleting the only system factor a finding named makes it fail again (the reference is stripped)', () => {
      const r = review({ factors: [team], findings: [finding('N1', { factors: ['F1'] })] });
      expect(failing(r, 'systemFactor')).toEqual([]);
      expect(failing(apply(r, removeItem(r, 'factors', 'F1')), 'systemFactor')).toEqual(['N1: names no system factor, and no reason why none applies']);
    });
  });

  describe('no hindsight flag left open', () => {
    it('lists each open flag with what it is about, and a dismissed one no longer counts', () => {
      const r = review({ factors: [team], findings: [finding('N1', { text: 'The officer failed to act. Clearly so.', factors: ['F1'] })] });
      expect(failing(r, 'hindsight')).toEqual(['N1: uses the words “failed to”: did not', 'N1: uses the words “Clearly”: leave it out and give the evidence']);
      const dismissed = { ...r.findings[0]!, dismissed: [{ kind: 'outcomeLanguage' as const, phrase: 'clearly', reason: 'Quoting the officer’s own record', by: 'A. Reviewer', at: '2026-12-01T10:00:00Z' }] };
      expect(failing(apply(r, putItem('findings', dismissed, false)), 'hindsight')).toEqual(['N1: uses the words “failed to”: did not']);
    });

    it('a record the officer could not have read at the decision is an open flag carrying the flag itself; one on record is not', () => {
      const r = review({
        factors: [team],
        episodes: [{ id: 'E1', title: 'Before release', decisionAt: '2022-05-15T12:00', officer: 'N07P101', appraisal: 'problematic' }],
        findings: [finding('N1', { episode: 'E1', evidence: ['contact:2600000001'], factors: ['F1'] })],
      });
      const items = check(r, 'hindsight').failing;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'finding', id: 'N1', flag: { kind: 'lateEvidence', record: 'contact:2600000001', state: 'notYetHappened' } });
      const named = qualityChecks(r, new HindsightChecks(index, r).all(r.findings), (id) => (id === 'contact:2600000001' ? '16 May 2022, 09:00: Release from custody' : id));
      expect(named.find((c) => c.key === 'hindsight')?.failing[0]?.problem).toBe('cites as evidence a record the officer could not have read at the decision (16 May 2022, 09:00: Release from custody)');
      const later = apply(r, putItem('episodes', { ...r.episodes[0]!, decisionAt: '2022-06-01T12:00' }, false));
      expect(checkStatus(check(later, 'hindsight'))).toBe('met');
    });

    it('also counts the open “no system factor” flag, which the system-factor check lists too', () => {
      const r = review({ findings: [finding('N1')] });
      expect(failing(r, 'hindsight')).toEqual(['N1: names no system factor, and no reason why none applies']);
      expect(failing(r, 'systemFactor')).toEqual(['N1: names no system factor, and no reason why none applies']);
    });
  });

  it('the judgement needs both an answer and its reasons', () => {
    const r = review();
    const judged = (head: Parameters<typeof putHead>[1]) => failing(apply(r, putHead(r, head, 'Judgement changed')), 'judgement');
    expect(failing(r, 'judgement')).toEqual(['judgement: not answered yet']);
    expect(judged({ judgement: { rationale: 'Some reasons' } })).toEqual(['judgement: not answered yet']);
    expect(judged({ judgement: { allReasonableSteps: 'partly', rationale: '  \n ' } })).toEqual(['judgement: answered, but no reasons given']);
    expect(judged({ judgement: { allReasonableSteps: 'partly', rationale: 'The recall was not considered after the missed appointments.' } })).toEqual([]);
  });

  describe('each episode judged by the policies in force on the day of its decision', () => {
    const policies = [
      { id: 'P1', name: 'Recall policy framework', version: '2021', from: '2022-07-01', to: null },
      { id: 'P2', name: 'National standards', from: null, to: '2022-06-22' },
      { id: 'P3', name: 'Local instruction' },
    ];
    const at = (decisionAt: string, cites: string[]) => review({ policies, episodes: [{ id: 'E1', title: 'Decision not to recall', decisionAt, policies: cites, appraisal: 'problematic' }] });

    it('names the episode and why the policy was not in force then, with UK dates', () => {
      expect(failing(at('2022-06-22T12:00', ['P1', 'P2', 'P3']), 'policiesInForce')).toEqual([
        'E1: cites a policy outside its dates (Recall policy framework was not yet in force: it applied from 1 Jul 2022)',
      ]);
      expect(failing(at('2022-06-23', ['P2']), 'policiesInForce')).toEqual(['E1: cites a policy outside its dates (National standards was no longer in force: it applied until 22 Jun 2022)']);
      expect(check(at('2022-06-22T12:00', ['P1', 'P2', 'P3']), 'policiesInForce').checked).toBe(3);
    });

    it('both dates count as in force, and the day is London’s: 23:30 UTC on 30 June is 1 July in summer', () => {
      expect(failing(at('2022-07-01', ['P1']), 'policiesInForce')).toEqual([]);
      expect(failing(at('2022-06-22T23:59', ['P2']), 'policiesInForce')).toEqual([]);
      expect(failing(at('2022-06-30T23:30:00Z', ['P1']), 'policiesInForce')).toEqual([]);
      expect(failing(at('2022-06-30T22:30:00Z', ['P1']), 'policiesInForce')).toHaveLength(1);
      expect(decisionDate({ decisionAt: '2022-06-30T23:30:00Z' })).toBe('2022-07-01');
      expect(decisionDate({ decisionAt: 'not a moment' })).toBeNull();
    });

    it('lists every citation, in or out of date, for the policy register to show', () => {
      expect(citations(at('2022-06-22T12:00', ['P3', 'P1']))).toEqual([
        { episode: 'E1', policy: 'P3', date: '2022-06-22', outOfDate: null },
        { episode: 'E1', policy: 'P1', date: '2022-06-22', outOfDate: 'Recall policy framework was not yet in force: it applied from 1 Jul 2022' },
      ]);
    });
  });

  describe('every finding has an action, or a reason why not (actions and findings, as the action plan edits them)', () => {
    const base = review({ findings: [finding('N1'), { id: 'N2', kind: 'good', text: 'Prompt home visit after release.' }] });
    const withAction = apply(base, putItem('actions', { id: nextId(base, 'actions'), findings: ['N1'], action: 'Team caseload cap', owner: 'Head of PDU', due: '2027-03-31', measure: 'Caseloads reported monthly' }, true));

    it('a finding an action lists meets it; one no action lists fails, good practice included', () => {
      expect(withAction.actions.map((a) => a.id)).toEqual(['A1']);
      expect(failing(withAction, 'actions')).toEqual(['N2: no action, and no reason why not']);
      expect(check(withAction, 'actions').checked).toBe(2);
    });

    it('a reason why not meets it; a blank one does not', () => {
      const reason = (text: string) => apply(withAction, putItem('findings', { ...withAction.findings[1]!, noActionReason: text }, false));
      expect(failing(reason('Good practice to share, not to change'), 'actions')).toEqual([]);
      expect(failing(reason('   '), 'actions')).toEqual(['N2: no action, and no reason why not']);
    });

    it('unticking a finding from its action, or deleting the action, leaves the finding without one', () => {
      const unlinked = apply(withAction, putItem('actions', { ...withAction.actions[0]!, findings: [] }, false));
      expect(failing(unlinked, 'actions')).toEqual(['N1: no action, and no reason why not', 'N2: no action, and no reason why not']);
      const deleted = apply(withAction, removeItem(withAction, 'actions', 'A1'));
      expect(deleted.actions).toEqual([]);
      expect(failing(deleted, 'actions')).toHaveLength(2);
    });

    it('deleting a finding takes it off every action that listed it, and a new action gets the next id, never a deleted one', () => {
      const two = apply(withAction, putItem('actions', { id: 'A2', findings: ['N1', 'N2'], action: 'Share the practice', owner: '', measure: '' }, true));
      const gone = apply(two, removeItem(two, 'findings', 'N1'));
      expect(gone.actions.map((a) => [a.id, a.findings])).toEqual([['A1', []], ['A2', ['N2']]]);
      expect(failing(gone, 'actions')).toEqual([]);
      expect(nextId(apply(gone, removeItem(gone, 'actions', 'A2')), 'actions')).toBe('A2');
      expect(nextId(apply(two, removeItem(two, 'actions', 'A1')), 'actions')).toBe('A3');
    });
  });

  it('carries the reviewer’s own answer for each standard, as saved on the review', () => {
    const r = review();
    const answered = apply(r, putHead(r, { quality: { victims: { met: 'partly', note: 'Family not yet spoken to' } } }, 'Quality self-check answered'));
    const standards = qualitySelfCheck(answered, []);
    expect(standards.find((s) => s.standard === 'victims')?.answer).toEqual({ met: 'partly', note: 'Family not yet spoken to' });
    expect(standards.find((s) => s.standard === 'learning')?.answer).toBeUndefined();
  });

  it('counts findings by kind, every kind listed', () => {
    expect(findingsByKind(null)).toEqual({ problem: 0, good: 0, condition: 0 });
    expect(findingsByKind(review({ findings: [finding('N1'), finding('N2'), { id: 'N3', kind: 'good', text: 'x' }] }))).toEqual({ problem: 2, good: 1, condition: 0 });
  });
});
