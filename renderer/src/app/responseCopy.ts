import type { ResponseCopy } from '../../../shared/review/responseCopy.js';
import { responseCopy } from '../store/copyForResponse.js';
import { useStored } from './useStored.js';

/**
 * The request a case is a copy for, when it is a practitioner's copy for response (null: it is not; undefined:
 * reading). Kept apart from the rest of the reply (replies.ts): every case's header asks it.
 */
export function useResponseCopy(caseId: string): ResponseCopy | null | undefined {
  return useStored((db) => responseCopy(db, caseId), [caseId]);
}
