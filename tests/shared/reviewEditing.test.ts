import { describe, expect, it } from 'vitest';
import { byDecision, decisionParts, decisionText, describeEpisodeChange, readDecision } from '../../shared/review/episodeEdits.js';
import { describeFindingChange, dismissalWhat, isReplacement, withDismissal, withoutDismissal, withSuggestion } from '../../shared/review/findingEdits.js';
import { HindsightChecks } from '../../shared/review/flags.js';
import { OUTCOME_PHRASES, outcomeLanguage } from '../../shared/review/outcomeLanguage.js';
import { findRecords } from '../../shared/review/recordSearch.js';
import { stateAtDecision } from '../../shared/review/stateWords.js';
import { Review, type Episode, type Finding } from '../../shared/schemas/review.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';
import { KNOWLEDGE_STATES } from '../../shared/engine/knowledge.js';

const index = demoCaseIndex();
const record = (id: string) => {
  const i = index.positionOf(id);
  if (i === undefined) throw new Error(`no ${id}`);
  return index.records[i]!;
};

const review = (episodes: Partial<Episode>[], findings: Partial<Finding>[] = []) =>
  Review.parse({
    title: 'Review',
    factors: [{ id: 'F1', text: 'Caseload over 50', level: 'team' }, { id: 'F2', text: 'Did not read the notes', level: 'practitioner' }],
    episodes: episodes.map((e, i) => ({ id: `E${i + 1}`, title: `Episode ${i + 1}`, decisionAt: '2023-10-30T13:00', ...e })),
    findings: findings.map((f, i) => ({ id: `N${i + 1}`, kind: 'problem', text: '', ...f })),
  });

describe('the decision moment a reviewer types', () => {
  it('is a London wall-clock date and time, or a date alone when the time is left blank', () => {
    expect(readDecision({ date: '22/06/2022', time: '12:00' })).toEqual({ ok: true, decisionAt: '2022-06-22T12:00' });
    expect(readDecision({ date: '22/06/2022', time: '9:05' })).toEqual({ ok: true, decisionAt: '2022-06-22T09:05' });
    expect(readDecision({ date: ' 22/06/2022 ', time: '  ' })).toEqual({ ok: true, decisionAt: '2022-06-22' });
  });

  it('names the field that is wrong, in words', () => {
    expect(readDecision({ date: '', time: '12:00' })).toMatchObject({ ok: false, field: 'date', message: 'Enter the date of the decision' });
    expect(readDecision({ date: '31/02/2022', time: '' })).toMatchObject({ ok: false, field: 'date' });
    expect(readDecision({ date: '22/06/2022', time: '25:00' })).toMatchObject({ ok: false, field: 'time' });
  });

  it('goes back into the form as it was typed, and reads without a made-up midnight', () => {
    expect(decisionParts('2022-06-22T12:00')).toEqual({ date: '22/06/2022', time: '12:00' });
    expect(decisionParts('2022-06-22')).toEqual({ date: '22/06/2022', time: '' });
    expect(decisionParts('2022-06-22T11:00:00Z')).toEqual({ date: '22/06/2022', time: '12:00' });
    expect(decisionText('2022-06-22T12:00')).toBe('22 Jun 2022, 12:00');
    expect(decisionText('2022-06-22')).toBe('22 Jun 2022');
  });

  it('orders episodes by their decisions, a date alone counting as the end of its day', () => {
    const order = byDecision([{ id: 'a', decisionAt: '2022-06-22' }, { id: 'b', decisionAt: '2022-06-22T23:59' }, { id: 'c', decisionAt: '2022-01-01T09:00' }, { id: 'd', decisionAt: 'not a date' }]);
    expect(order.map((e) => e.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('what the trail says of a change', () => {
  const names = { officer: (c: string) => index.staffMember(c).name, policy: (id: string) => id, factor: (id: string) => id, record: (id: string) => id };
  it('names each part of an episode that changed, in plain words', () => {
    const [before] = review([{ title: 'Recall decision' }]).episodes;
    const after = { ...before!, title: 'Decision not to recall', appraisal: 'problematic' as const, officer: 'N07P214', records: ['contact:2600000146'] };
    expect(describeEpisodeChange(before!, after, names)).toBe(
      'Key practice episode E1: title changed to "Decision not to recall"; officer set to James Whitfield; records: contact:2600000146 added; appraised as problematic',
    );
    expect(describeEpisodeChange(after, { ...after, officer: undefined, appraisal: undefined, records: [] }, names)).toBe(
      'Key practice episode E1: officer set to whoever held the case then; records: contact:2600000146 taken off; appraisal taken off',
    );
  });

  it('names each part of a finding that changed', () => {
    const [before] = review([{}], [{}]).findings;
    expect(describeFindingChange(before!, { ...before!, text: 'The officer did not visit.', evidence: ['info:P-04'], kind: 'good' })).toBe(
      'Finding N1: kind set to good practice; wording changed; evidence: info:P-04 added',
    );
  });
});

describe('dismissing a flag', () => {
  const r = review([{}], [{ episode: 'E1', text: 'The officer failed to act, and failed to record it.', evidence: ['info:P-04'], factors: ['F1'] }]);
  const finding = r.findings[0]!;
  const checks = new HindsightChecks(index, r);
  const [late, language] = checks.of(finding);

  it('keeps the reason, who gave it and when, and the checks then report the flag as dismissed', () => {
    const dismissed = withDismissal(finding, language!, '  quoting the officer’s own words ', 'A. Reviewer', new Date('2026-12-01T10:00:00Z'));
    expect(dismissed.dismissed).toEqual([{ kind: 'outcomeLanguage', phrase: 'failed to', reason: 'quoting the officer’s own words', by: 'A. Reviewer', at: '2026-12-01T10:00:00.000Z' }]);
    const flags = checks.of(dismissed);
    // Every "failed to" of the finding is dismissed together: a dismissal names the phrase.
    expect(flags.filter((f) => f.kind === 'outcomeLanguage').map((f) => f.dismissed)).toEqual([
      { reason: 'quoting the officer’s own words', by: 'A. Reviewer' },
      { reason: 'quoting the officer’s own words', by: 'A. Reviewer' },
    ]);
    expect(flags.find((f) => f.kind === 'lateEvidence')?.dismissed).toBeNull();
    expect(checks.of(withoutDismissal(dismissed, language!)).every((f) => f.dismissed === null)).toBe(true);
  });

  it('is refused without a reason', () => {
    expect(() => withDismissal(finding, late!, '   ', 'A. Reviewer', new Date())).toThrow('reason');
  });

  it('says in the trail which finding, which flag and why', () => {
    expect(dismissalWhat(finding, late!, 'it was read to the officer by phone', () => 'the police DASH form')).toBe(
      'Finding N1: the late-evidence flag on the police DASH form dismissed (it was read to the officer by phone)',
    );
  });

  it('replaces a dismissal of the same flag rather than keeping two', () => {
    const once = withDismissal(finding, late!, 'first reason', 'A', new Date(0));
    expect(withDismissal(once, late!, 'second reason', 'B', new Date(0)).dismissed.map((d) => d.reason)).toEqual(['second reason']);
  });
});

describe('suggested wording', () => {
  it('is offered in place of the words only where the suggestion is wording, not advice', () => {
    expect(OUTCOME_PHRASES.filter(isReplacement).map((p) => p.phrase)).toEqual(['it was clear that', 'failed to']);
  });

  it('replaces the words where they were, keeping a capital, even across a line break', () => {
    const text = 'Failed to visit. He\nfailed   to record it.';
    const [first, second] = outcomeLanguage(text);
    expect(withSuggestion(text, first!)).toBe('Did not visit. He\nfailed   to record it.');
    expect(withSuggestion(text, second!)).toBe('Failed to visit. He\ndid not record it.');
    const clear = outcomeLanguage('It was clear that he drank.')[0]!;
    expect(withSuggestion('It was clear that he drank.', clear)).toBe('The records show that he drank.');
  });
});

describe('a record’s state at a decision, in plain words', () => {
  const r = review([{ decisionAt: '2023-10-30T13:00' }, { decisionAt: '2023-07-12T10:00' }]);
  const checks = new HindsightChecks(index, r);
  const words = (id: string) => stateAtDecision(id === 'offence' ? 'offence' : record(id), checks.stateAt('E1', id)!, 'James Whitfield', '30 Oct 2023, 13:00');

  it('says who held what a police record the officer never saw', () => {
    expect(words('info:P-04')).toBe('Not known to James Whitfield at 30 Oct 2023, 13:00: held by Police, not yet shared with probation (never shared before the further offence)');
    expect(stateAtDecision(record('info:P-02'), checks.stateAt('E2', 'info:P-02')!, 'Priya Lal', '12 Jul 2023, 10:00')).toBe(
      'Not known to Priya Lal at 12 Jul 2023, 10:00: held by Police, not yet shared with probation (shared 24 Jul 2023)',
    );
  });

  it('says what had not happened or came to light only later', () => {
    expect(words('info:V-01')).toBe('Not known to James Whitfield at 30 Oct 2023, 13:00: it had not happened yet (1 Nov 2023)');
    expect(words('info:H-01')).toBe('Not known to James Whitfield at 30 Oct 2023, 13:00: it came to light only after the further offence (24 Nov 2023)');
    expect(words('offence')).toBe('Not known to James Whitfield at 30 Oct 2023, 13:00: the further offence had not happened yet');
  });

  it('says what the officer knew or could read', () => {
    expect(words('contact:2600000146')).toBe('Known to James Whitfield at 30 Oct 2023, 13:00');
    expect(words('contact:2600000001')).toMatch(/^On the probation record at 30 Oct 2023, 13:00, while James Whitfield held the case/);
  });
});

describe('finding a record to cite', () => {
  const near = Date.parse('2023-10-30T13:00:00Z');
  it('lists the records nearest the decision when nothing is typed', () => {
    const found = findRecords(index.records, index.starts, '', near, 5);
    expect(found.count).toBe(index.records.length);
    const gaps = found.records.map((r) => Math.abs(index.starts[index.positionOf(r.id)!]! - near));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(found.records.map((r) => r.id)).toContain('contact:2600000146');
  });

  it('needs every word typed, in any order and case, and finds dates as people write them', () => {
    expect(findRecords(index.records, index.starts, 'dash POLICE', near, 10).records.map((r) => r.id)).toEqual(['info:P-04']);
    expect(findRecords(index.records, index.starts, '28/10/2023 police', null, 10).records.map((r) => r.id)).toEqual(['info:P-04']);
    expect(findRecords(index.records, index.starts, 'no such words anywhere', near, 10)).toEqual({ count: 0, records: [] });
  });
});

describe('the state of a cited record', () => {
  it('is the engine’s state for the episode’s officer at its decision, for every record of the case', () => {
    const r = review([{ decisionAt: '2023-10-30T13:00' }, { decisionAt: '2023-07-12' }, { decisionAt: '2022-06-01T09:00', officer: 'N07P214' }]);
    const checks = new HindsightChecks(index, r);
    for (const [episode, officer, at] of [['E1', 'N07P214', Date.parse('2023-10-30T12:00:00Z')], ['E2', 'N07P377', Date.parse('2023-07-12T22:59:59.999Z')], ['E3', 'N07P214', Date.parse('2022-06-01T08:00:00Z')]] as const) {
      const view = index.view(officer, at);
      const engine = index.records.map((_, i) => KNOWLEDGE_STATES[view.states[i]!]);
      expect(index.records.map((rec) => checks.stateAt(episode, rec.id))).toEqual(engine);
    }
  });
});
