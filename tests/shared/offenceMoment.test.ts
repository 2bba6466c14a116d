import { describe, expect, it } from 'vitest';
import { readOffence } from '../../shared/domain/offenceMoment.js';

const TODAY = '2026-12-01';
const read = (day: string, month: string, year: string, time = '') => readOffence({ day, month, year, time }, TODAY);

describe('the further offence, as the GOV.UK date input takes it', () => {
  it('a date and a time give an exact London moment (British Summer Time in June)', () => {
    expect(read('26', '6', '2022', '02:17')).toEqual({ ok: true, value: { value: '2022-06-26T02:17:00+01:00', precision: 'exact' } });
  });

  it('a date without a time is known to the day', () => {
    expect(read('12', '11', '2023')).toEqual({ ok: true, value: { value: '2023-11-12', precision: 'day' } });
  });

  it('names the missing part, the impossible date, the short year and the bad time', () => {
    expect(read('', '', '')).toEqual({ ok: false, errors: { date: 'Enter the date of the further offence' } });
    expect(read('12', '', '2023')).toEqual({ ok: false, errors: { month: 'The date of the further offence must include a month' } });
    expect(read('', '', '2023')).toEqual({ ok: false, errors: { day: 'The date of the further offence must include a day and a month' } });
    expect(read('31', '2', '2023')).toEqual({ ok: false, errors: { date: 'The date of the further offence must be a real date' } });
    expect(read('1', '2', '23')).toEqual({ ok: false, errors: { year: 'Year must include 4 numbers' } });
    expect(read('1', '2', '2023', '25:00')).toEqual({ ok: false, errors: { time: 'Enter the time on the 24-hour clock, like 02:17, or leave it blank' } });
  });

  it('an offence in the future is refused', () => {
    expect(read('2', '12', '2026')).toEqual({ ok: false, errors: { date: 'The date of the further offence must be today or in the past' } });
  });
});
