import { z } from 'zod';
import { replyMergedOf } from '../audit/embedded.js';
import type { AuditEntry, NewAuditEntry } from '../audit/trail.js';

/**
 * A copy of a case sent for a practitioner's response (REVIEW.md §3), and their reply: how the trail says which a case
 * file or a stored case is. Kept apart from the merge (reply.ts), for the case's header reads it on every case opened.
 */

export const Practitioner = z.object({ staffCode: z.string().min(1), name: z.string().min(1) });
export type Practitioner = z.infer<typeof Practitioner>;

/** What the reviewer asks: whom, on which findings, with an optional note. */
export const ResponseRequest = z.object({ practitioner: Practitioner, findings: z.array(z.string()).min(1), note: z.string().optional() });
export type ResponseRequest = z.infer<typeof ResponseRequest>;

const SentForResponse = z.object({ forResponse: ResponseRequest });
const RespondingTo = z.object({ respondingTo: z.string() });

/** The entry the reviewer writes before sending a copy for response (a `bundleSent`): it travels in the copy. */
export function sentForResponseEntry(request: ResponseRequest): Pick<NewAuditEntry, 'kind' | 'what' | 'after'> {
  const { practitioner: p, findings } = request;
  return { kind: 'bundleSent', what: `Sent for response to ${p.name} (${p.staffCode}): ${findings.length === 1 ? 'finding' : 'findings'} ${findings.join(', ')}`, after: { forResponse: request } };
}

/** The entry the practitioner writes before sending their copy back. */
export const REPLY_SENT: Pick<NewAuditEntry, 'kind' | 'what' | 'after'> = { kind: 'bundleSent', what: 'Reply sent to the reviewer', after: { reply: true } };

export const requestOf = (entry: Pick<AuditEntry, 'kind' | 'after'> | undefined) => (entry?.kind === 'bundleSent' ? SentForResponse.safeParse(entry.after).data?.forResponse : undefined);

/** A copy sent for response, as the reviewer's trail records it. */
export interface SentCopy extends ResponseRequest {
  sentBy: string;
  sentAt: string;
  /** The hash of the entry that sent it. */
  hash: string;
}

/** Every copy of the case sent for response, oldest first, from the entries that sent them. */
export function copiesSent(audit: readonly Pick<AuditEntry, 'kind' | 'after' | 'hash' | 'who' | 'at'>[]): SentCopy[] {
  return audit.flatMap((e) => {
    const request = requestOf(e);
    return request ? [{ ...request, sentBy: e.who, sentAt: e.at, hash: e.hash }] : [];
  });
}

/** The hash of a case file's last entry when it is a copy just sent for response (receiving it marks the copy), else null. */
export function sentForResponse(audit: readonly Pick<AuditEntry, 'kind' | 'after' | 'hash'>[]): string | null {
  const last = audit[audit.length - 1];
  return last && requestOf(last) ? last.hash : null;
}

/** What the practitioner's `bundleReceived` entry says it answers: the entry that sent the copy. */
export const respondingTo = (sentEntry: string) => ({ respondingTo: sentEntry });

/** A case file whose last entry says it is a practitioner's reply: merged into the reviewer's case, not received over it. */
export const isReply = (audit: readonly Pick<AuditEntry, 'kind' | 'after'>[]) => {
  const last = audit[audit.length - 1];
  return last?.kind === 'bundleSent' && (last.after as { reply?: unknown } | undefined)?.reply === true;
};

/** The request a copy for response answers, with who sent it and when. */
export interface ResponseCopy extends ResponseRequest {
  sentBy: string;
  sentAt: string;
  /** The hash of the entry that sent it. */
  sentEntry: string;
}

/**
 * The request this case is a copy for, when it is one now: the newest entry that received a copy for response or
 * merged a reply is a receipt (`respondingTo`). Null for the reviewer's own case, before and after a reply is merged.
 */
export function responseCopyOf(audit: readonly Pick<AuditEntry, 'kind' | 'after' | 'hash' | 'who' | 'at'>[]): ResponseCopy | null {
  for (let i = audit.length - 1; i >= 0; i--) {
    const entry = audit[i] as AuditEntry;
    if (replyMergedOf(entry)) return null;
    const answering = RespondingTo.safeParse(entry.after).data?.respondingTo;
    if (answering === undefined) continue;
    const sent = audit.find((e) => e.hash === answering);
    const request = requestOf(sent);
    return sent && request ? { ...request, sentBy: sent.who, sentAt: sent.at, sentEntry: sent.hash } : null;
  }
  return null;
}
