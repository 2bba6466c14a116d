import { REVIEW_ROW } from '../../../shared/review/reviewRows.js';
import { copiesSent, responseWordings, type SentCopy, type ResponseWording } from '../../../shared/review/reply.js';
import { digestsAt } from './blocks.js';
import { readEntries } from './audit.js';
import { reviewAsWritten } from './review.js';
import type { ForesightDb } from './types.js';

export interface ResponseHistory {
  /** Every copy sent for response, oldest first. */
  sent: SentCopy[];
  /** For each response, by its trail key: whether its finding has been reworded since, and the wording it answered. */
  wordings: Record<string, ResponseWording>;
}

/**
 * What the trail says of a review's responses: the copies sent, and the wording each response answered. Only the
 * review's rows of the trail are read: a case's import entry records every record, and none of them matters here.
 */
export async function responseHistory(db: ForesightDb, caseId: string): Promise<ResponseHistory> {
  const [entries, parts, review] = await Promise.all([
    readEntries(db, caseId),
    db.auditRows.where('[caseId+table+seq]').between([caseId, REVIEW_ROW, -Infinity], [caseId, REVIEW_ROW, Infinity], true, true).toArray(),
    reviewAsWritten(db, caseId),
  ]);
  const rowsOf = new Map<number, Record<string, string>>();
  for (const part of parts) {
    const digests = digestsAt(part.digests, part.keys.length);
    const rows = rowsOf.get(part.seq) ?? {};
    part.keys.forEach((key, i) => (rows[key] = digests[i] as string));
    rowsOf.set(part.seq, rows);
  }
  const trail = entries.map((e) => ({ ...e, rows: rowsOf.get(e.seq) }));
  return { sent: copiesSent(entries), wordings: review ? responseWordings(trail, review) : {} };
}
