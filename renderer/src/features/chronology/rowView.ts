import { oneLineSummary, plainThenCode, whatHappened } from '../../../../shared/domain/summary.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { LONDON, londonDateOfTime } from '../../../../shared/time/london.js';
import { hasClockTime } from '../../../../shared/time/precision.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The cells of one chronology row, computed once per record rather than on every scroll frame. */
export interface ChronologyRow {
  id: string;
  date: string;
  /** Empty when the data knows only the day: never 00:00. */
  time: string;
  /** What happened, in plain words before its code. */
  what: string;
  /** How it went (a contact's outcome and any enforcement action), when recorded. */
  outcome: string;
  /** Who did it, or the agency that held it. */
  who: string;
  summary: string;
}

/** A record's date as the chronology shows it: `2 Mar 2022`, `Apr 2022`, `around 3 May 2022`. */
export function recordDate(record: CaseRecord): string {
  const t = record.occurred;
  const date = t.precision === 'month' ? format(new Date(`${t.value}-01T12:00:00`), 'MMM yyyy') : formatUkDate(londonDateOfTime(t));
  return t.precision === 'approx' ? `around ${date}` : date;
}

export function toRow(record: CaseRecord): ChronologyRow {
  const t = record.occurred;
  return {
    id: record.id,
    date: recordDate(record),
    time: hasClockTime(t) ? format(new TZDate(Date.parse(t.value), LONDON), 'HH:mm') : '',
    what: whatHappened(record),
    outcome:
      record.kind === 'contact'
        ? [plainThenCode(record.outcomeDescription, record.outcomeCode), plainThenCode(record.enforcementDescription, record.enforcementCode)].filter(Boolean).join('; ')
        : '',
    who: record.kind === 'contact' ? record.staffName ?? record.staffCode : record.sourceAgency,
    summary: oneLineSummary(record, 400),
  };
}
