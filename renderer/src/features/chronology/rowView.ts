import { oneLineSummary } from '../../../../shared/domain/summary.js';
import { recordKind } from '../../../../shared/domain/recordKind.js';
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
  kind: string;
  type: string;
  outcome: string;
  who: string;
  agency: string;
  summary: string;
}

export function toRow(record: CaseRecord): ChronologyRow {
  const t = record.occurred;
  const date = t.precision === 'month' ? format(new Date(`${t.value}-01T12:00:00`), 'MMM yyyy') : formatUkDate(londonDateOfTime(t));
  return {
    id: record.id,
    date: t.precision === 'approx' ? `around ${date}` : date,
    time: hasClockTime(t) ? format(new TZDate(Date.parse(t.value), LONDON), 'HH:mm') : '',
    kind: recordKind(record),
    type: record.kind === 'contact' ? record.typeDescription ?? record.typeCode ?? '' : '',
    outcome: record.kind === 'contact' ? record.outcomeDescription ?? record.outcomeCode ?? '' : '',
    who: record.kind === 'contact' ? record.staffName ?? record.staffCode : '',
    agency: record.sourceAgency,
    summary: oneLineSummary(record),
  };
}
