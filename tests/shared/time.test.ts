import { describe, expect, it } from 'vitest';
import { formatTime, formatUkDate, ukNumericDate } from '../../shared/time/display.js';
import { earliestInstant, endOfLondonDay, latestInstant, londonDateOf, startOfLondonDay, toLondonIso } from '../../shared/time/london.js';
import { TimeValue } from '../../shared/time/precision.js';

describe('London time model', () => {
  it('puts the start of a winter day at midnight GMT and a summer day at 23:00 UTC the evening before', () => {
    expect(new Date(startOfLondonDay('2022-01-10')).toISOString()).toBe('2022-01-10T00:00:00.000Z');
    expect(new Date(startOfLondonDay('2022-06-22')).toISOString()).toBe('2022-06-21T23:00:00.000Z');
  });

  it('gives the clock-change days 23 and 25 hours', () => {
    const springForward = endOfLondonDay('2023-03-26') + 1 - startOfLondonDay('2023-03-26');
    const fallBack = endOfLondonDay('2023-10-29') + 1 - startOfLondonDay('2023-10-29');
    expect(springForward / 3_600_000).toBe(23);
    expect(fallBack / 3_600_000).toBe(25);
  });

  it('reads an instant just after midnight BST as that London date, not the UTC one', () => {
    expect(londonDateOf(Date.parse('2022-06-21T23:30:00Z'))).toBe('2022-06-22');
    expect(toLondonIso(Date.parse('2022-06-22T11:00:00Z'))).toBe('2022-06-22T12:00:00+01:00');
    expect(toLondonIso(Date.parse('2022-12-22T11:00:00Z'))).toBe('2022-12-22T11:00:00Z'.replace('Z', '+00:00'));
  });

  it('treats a day-precision time as spanning the whole day: earliest at its start, latest at its end', () => {
    const t = { value: '2023-10-29', precision: 'day' } as const;
    expect(earliestInstant(t)).toBe(startOfLondonDay('2023-10-29'));
    expect(latestInstant(t)).toBe(endOfLondonDay('2023-10-29'));
  });

  it('spans a month-precision time over the whole month', () => {
    const t = { value: '2022-02', precision: 'month' } as const;
    expect(earliestInstant(t)).toBe(startOfLondonDay('2022-02-01'));
    expect(latestInstant(t)).toBe(endOfLondonDay('2022-02-28'));
  });
});

describe('showing times to people', () => {
  it('writes UK dates as 23 Nov 2026, and as 23/11/2026 in forms', () => {
    expect(formatUkDate('2026-11-23')).toBe('23 Nov 2026');
    expect(ukNumericDate('2026-11-03')).toBe('03/11/2026');
  });

  it('never shows 00:00 for a time known only to the day', () => {
    expect(formatTime({ value: '2022-06-22', precision: 'day' })).toBe('22 Jun 2022');
  });

  it('shows a known midnight as 00:00, in London time', () => {
    expect(formatTime({ value: '2022-06-21T23:00:00Z', precision: 'exact' })).toBe('22 Jun 2022, 00:00');
  });

  it('shows months and approximate times as such', () => {
    expect(formatTime({ value: '2022-04', precision: 'month' })).toBe('Apr 2022');
    expect(formatTime({ value: '2023-10-01', precision: 'approx' })).toBe('around 1 Oct 2023');
  });

  it('refuses a time value whose text does not match its precision', () => {
    expect(TimeValue.safeParse({ value: '2022-06-22', precision: 'exact' }).success).toBe(false);
    expect(TimeValue.safeParse({ value: '2022-06-22T12:00', precision: 'exact' }).success).toBe(false);
    expect(TimeValue.safeParse({ value: '2022-06-22T12:00:00+01:00', precision: 'exact' }).success).toBe(true);
    expect(TimeValue.safeParse({ value: '2022-06', precision: 'month' }).success).toBe(true);
  });
});

describe('wall-clock times around the clock changes', () => {
  it('agrees with the time-zone library for every quarter hour across both 2023 clock changes', async () => {
    const { TZDate } = await import('@date-fns/tz');
    const { londonWallClockToEpoch } = await import('../../shared/time/london.js');
    for (const [y, m, d] of [[2023, 3, 25], [2023, 3, 26], [2023, 3, 27], [2023, 10, 28], [2023, 10, 29], [2023, 10, 30]] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const [h, mi] = [Math.floor(minutes / 60), minutes % 60];
        expect(londonWallClockToEpoch(y, m, d, h, mi), `${y}-${m}-${d} ${h}:${mi}`).toBe(new TZDate(y, m - 1, d, h, mi, 0, 'Europe/London').getTime());
      }
    }
  });

  it('writes instants either side of a clock change with the right offset', () => {
    expect(toLondonIso(Date.parse('2023-03-26T00:59:00Z'))).toBe('2023-03-26T00:59:00+00:00');
    expect(toLondonIso(Date.parse('2023-03-26T01:00:00Z'))).toBe('2023-03-26T02:00:00+01:00');
    expect(toLondonIso(Date.parse('2023-10-29T00:30:00Z'))).toBe('2023-10-29T01:30:00+01:00');
    expect(toLondonIso(Date.parse('2023-10-29T01:30:00Z'))).toBe('2023-10-29T01:30:00+00:00');
  });
});

describe('London wall-clock text', () => {
  it('reads every instant as the time-zone library does, either side of each clock change (2000–2040)', async () => {
    const fc = (await import('fast-check')).default;
    const { TZDate } = await import('@date-fns/tz');
    const { format } = await import('date-fns');
    const { formatInstant } = await import('../../shared/time/display.js');
    const changes = [Date.parse('2023-03-26T01:00:00Z'), Date.parse('2023-10-29T01:00:00Z')];
    const near = fc.oneof(...changes.map((c) => fc.integer({ min: c - 7_200_000, max: c + 7_200_000 })), fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-12-31T00:00:00Z') }));
    fc.assert(
      fc.property(near, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(formatInstant(iso)).toBe(format(new TZDate(ms, 'Europe/London'), 'd MMM yyyy, HH:mm'));
        expect(formatTime({ value: iso, precision: 'exact' })).toBe(format(new TZDate(ms, 'Europe/London'), 'd MMM yyyy, HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });
});
