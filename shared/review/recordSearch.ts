import { oneLineSummary, whatHappened } from '../domain/summary.js';
import type { CaseRecord } from '../schemas/record.js';
import { formatUkDate, ukNumericDate } from '../time/display.js';
import { londonDateOfTime } from '../time/london.js';

export interface RecordMatches {
  /** How many records match in all. */
  count: number;
  /** The first `limit` of them, nearest the moment first (or in time order with no moment). */
  records: CaseRecord[];
}

/** What a record can be found by: what happened, its words, who, the agency, its id and its date as people write it. */
function searchText(record: CaseRecord): string {
  const date = londonDateOfTime(record.occurred);
  const who = record.kind === 'contact' ? `${record.staffName ?? ''} ${record.staffCode}` : record.evidenceRef ?? '';
  return `${whatHappened(record)} ${oneLineSummary(record, 400)} ${record.summary} ${who} ${record.sourceAgency} ${record.id} ${ukNumericDate(date)} ${formatUkDate(date)}`.toLowerCase();
}

const texts = new WeakMap<readonly CaseRecord[], string[]>();

/**
 * Records of a case that have every word typed (in any order, any case), nearest to a moment first: the records
 * around a decision are the ones a reviewer is most likely to want. `records` are in time order and `starts` are
 * their instants (CaseIndex.records and .starts); the words of each are worked out once per case.
 */
export function findRecords(records: readonly CaseRecord[], starts: Float64Array, query: string, near: number | null, limit: number): RecordMatches {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const distance = (i: number) => (near === null ? i : Math.abs((starts[i] as number) - near));
  if (words.length === 0) {
    // Nothing typed: the records nearest the moment, found outward from it.
    if (near === null) return { count: records.length, records: records.slice(0, limit) };
    let hi = lowerBound(starts, near);
    let lo = hi - 1;
    const out: number[] = [];
    while (out.length < limit && (lo >= 0 || hi < records.length)) {
      if (hi >= records.length || (lo >= 0 && distance(lo) <= distance(hi))) out.push(lo--);
      else out.push(hi++);
    }
    return { count: records.length, records: out.map((i) => records[i] as CaseRecord) };
  }
  let text = texts.get(records);
  if (!text) texts.set(records, (text = records.map(searchText)));
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const t = text[i] as string;
    if (words.every((w) => t.includes(w))) found.push(i);
  }
  found.sort((a, b) => distance(a) - distance(b) || a - b);
  return { count: found.length, records: found.slice(0, limit).map((i) => records[i] as CaseRecord) };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
