import { describe, expect, it } from 'vitest';
import { caseDetailsChange, caseFormFields, checkDateParts, validateCaseEdit, validateCaseForm, type CaseFormFields } from '../../shared/domain/caseForm.js';
import type { Case } from '../../shared/schemas/index.js';

const NAME = 'Date of the further offence';
const date = (day: string, month: string, year: string) => ({ day, month, year });

describe('a date typed in three fields (GOV.UK date input)', () => {
  it('reads a real date, with or without leading zeros and spaces', () => {
    expect(checkDateParts(date('26', '6', '2022'), NAME)).toEqual({ ok: true, value: '2022-06-26' });
    expect(checkDateParts(date(' 02 ', '03', '2024'), NAME)).toEqual({ ok: true, value: '2024-03-02' });
    expect(checkDateParts(date('29', '2', '2024'), NAME)).toEqual({ ok: true, value: '2024-02-29' });
  });

  it.each([
    [date('', '', ''), 'Enter the date of the further offence', ['day', 'month', 'year']],
    [date('', '6', '2022'), `${NAME} must include a day`, ['day']],
    [date('26', '', ''), `${NAME} must include a month and year`, ['month', 'year']],
    [date('', '6', ''), `${NAME} must include a day and year`, ['day', 'year']],
    [date('26', '13', '2022'), `${NAME} must be a real date`, ['month']],
    [date('x', '6', '2022'), `${NAME} must be a real date`, ['day']],
    [date('0', 'June', '2022'), `${NAME} must be a real date`, ['day', 'month']],
    [date('26', '6', '22'), 'Year must include 4 numbers', ['year']],
    [date('31', '2', '2023'), `${NAME} must be a real date`, ['day']],
    [date('29', '2', '2023'), `${NAME} must be a real date`, ['day']],
  ])('refuses %o: "%s", marking %o', (parts, message, wrong) => {
    expect(checkDateParts(parts, NAME)).toEqual({ ok: false, error: { message, parts: wrong } });
  });

  it('refuses a date after today when given today', () => {
    expect(checkDateParts(date('24', '11', '2026'), NAME, '2026-11-23')).toEqual({ ok: false, error: { message: `${NAME} must be today or in the past`, parts: ['day', 'month', 'year'] } });
    expect(checkDateParts(date('23', '11', '2026'), NAME, '2026-11-23')).toEqual({ ok: true, value: '2026-11-23' });
  });
});

const fields = (more: Partial<CaseFormFields> = {}): CaseFormFields => ({ title: ' SFO review ', crn: 'x900417', subject: '', offenceDate: date('12', '11', '2023'), offenceTime: '', ...more });

describe('the case details form', () => {
  it('gives the details typed, the offence known to the day or, with a time, to the minute in London', () => {
    expect(validateCaseForm(fields())).toEqual({ ok: true, value: { title: 'SFO review', crn: 'X900417', subject: '', offenceAt: { value: '2023-11-12', precision: 'day' } } });
    expect(validateCaseForm(fields({ offenceDate: date('26', '6', '2022'), offenceTime: '02:17' }))).toMatchObject({ ok: true, value: { offenceAt: { value: '2022-06-26T02:17:00+01:00', precision: 'exact' } } });
  });

  it('attaches each error to its field, the date’s to the parts that are wrong', () => {
    expect(validateCaseForm(fields({ title: '', crn: 'X12', offenceDate: date('31', '2', '2023'), offenceTime: '25:00' }))).toEqual({
      ok: false,
      errors: {
        title: 'Enter a name for the case',
        crn: 'Enter a CRN: one letter then six digits, like X123456',
        offenceDate: { message: `${NAME} must be a real date`, parts: ['day'] },
        offenceTime: 'Enter a time on the 24-hour clock, like 02:17',
      },
    });
  });
});

const stored: Case = {
  id: 'c1', crn: 'X900417', title: 'SFO review', subject: 'Daniel Marsh', offenceAt: { value: '2023-11-12T02:17:00+00:00', precision: 'exact' }, synthetic: false, createdAt: '2026-11-23T00:00:00Z',
};

describe('correcting a case’s details', () => {
  it('shows the stored details in the form, the offence as its London date and clock time', () => {
    expect(caseFormFields(stored)).toEqual({ title: 'SFO review', crn: 'X900417', subject: 'Daniel Marsh', offenceDate: date('12', '11', '2023'), offenceTime: '02:17' });
    expect(caseFormFields({ ...stored, offenceAt: { value: '2022-06-26T00:30:00Z', precision: 'exact' } })).toMatchObject({ offenceDate: date('26', '6', '2022'), offenceTime: '01:30' });
    expect(caseFormFields({ ...stored, offenceAt: { value: '2022-06', precision: 'month' } })).toMatchObject({ offenceDate: date('', '6', '2022'), offenceTime: '' });
  });

  it('keeps an offence time the form cannot show exactly when its fields are left alone, and reads them when changed', () => {
    const toTheSecond = { ...stored, offenceAt: { value: '2023-11-12T02:17:45+00:00', precision: 'exact' as const } };
    expect(validateCaseEdit(toTheSecond, { ...caseFormFields(toTheSecond), crn: 'X900418' })).toMatchObject({ ok: true, value: { crn: 'X900418', offenceAt: toTheSecond.offenceAt } });
    const toTheMonth = { ...stored, offenceAt: { value: '2022-06', precision: 'month' as const } };
    expect(validateCaseEdit(toTheMonth, caseFormFields(toTheMonth))).toMatchObject({ ok: true, value: { offenceAt: toTheMonth.offenceAt } });
    expect(validateCaseEdit(toTheMonth, { ...caseFormFields(toTheMonth), offenceDate: date('', '7', '2022') })).toMatchObject({ ok: false, errors: { offenceDate: { parts: ['day'] } } });
    expect(validateCaseEdit(stored, { ...caseFormFields(stored), offenceTime: '03:10' })).toMatchObject({ ok: true, value: { offenceAt: { value: '2023-11-12T03:10:00+00:00', precision: 'exact' } } });
  });

  it('says in plain words what changed, and holds only the changed fields before and after', () => {
    expect(caseDetailsChange(stored, stored)).toBeNull();
    const change = caseDetailsChange(stored, { ...stored, crn: 'X900418', subject: '', offenceAt: { value: '2023-11-12T03:10:00+00:00', precision: 'exact' } });
    expect(change).toEqual({
      before: { crn: 'X900417', subject: 'Daniel Marsh', offenceAt: stored.offenceAt },
      after: { crn: 'X900418', subject: '', offenceAt: { value: '2023-11-12T03:10:00+00:00', precision: 'exact' } },
      lines: [
        { field: 'CRN', before: 'X900417', after: 'X900418' },
        { field: 'person on probation', before: '“Daniel Marsh”', after: 'not given' },
        { field: 'further offence', before: '12 Nov 2023, 02:17', after: '12 Nov 2023, 03:10' },
      ],
      what: 'Case details corrected: CRN X900417 → X900418; person on probation “Daniel Marsh” → not given; further offence 12 Nov 2023, 02:17 → 12 Nov 2023, 03:10',
    });
  });
});
