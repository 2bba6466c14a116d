import { useCallback, useMemo, useState } from 'react';
import type { ResponseInput } from '../../../shared/review/reply.js';
import { copiesSent, type SentCopy } from '../../../shared/review/responseCopy.js';
import type { Finding } from '../../../shared/schemas/review.js';
import { readEntries } from '../store/audit.js';
import { useDb } from '../store/context.js';
import { addResponse, readResponseWordings } from '../store/reply.js';
import { useStored } from './useStored.js';

export interface ReplyHistory {
  sent: SentCopy[];
  /** By finding, then version: the wording a response answered, for each response to a finding reworded since (null: not kept). */
  wordings: Map<string, Map<number, Finding | null>>;
}

/** The copies of a review sent for response, and the earlier wordings responses answered; live. */
export function useReplyHistory(caseId: string): ReplyHistory | undefined {
  const read = useStored(async (db) => ({ sent: copiesSent(await readEntries(db, caseId)), wordings: await readResponseWordings(db, caseId) }), [caseId]);
  return useMemo(() => {
    if (!read) return undefined;
    const wordings = new Map<string, Map<number, Finding | null>>();
    for (const { finding, version, reworded, earlier } of Object.values(read.wordings)) {
      if (!reworded) continue;
      const of = wordings.get(finding) ?? new Map<number, Finding | null>();
      of.set(version, earlier);
      wordings.set(finding, of);
    }
    return { sent: read.sent, wordings };
  }, [read]);
}

export type ResponseSave = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; version: number } | { state: 'failed'; message: string };

/**
 * Saving a practitioner's response: the next version, one signed trail entry. One save at a time, so two versions are
 * never numbered alike.
 */
export function useResponseSaver(caseId: string) {
  const db = useDb();
  const [status, setStatus] = useState<ResponseSave>({ state: 'idle' });
  const save = useCallback(
    async (input: ResponseInput): Promise<boolean> => {
      setStatus({ state: 'saving' });
      try {
        const entry = await addResponse(db, caseId, input);
        const version = Object.values((entry.after ?? {}) as Record<string, { version?: number }>)[0]?.version ?? 0;
        setStatus({ state: 'saved', version });
        return true;
      } catch (e) {
        setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
    [db, caseId],
  );
  return { save, status };
}
