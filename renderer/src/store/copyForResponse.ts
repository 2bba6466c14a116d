import { RESPONSE_PREFIX } from '../../../shared/audit/embedded.js';
import { responseCopyOf, type ResponseCopy } from '../../../shared/review/responseCopy.js';
import { readEntries } from './audit.js';
import type { ForesightDb } from './types.js';

/** The request this case is a copy for, when it is one (the practitioner's response view shows then). */
export async function responseCopy(db: ForesightDb, caseId: string): Promise<ResponseCopy | null> {
  return responseCopyOf(await readEntries(db, caseId));
}

/**
 * In a practitioner's copy for response only responses may be added (REVIEW.md §3): any other change would make the
 * reviewer refuse the whole reply. Called inside the transaction of every change to a case's rows (its review, its
 * walkthrough, its details, an import), so the refusal comes before anything is stored, with the words the
 * practitioner sees.
 */
export async function refuseUnlessResponses(db: ForesightDb, caseId: string, keys: readonly string[]): Promise<void> {
  if (keys.every((key) => key.startsWith(RESPONSE_PREFIX))) return;
  await refuseInCopyForResponse(db, caseId);
}

/** A change that is never a response (the case's details, an import) is refused in a copy for response. */
export async function refuseInCopyForResponse(db: ForesightDb, caseId: string): Promise<void> {
  if ((await responseCopy(db, caseId)) === null) return;
  throw new Error('this is a copy of the review sent for your response: only your responses can be added to it, so that the reviewer can merge your reply');
}
