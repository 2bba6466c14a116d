import { describe, expect, it } from 'vitest';
import { parseClock, parseDate, parseDateTime } from '../../shared/import/dates.js';

describe('reading dates from import files', () => {
  it.each([
    ['2022-06-26', '2022-06-26'],
    ['26/06/2022', '2022-06-26'],
    ['6/7/2022', '2022-07-06'],
    ['44738', '2022-06-26'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });

  it('refuses 31/02/2022 rather than rolling it into March', () => {
    expect(parseDate('31/02/2022')).toEqual({ ok: false, message: 'not a real date' });
  });

  it('never guesses MM/DD/YYYY', () => {
    const result = parseDate('12/31/2022');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/DD\/MM\/YYYY/);
  });

  it('refuses text and US-style ISO look-alikes', () => {
    expect(parseDate('next Tuesday').ok).toBe(false);
    expect(parseDate('2022-13-01').ok).toBe(false);
    expect(parseDate('29/02/2023').ok).toBe(false);
    expect(parseDate('29/02/2024').ok).toBe(true);
  });

  it('reads a date alone as day precision, never as midnight', () => {
    expect(parseDateTime('26/06/2022')).toEqual({ ok: true, value: { value: '2022-06-26', precision: 'day' } });
  });

  it('reads a datetime without offset as London wall-clock time, in BST and GMT', () => {
    expect(parseDateTime('2022-06-26T02:17')).toEqual({ ok: true, value: { value: '2022-06-26T02:17:00+01:00', precision: 'exact' } });
    expect(parseDateTime('26/12/2022 02:17:30')).toEqual({ ok: true, value: { value: '2022-12-26T02:17:30+00:00', precision: 'exact' } });
  });

  it('keeps the instant of a datetime with an offset', () => {
    const r = parseDateTime('2022-06-26T01:17:00Z');
    expect(r.ok && Date.parse(r.value.value)).toBe(Date.parse('2022-06-26T01:17:00Z'));
  });

  it('reads an Excel serial with a fraction as a time that day', () => {
    expect(parseDateTime('44738.5')).toEqual({ ok: true, value: { value: '2022-06-26T12:00:00+01:00', precision: 'exact' } });
  });

  it('refuses impossible clock times', () => {
    expect(parseClock('24:00').ok).toBe(false);
    expect(parseClock('12:60').ok).toBe(false);
    expect(parseClock('09:05:07')).toEqual({ ok: true, value: { hour: 9, minute: 5, second: 7 } });
  });
});

describe('times the clocks skipped', () => {
  it('reads 01:30 on the spring-forward day as 02:30 BST, and warns', async () => {
    const { readText } = await import('../helpers/demoFiles.js');
    const r = readText('c.csv', 'crn,contact_id,contact_date,contact_start_time,type_code,staff_code\nX123456,1,2025-03-30,01:30,COAP,N07P012\nX123456,2,2025-03-30,02:30,COAP,N07P012\n');
    expect(r.items.map((c) => 'occurred' in c && c.occurred.value)).toEqual(['2025-03-30T02:30:00+01:00', '2025-03-30T02:30:00+01:00']);
    expect(r.warnings).toEqual([{ row: 2, column: 'contact_start_time', message: expect.stringMatching(/did not exist in London/) }]);
  });
});
