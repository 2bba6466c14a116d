import { hexToBytes } from '@noble/hashes/utils.js';
import { checkChain, rowDigest, rowDigests, verifyTrailDigests, type AuditEntry, type TrailCheck } from '../../../shared/audit/trail.js';
import { heldEntryBreak } from '../../../shared/audit/embedded.js';
import { bundleRows } from '../../../shared/bundle/bundleRows.js';
import { rowKeyOf, trailKey } from '../../../shared/audit/rowKeys.js';
import { BLOCK_TABLES } from './blocks.js';
import { bundleOf, readWholeCase } from './caseBundle.js';
import { caseDataOf, readHeld, type HeldCase } from './caseData.js';
import type { CaseData } from '../../../shared/engine/caseIndex.js';
import { BUNDLE_SCHEMA_VERSION, type Case } from '../../../shared/schemas/index.js';
import type { ForesightDb } from './types.js';
import { addHash, emptySum, sameSum, sumOfHex, trailSums } from '../../../shared/audit/rowSum.js';

/**
 * How deeply a case's audit trail is checked.
 * - quick (whenever the case opens): the chain of entries, and the rows the case holds against the trail's last
 *   entry, by their sums (rowSum.ts): each block's sum, sealed with its rows, and the case's few other rows hashed
 *   afresh, must add up to the sum the last entry recorded. It relies on the encrypted store authenticating every
 *   sealed value as it is read, so a sealed value changed on disk fails to open, and one put back from an older copy
 *   or deleted no longer adds up.
 * - full (once a day, on demand, and whenever the quick check fails, to name what differs): every entry's hash and
 *   every row's content hash recomputed and compared by key, so a changed figure or time in the clear part of a row is
 *   found as well; then the sums the quick check relies on, against the rows and the trail.
 */
export type TrailCheckDepth = 'quick' | 'full';

const blockRowCount = (held: HeldCase) => BLOCK_TABLES.reduce((n, table) => n + held.blocks[table].reduce((m, b) => m + b.items.length, 0), 0);

/** The case's rows that are not kept in blocks (its review's and walkthrough's among them), under the keys the trail names them by. */
function otherRows({ case: found, staff, allocations, sources, review, training }: HeldCase): Map<string, unknown> {
  return bundleRows({ schemaVersion: BUNDLE_SCHEMA_VERSION, case: found, staff, allocations, sources, records: [], otherWork: [], workload: [], teams: [], audit: [], ...(review ? { review } : {}), ...(training ? { training } : {}) });
}

/** The quick check of a case already read (what opening it and backing it up read anyway). */
export function checkHeld(held: HeldCase): TrailCheck {
  const { entries } = held;
  const broken = checkChain(entries, { rehash: false }) ?? olderCopy(held);
  if (broken) return broken;
  const others = otherRows(held);
  const sum = emptySum();
  for (const table of BLOCK_TABLES) for (const block of held.blocks[table]) addHash(sum, block.rowSum);
  for (const row of others.values()) addHash(sum, hexToBytes(rowDigest(row)));
  const last = entries[entries.length - 1];
  if (sameSum(sum, last?.rowSum ?? emptySum())) return { ok: true, entries: entries.length, rows: blockRowCount(held) + others.size };
  return { ok: false, entry: last?.seq ?? 0, reason: 'the rows the case holds do not add up to the rows its trail recorded' };
}

/** A case put back as an older copy of itself: its newest entry is not the one the store's head names for it. */
function olderCopy({ entries, headEntry }: HeldCase): Extract<TrailCheck, { ok: false }> | null {
  const last = entries[entries.length - 1];
  if (headEntry === undefined || last?.hash === headEntry) return null;
  return { ok: false, entry: last?.seq ?? 0, reason: 'the case is an older copy than the one this computer last recorded: its newest trail entry is not the newest recorded for it' };
}

function fullCheck(held: HeldCase, audit: AuditEntry[]): TrailCheck {
  const digests = new Map(Object.entries(rowDigests(bundleRows(bundleOf(held, audit)))));
  const verified = verifyTrailDigests(audit, digests);
  // A practitioner's entries a merge holds whole are hashed again too (their signatures are checked with the others', trailSignatures.ts).
  const heldBreak = heldEntryBreak(audit);
  if (heldBreak && (verified.ok || !('entry' in verified) || heldBreak.entry < verified.entry)) return heldBreak;
  if (!verified.ok) return verified;
  const older = olderCopy(held);
  if (older) return older;
  // The rows match the trail; the sums the quick check adds up must match both.
  const sums = trailSums(audit);
  for (const [i, entry] of held.entries.entries()) {
    if (!sameSum(entry.rowSum, sums[i] as Uint8Array)) return { ok: false, entry: entry.seq, reason: `the store's sum of the rows held after entry ${entry.seq} has been changed` };
  }
  for (const table of BLOCK_TABLES) {
    for (const block of held.blocks[table]) {
      const sum = sumOfHex(block.items.map((item) => digests.get(trailKey(table, rowKeyOf(table, item))) as string));
      if (!sameSum(block.rowSum, sum)) return { ok: false, row: `${table}:block ${block.block}`, reason: `the store's sum of the rows in block ${block.block} of ${table} has been changed` };
    }
  }
  return verified;
}

/** Check a case's trail (null when there is no such case). */
export async function checkTrail(db: ForesightDb, caseId: string, depth: TrailCheckDepth): Promise<TrailCheck | null> {
  if (depth === 'quick') {
    const held = await readHeld(db, caseId);
    return held && checkHeld(held);
  }
  const whole = await readWholeCase(db, caseId);
  return whole && fullCheck(whole.held, whole.audit);
}

/** A case opened: everything the engine needs, and the quick check of its trail made over the same reads. */
export interface OpenedCase {
  data: CaseData & { case: Case };
  trail: TrailCheck;
  /** The hash of the trail's newest entry when checked ('' for none): the trail checked, however it changes after. */
  lastHash: string;
}

export async function openCase(db: ForesightDb, caseId: string): Promise<OpenedCase | null> {
  const held = await readHeld(db, caseId);
  return held && { data: caseDataOf(held), trail: checkHeld(held), lastHash: held.entries[held.entries.length - 1]?.hash ?? '' };
}
