import { describe, expect, it } from 'vitest';
import { actionFields, checkAction, checkFactor, checkPolicy, factorFields, naming, policyFields, startOf } from '../../shared/review/registerForms.js';
import { putItem } from '../../shared/review/edits.js';

const date = (day: string, month: string, year: string) => ({ day, month, year });
const NONE = date('', '', '');
const policy = (fields: Partial<ReturnType<typeof policyFields>>) => checkPolicy('P1', { ...policyFields(), ...fields });

describe('the policy register’s form', () => {
  it('needs only a name: dates left blank are none (as far back as the case runs; still in force), blank words are left out', () => {
    expect(policy({ name: '  Recall policy framework ', version: ' ', requires: '' })).toEqual({ ok: true, value: { id: 'P1', name: 'Recall policy framework', from: null, to: null } });
    expect(policy({ name: ' ' })).toEqual({ ok: false, errors: { name: { message: 'Enter the name of the policy or guidance' } } });
  });

  it('reads both dates as GOV.UK date inputs, and refuses a last day before the first', () => {
    expect(policy({ name: 'Tiering framework', version: '2.1', from: date('26', '6', '2021'), to: date('31', '3', '2023') })).toMatchObject({ ok: true, value: { version: '2.1', from: '2021-06-26', to: '2023-03-31' } });
    expect(policy({ name: 'X', from: date('26', '6', '2021'), to: date('26', '6', '2021') })).toMatchObject({ ok: true });
    expect(policy({ name: 'X', from: date('26', '6', '2021'), to: date('25', '6', '2021') })).toEqual({
      ok: false,
      errors: { to: { message: 'The date it applied until must be the same as or after the date it applied from', parts: ['day', 'month', 'year'] } },
    });
    expect(policy({ name: 'X', from: date('31', '2', '2021'), to: date('', '6', '2021') })).toEqual({
      ok: false,
      errors: { from: { message: 'The date it applied from must be a real date', parts: ['day'] }, to: { message: 'The date it applied until must include a day', parts: ['day'] } },
    });
  });

  it('a time limit runs from one recall step to a later one within hours more than 0; a wholly blank row is no limit', () => {
    const limit = (from: string, to: string, withinHours: string) => ({ from, to, withinHours }) as never;
    expect(policy({ name: 'R', targets: [limit('recallConsidered', 'managerSignOff', ' 24 '), limit('', '', ' ')] })).toMatchObject({
      ok: true,
      value: { targets: [{ from: 'recallConsidered', to: 'managerSignOff', withinHours: 24 }] },
    });
    expect(policy({ name: 'R', targets: [limit('managerSignOff', 'recallConsidered', '0'), limit('breach', '', 'x'), limit('', 'arrest', '1.5')] })).toEqual({
      ok: false,
      errors: {
        'targets.0.to': { message: 'Target 1: the step the time runs to must come after the step it runs from' },
        'targets.0.withinHours': { message: 'Target 1: the hours must be a number more than 0, like 24' },
        'targets.1.to': { message: 'Target 2: choose the step the time runs to' },
        'targets.1.withinHours': { message: 'Target 2: the hours must be a number more than 0, like 24' },
        'targets.2.from': { message: 'Target 3: choose the step the time runs from' },
      },
    });
  });

  it('shows a saved policy as it was typed, and saving it unchanged gives the same policy', () => {
    const saved = { id: 'P1', name: 'Recall policy framework', version: '2021', from: '2021-06-26', to: null, requires: 'Sign-off within 24 hours.', targets: [{ from: 'recallConsidered' as const, to: 'managerSignOff' as const, withinHours: 24 }] };
    expect(policyFields(saved).from).toEqual(date('26', '6', '2021'));
    expect(policyFields(saved).to).toEqual(NONE);
    expect(checkPolicy('P1', policyFields(saved))).toEqual({ ok: true, value: saved });
  });
});

describe('the contributory factors form', () => {
  it('needs the factor’s words and its level; the SEIPS element and SCIE pattern may follow', () => {
    expect(checkFactor('F2', factorFields())).toEqual({
      ok: false,
      errors: { text: { message: 'Enter the contributory factor' }, level: { message: 'Choose the level of the system the factor sits at' } },
    });
    expect(checkFactor('F2', { text: ' Caseload over 50 ', level: 'team', seips: '', pattern: ' ' })).toEqual({ ok: true, value: { id: 'F2', text: 'Caseload over 50', level: 'team' } });
    const full = { id: 'F2', text: 'Caseload over 50', level: 'team' as const, seips: 'organisation' as const, pattern: 'resource-demand mismatch' };
    expect(checkFactor('F2', factorFields(full))).toEqual({ ok: true, value: full });
  });
});

describe('the action plan’s form', () => {
  it('needs the action; its due date, if given, must be real; its findings keep the review’s order', () => {
    expect(checkAction('A1', actionFields(), [])).toEqual({ ok: false, errors: { action: { message: 'Enter the action' } } });
    expect(checkAction('A1', { ...actionFields(), action: 'x', due: date('30', '2', '2027') }, [])).toMatchObject({ ok: false, errors: { due: { message: 'The date it is due must be a real date' } } });
    expect(checkAction('A1', { action: ' Cap caseloads ', owner: ' Head of PDU ', due: date('31', '3', '2027'), measure: '', findings: ['N3', 'N1'] }, ['N1', 'N2', 'N3'])).toEqual({
      ok: true,
      value: { id: 'A1', findings: ['N1', 'N3'], action: 'Cap caseloads', owner: 'Head of PDU', due: '2027-03-31', measure: '' },
    });
    expect(checkAction('A1', { ...actionFields(), action: 'x' }, [])).toMatchObject({ ok: true, value: { due: null } });
  });
});

describe('naming an item in the trail', () => {
  it('adds the start of its words, on one line, to what the edit says', () => {
    expect(naming(putItem('factors', { id: 'F2', text: 'Caseload over 50', level: 'team' }, true), 'Caseload over 50').what).toBe('Contributory factor F2 added: Caseload over 50');
    expect(startOf('A very\nlong  text that goes on and on past the point where a trail entry should stop saying it', 40)).toBe('A very long text that goes on and on…');
    expect(startOf('short', 40)).toBe('short');
  });
});
