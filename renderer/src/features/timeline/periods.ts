import { londonDateOf, londonWallClockToEpoch } from '../../../../shared/time/london.js';

/**
 * Calendar periods in London time: the timeline's axis ticks, and the bins it counts records in when zoomed out.
 * Worked out with the time model's cached offsets rather than a time-zone library: they are needed on every frame.
 */
export type PeriodUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const HOUR = 3_600_000;
const APPROX_MS: Record<PeriodUnit, number> = { hour: HOUR, day: 86_400_000, week: 604_800_000, month: 2_629_800_000, quarter: 7_889_400_000, year: 31_557_600_000 };
const UNITS: readonly PeriodUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

/** The smallest period at least `minPx` wide at this zoom. */
export function periodFor(msPerPx: number, minPx: number): PeriodUnit {
  return UNITS.find((u) => APPROX_MS[u] / msPerPx >= minPx) ?? 'year';
}

/** Period starts covering [from, to]: the first at or before `from`, the last after `to`. */
export function periodBoundaries(from: number, to: number, unit: PeriodUnit, limit = 5000): number[] {
  const out: number[] = [];
  // London's offset is a whole number of hours, so its hours start on UTC hours.
  if (unit === 'hour') {
    for (let t = Math.floor(from / HOUR) * HOUR; out.length < limit; t += HOUR) {
      out.push(t);
      if (t > to) break;
    }
    return out;
  }
  const [y, m, d] = londonDateOf(from).split('-').map(Number) as [number, number, number];
  // Each period's first day, as a calendar date: clock changes cannot shift it.
  let date = new Date(Date.UTC(y, m - 1, d));
  if (unit === 'week') date = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
  else if (unit === 'month') date = new Date(Date.UTC(y, m - 1, 1));
  else if (unit === 'quarter') date = new Date(Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1));
  else if (unit === 'year') date = new Date(Date.UTC(y, 0, 1));
  while (out.length < limit) {
    const t = londonWallClockToEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    out.push(t);
    if (t > to) break;
    if (unit === 'day') date = new Date(date.getTime() + 86_400_000);
    else if (unit === 'week') date = new Date(date.getTime() + 7 * 86_400_000);
    else date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12), 1));
  }
  return out;
}
