import { TZDate } from '@date-fns/tz';
import { addDays, addHours, addMonths, addQuarters, addWeeks, addYears, startOfDay, startOfHour, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from 'date-fns';
import { LONDON } from '../../../../shared/time/london.js';

/** Calendar periods in London time: the timeline's axis ticks, and the bins it counts records in when zoomed out. */
export type PeriodUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const APPROX_MS: Record<PeriodUnit, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_629_800_000, quarter: 7_889_400_000, year: 31_557_600_000 };
const UNITS: readonly PeriodUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

/** The smallest period at least `minPx` wide at this zoom. */
export function periodFor(msPerPx: number, minPx: number): PeriodUnit {
  return UNITS.find((u) => APPROX_MS[u] / msPerPx >= minPx) ?? 'year';
}

function startOf(t: number, unit: PeriodUnit): TZDate {
  const d = new TZDate(t, LONDON);
  switch (unit) {
    case 'hour': return startOfHour(d);
    case 'day': return startOfDay(d);
    case 'week': return startOfWeek(d, { weekStartsOn: 1 });
    case 'month': return startOfMonth(d);
    case 'quarter': return startOfQuarter(d);
    case 'year': return startOfYear(d);
  }
}

function next(d: TZDate, unit: PeriodUnit): TZDate {
  switch (unit) {
    case 'hour': return addHours(d, 1);
    case 'day': return addDays(d, 1);
    case 'week': return addWeeks(d, 1);
    case 'month': return addMonths(d, 1);
    case 'quarter': return addQuarters(d, 1);
    case 'year': return addYears(d, 1);
  }
}

/** Period starts covering [from, to]: the first at or before `from`, the last after `to`. */
export function periodBoundaries(from: number, to: number, unit: PeriodUnit, limit = 5000): number[] {
  const out: number[] = [];
  let d = startOf(from, unit);
  while (out.length < limit) {
    out.push(d.getTime());
    if (d.getTime() > to) break;
    d = next(d, unit);
  }
  return out;
}
