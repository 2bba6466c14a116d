import { rowDigest, type AuditKind } from '../../../shared/audit/trail.js';
import { count } from '../../../shared/domain/words.js';
import { withWholeCaseEntry } from '../../../shared/bundle/bundleRows.js';
import { rerouteContacts, type Rerouted } from '../../../shared/bundle/reroute.js';
import { caseDetailsChange, type CaseDetails } from '../../../shared/domain/caseForm.js';
import type { Case, CaseBundle } from '../../../shared/schemas/index.js';
import { rowKeyOf, trailKey } from '../../../shared/audit/rowKeys.js';
import { appendAudit, putTrail, trailTables } from './audit.js';
import { advanceHead } from './storeHead.js';
import { BLOCK_TABLES, BlockWriter, countRows } from './blocks.js';
import { caseBundleOf } from './caseBundle.js';
import { CASE_TABLES, type ForesightDb } from './types.js';
import { currentAuthor, type Author } from './identity.js';
import { readReview } from '../../../shared/review/readReview.js';
import { reviewItemRows } from './review.js';
import { trainingItemRows } from './training.js';
import { refuseInCopyForResponse } from './copyForResponse.js';

/** Every case, by CRN. (The CRN is not an index: indexes stay in the clear in an encrypted store.) */
export async function listCases(db: ForesightDb): Promise<Case[]> {
  return (await db.cases.toArray()).sort((a, b) => (a.crn < b.crn ? -1 : a.crn > b.crn ? 1 : a.id < b.id ? -1 : 1));
}

/** One case (null when there is no such case). */
export async function findCase(db: ForesightDb, caseId: string): Promise<Case | null> {
  return (await db.cases.get(caseId)) ?? null;
}

export function countRecords(db: ForesightDb, caseId: string): Promise<number> {
  return countRows(db, caseId, 'records');
}

/** Create a case. Inside a transaction already open, pass the author (currentAuthor), read before it opened. */
export async function createCase(db: ForesightDb, c: Case, now = new Date(), author?: Author): Promise<void> {
  author ??= await currentAuthor(db);
  await db.transaction('rw', [db.cases, ...trailTables(db)], async () => {
    await db.cases.add(c);
    await appendAudit(db, c.id, { at: now.toISOString(), kind: 'edit', what: `Case created: ${c.title} (CRN ${c.crn})`, after: c, rows: { case: rowDigest(c) } }, author);
  });
}

/** What correcting a case's details did, for the page to say (null: nothing had changed). */
export interface DetailsEdited {
  what: string;
  /** Only when the CRN changed: the contacts it moved, and what the case keeps under another CRN (rerouteContacts). */
  rerouted?: Omit<Rerouted, 'bundle'>;
}

/**
 * Correct a case's name, CRN, person on probation or offence time, with one trail entry saying what changed, all in
 * one transaction. A new CRN routes the case's contacts again as an import under it would have (rerouteContacts):
 * that rewrites the whole case, recorded like any whole-case change, with the contacts moved recorded under their
 * new keys and taken out under their old ones.
 */
export async function editCaseDetails(db: ForesightDb, caseId: string, details: CaseDetails, now = new Date()): Promise<DetailsEdited | null> {
  const author = await currentAuthor(db);
  return db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t]), db.settings], async () => {
    const before = await db.cases.get(caseId);
    if (!before) throw new Error('That case no longer exists.');
    await refuseInCopyForResponse(db, caseId);
    const change = caseDetailsChange(before, details);
    if (!change) return null;
    const after: Case = { ...before, title: details.title, crn: details.crn, subject: details.subject, offenceAt: details.offenceAt };
    if (after.crn === before.crn) {
      await db.cases.put(after);
      await appendAudit(db, caseId, { at: now.toISOString(), kind: 'edit', what: change.what, before: change.before, after: change.after, rows: { case: rowDigest(after) } }, author);
      return { what: change.what };
    }
    const bundle = await caseBundleOf(db, caseId);
    if (!bundle) throw new Error('That case no longer exists.');
    const { bundle: rerouted, ...moved } = rerouteContacts({ ...bundle, case: after });
    // A review citing a record the correction moves out of the case would no longer read: refused, with nothing changed.
    const cited = rerouted.review && readReview(rerouted.review, new Set(rerouted.records.map((r) => r.id)));
    if (cited && !cited.ok) throw new Error(`The review cites a record this CRN would move out of the case (${cited.path}: ${cited.message}). Take it out of the review first.`);
    const what = `${change.what}; ${movedWords(moved, before.crn, after.crn)}`;
    await storeCaseBundle(db, rerouted, { kind: 'edit', what, before: change.before, after: change.after, author, at: now });
    return { what, rerouted: moved };
  });
}

function movedWords({ toRecords, toOtherWork }: Pick<Rerouted, 'toRecords' | 'toOtherWork'>, from: string, to: string): string {
  return `${count(toRecords, 'contact')} of ${to} moved from other work into the records, ${count(toOtherWork, 'contact')} of ${from} moved to other work`;
}

/** Delete a case, everything stored with it and its backups, in one transaction: either all of it goes or none of it. */
export async function deleteCase(db: ForesightDb, caseId: string): Promise<void> {
  await db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t]), db.backups, db.backupData, db.settings], async () => {
    for (const t of CASE_TABLES) await db[t].where('caseId').equals(caseId).delete();
    // A deletion is a change the store's head counts: a copy of the store from before it is an older copy.
    await advanceHead(db, caseId, null);
    const backups = await db.backups.where('caseId').equals(caseId).primaryKeys();
    await db.backups.bulkDelete(backups);
    await db.backupData.bulkDelete(backups);
    await db.cases.delete(caseId);
  });
}

export interface WholeCaseChange {
  kind: AuditKind;
  what: string;
  /** Who makes the change (currentAuthor): given when it was read before an open transaction. */
  author?: Author;
  at?: Date;
  before?: unknown;
  after?: unknown;
}

/**
 * Store a whole case (the demo, a received bundle, a backup) in one transaction, replacing anything stored under its
 * id: if anything fails, the case is as it was. Its trail is the bundle's, plus one entry for this change that
 * records the content of every row. Putting the same bundle again gives the same rows.
 */
export async function storeCaseBundle(db: ForesightDb, bundle: CaseBundle, change: WholeCaseChange): Promise<void> {
  const { at, author = await currentAuthor(db), ...said } = change;
  // Signed by its author, and the case then carries their key (withWholeCaseEntry), stored with its signers below.
  await putWholeCase(db, withWholeCaseEntry(bundle, { ...said, who: author.who, at: at ?? new Date() }, author.signing));
}

/**
 * Store a whole case whose trail already ends with an entry recording every row it holds (storeCaseBundle adds that
 * entry; a training copy is made with its own), in one transaction, replacing anything stored under its id.
 */
export async function putWholeCase(db: ForesightDb, stored: CaseBundle): Promise<void> {
  const caseId = stored.case.id;
  const withCase = <T extends object>(items: T[]) => items.map((item) => ({ ...item, caseId }));
  await db.transaction('rw', [db.cases, ...CASE_TABLES.map((t) => db[t]), db.settings], async () => {
    for (const t of CASE_TABLES) await db[t].where('caseId').equals(caseId).delete();
    await db.cases.put(stored.case);
    // The entry just added recorded every row's content hash: the blocks keep the same hashes beside their rows.
    const digests = stored.audit[stored.audit.length - 1]?.rows ?? {};
    const blocks = new BlockWriter(db, caseId);
    for (const table of BLOCK_TABLES) {
      await blocks.append(
        table,
        stored[table].map((item) => {
          const key = rowKeyOf(table, item);
          return { key, item, digest: digests[trailKey(table, key)] as string };
        }),
      );
    }
    await db.allocations.bulkPut(withCase(stored.allocations));
    await db.staff.bulkPut(withCase(stored.staff));
    await db.sources.bulkPut(withCase(stored.sources));
    await db.signers.bulkPut(withCase(stored.signers ?? []));
    await db.reviewItems.bulkPut(reviewItemRows(caseId, stored.review));
    await db.trainingItems.bulkPut(trainingItemRows(caseId, stored.training));
    await putTrail(db, caseId, stored.audit);
  });
}
