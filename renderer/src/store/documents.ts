import type { ForesightDb } from './db.js';
import { appendAudit, trailTables } from './audit.js';
import { currentAuthor } from './identity.js';

/**
 * Record in the case's trail that a document was written from it (who, when, which document and where), signed like
 * every entry: a redacted copy given to a family, or a report sent to a manager, can be traced back to the case as it
 * stood. The entry changes no row.
 */
export async function recordDocumentWritten(db: ForesightDb, caseId: string, what: string, now = new Date()): Promise<void> {
  const author = await currentAuthor(db);
  await db.transaction('rw', trailTables(db), () => appendAudit(db, caseId, { at: now.toISOString(), kind: 'export', what }, author));
}
