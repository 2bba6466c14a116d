import { describe, expect, it } from 'vitest';
import { periodBoundaries } from '../../renderer/src/features/timeline/periods.js';
import { toLondonIso } from '../../shared/time/london.js';

const iso = (ts: number[]) => ts.map(toLondonIso);

describe('timeline periods in London time', () => {
  it('starts days at London midnight across the spring clock change', () => {
    expect(iso(periodBoundaries(Date.parse('2023-03-25T12:00:00Z'), Date.parse('2023-03-26T12:00:00Z'), 'day'))).toEqual([
      '2023-03-25T00:00:00+00:00', '2023-03-26T00:00:00+00:00', '2023-03-27T00:00:00+01:00',
    ]);
  });

  it('starts weeks on Mondays, and months, quarters and years on their first day', () => {
    expect(iso(periodBoundaries(Date.parse('2023-11-23T12:00:00Z'), Date.parse('2023-11-23T12:00:00Z'), 'week'))).toEqual(['2023-11-20T00:00:00+00:00', '2023-11-27T00:00:00+00:00']);
    expect(iso(periodBoundaries(Date.parse('2023-05-10T12:00:00Z'), Date.parse('2023-06-10T12:00:00Z'), 'month'))).toEqual(['2023-05-01T00:00:00+01:00', '2023-06-01T00:00:00+01:00', '2023-07-01T00:00:00+01:00']);
    expect(iso(periodBoundaries(Date.parse('2023-05-10T12:00:00Z'), Date.parse('2023-05-10T12:00:00Z'), 'quarter'))).toEqual(['2023-04-01T00:00:00+01:00', '2023-07-01T00:00:00+01:00']);
    expect(iso(periodBoundaries(Date.parse('2023-05-10T12:00:00Z'), Date.parse('2023-05-10T12:00:00Z'), 'year'))).toEqual(['2023-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00']);
  });

  it('counts hours from the UTC hour, which is the London hour too', () => {
    expect(iso(periodBoundaries(Date.parse('2023-06-01T10:30:00Z'), Date.parse('2023-06-01T11:10:00Z'), 'hour'))).toEqual(['2023-06-01T11:00:00+01:00', '2023-06-01T12:00:00+01:00', '2023-06-01T13:00:00+01:00']);
  });
});
