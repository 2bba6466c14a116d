import { useMemo } from 'react';
import { responseCopyOf, type ResponseCopy, type SentCopy } from '../../../shared/review/reply.js';
import type { Finding } from '../../../shared/schemas/review.js';
import { readEntries } from '../store/audit.js';
import { responseHistory } from '../store/responseHistory.js';
import { useStored } from './useStored.js';

/** The request a case is a copy for, when it is a practitioner's copy for response (null: it is not; undefined: reading). */
export function useResponseCopy(caseId: string): ResponseCopy | null | undefined {
  return useStored(async (db) => responseCopyOf(await readEntries(db, caseId)), [caseId]);
}

export interface ReplyHistory {
  sent: SentCopy[];
  /** By finding, then version: the wording a response answered, for each response to a finding reworded since (null: not kept). */
  wordings: Map<string, Map<number, Finding | null>>;
}

/** The copies of a review sent for response, and the earlier wordings responses answered; live. */
export function useReplyHistory(caseId: string): ReplyHistory | undefined {
  const history = useStored((db) => responseHistory(db, caseId), [caseId]);
  return useMemo(() => {
    if (!history) return undefined;
    const wordings = new Map<string, Map<number, Finding | null>>();
    for (const [key, wording] of Object.entries(history.wordings)) {
      if (!wording.reworded) continue;
      // review:response:<finding>:<version>
      const parts = key.split(':');
      const version = Number(parts.pop());
      const finding = parts.slice(2).join(':');
      const of = wordings.get(finding) ?? new Map<number, Finding | null>();
      of.set(version, wording.earlier);
      wordings.set(finding, of);
    }
    return { sent: history.sent, wordings };
  }, [history]);
}
