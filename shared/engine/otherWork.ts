import type { ContactRecord } from '../schemas/record.js';
import { addDaysToDate } from '../time/calendar.js';
import { latestInstant, londonDateOfTime } from '../time/london.js';
import { groupSorted, lastAtOrBefore } from './sorted.js';

export const OTHER_WORK_RULE = "The officer's contacts on their other cases in the imported files: on this date, and in the seven days ending on it. With hindsight off, only those that had happened by this moment.";

export interface OtherWorkAt {
  /** The officer's contacts on other cases on the moment's date. */
  sameDay: readonly ContactRecord[];
  /** … and in the seven days ending on it. */
  sameWeek: readonly ContactRecord[];
}

const dateOf = (c: ContactRecord) => londonDateOfTime(c.occurred);

/**
 * Other work as foresight shows it: only contacts that had certainly happened by the moment (the as-of figures count
 * the whole day, as the command line's rule says; a view from a moment must not show what came later that day).
 */
export function otherWorkBy(work: OtherWorkAt, at: number): OtherWorkAt {
  const by = (c: ContactRecord) => latestInstant(c.occurred) <= at;
  return { sameDay: work.sameDay.filter(by), sameWeek: work.sameWeek.filter(by) };
}

/** Each officer's contacts on their other cases, in date order: their competing work. */
export class OtherWorkIndex {
  private readonly byOfficer: Map<string, ContactRecord[]>;

  constructor(contacts: readonly ContactRecord[]) {
    this.byOfficer = groupSorted(contacts, (c) => c.staffCode, dateOf);
  }

  at(officer: string, date: string): OtherWorkAt {
    const series = this.byOfficer.get(officer) ?? [];
    const end = lastAtOrBefore(series, date, dateOf) + 1;
    const weekStart = lastAtOrBefore(series, addDaysToDate(date, -7), dateOf) + 1;
    const dayStart = lastAtOrBefore(series, addDaysToDate(date, -1), dateOf) + 1;
    return { sameDay: series.slice(dayStart, end), sameWeek: series.slice(weekStart, end) };
  }
}
