// The reply bench (issue 16): a practitioner's reply merged into a 100,000-record case, by the pure rule (as `merge`
// does) and into a store (as the app's mergeReply job does, over fake-indexeddb as tests/store do). Target: the store's
// merge within 2 s. Each figure is the median of 3. Both merges check the reply as they go (checkReplyTrail: its
// entries after the start it shares with the case hashed again, its links and signatures); that check is also
// measured on its own, beside the full check `verify` and opening a case file make (every row hashed), measured once.
// The app's jobs read the reply from its encrypted file first: decrypting it and reading its JSON are measured apart.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { storeCaseBundle } from '../renderer/src/store/cases.js';
import { openDatabase } from '../renderer/src/store/db.js';
import { createIdentity } from '../renderer/src/store/identity.js';
import { mergeReplyInto } from '../renderer/src/store/reply.js';
import { appendAudit, trailTables } from '../renderer/src/store/audit.js';
import { editReview } from '../renderer/src/store/review.js';
import { newSigningKey, signingAs, type Signing } from '../shared/audit/signatures.js';
import { appendEntry, rowDigest, type NewAuditEntry } from '../shared/audit/trail.js';
import { withWholeCaseEntry } from '../shared/bundle/bundleRows.js';
import { buildCaseBundle } from '../shared/import/buildBundle.js';
import { parseDateTime } from '../shared/import/dates.js';
import { readCsvImportFile } from '../shared/import/readFile.js';
import { checkReplyTrail, mergeReply, nextResponse, REPLY_SENT, respondingTo, sentForResponse, sharedStart, sentForResponseEntry, withResponse } from '../shared/review/reply.js';
import { verifyBundle } from '../shared/bundle/verifyBundle.js';
import { decryptBundle, encryptBundle } from '../shared/bundle/encryption.js';
import { readCaseFileJson } from '../shared/bundle/caseFile.js';
import { caseFileJobs } from '../renderer/src/app/caseFileJobs.js';
import type { ForesightDb } from '../renderer/src/store/types.js';
import type { CaseBundle } from '../shared/schemas/bundle.js';
import type { ReviewInput } from '../shared/schemas/review.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const FILES = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const finding = (id: string, text: string) => ({ id, kind: 'problem' as const, text, evidence: [], factors: [], dismissed: [] });

function signed(bundle: CaseBundle, entry: Omit<NewAuditEntry, 'who'>, as: Signing): CaseBundle {
  return { ...bundle, signers: [...(bundle.signers ?? []), as.as], audit: appendEntry(bundle.audit, { ...entry, who: as.as.name }, as.entry) };
}

/** The generated case with a two-finding review, sent for response; the practitioner's reply to it; and the case with N1 reworded since. */
function cases(demoDir: string) {
  const reviewer = signingAs(newSigningKey('Bench Reviewer'));
  const officer = signingAs(newSigningKey('Bench Officer'));
  const read = FILES.map((fileName) => {
    const bytes = new Uint8Array(readFileSync(join(demoDir, fileName)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { result: readCsvImportFile({ fileName, bytes, sha256 }), sha256 };
  });
  const offenceAt = parseDateTime('2023-11-12T02:17');
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  const built = buildCaseBundle({ id: 'bench-reply', crn: 'X900417', title: 'Bench', subject: '', offenceAt: offenceAt.value, synthetic: true, createdAt: '2026-12-01T09:00:00Z' }, read);
  const review: ReviewInput = { title: 'Bench review', findings: [finding('N1', 'The notice was not read.'), finding('N2', 'No home visit.')] };
  const imported = withWholeCaseEntry({ ...built, review }, { who: 'Bench Reviewer', at: new Date(), kind: 'import', what: 'Case built' }, reviewer);
  // As the store holds it (storeCaseBundle's entry), then sent for response: the store below writes the same entries.
  const stored = withWholeCaseEntry(imported, { who: 'Bench Reviewer', at: STORED, kind: 'bundleReceived', what: STORED_WHAT }, reviewer);
  const here = signed(stored, { at: SENT.toISOString(), ...SEND }, reviewer);
  let reply = withWholeCaseEntry(here, { who: 'Bench Officer', at: new Date(), kind: 'bundleReceived', what: 'Received', after: respondingTo(sentForResponse(here.audit) as string) }, officer);
  for (const id of ['N1', 'N2']) {
    const added = nextResponse(reply.review ?? null, { finding: id, status: 'disputed', text: `About ${id}.`, evidence: [] }, 'N07P214', new Date().toISOString());
    if (!added.ok) throw new Error(added.message);
    reply = withResponse(reply, added, 'Bench Officer', new Date(), officer);
  }
  reply = signed(reply, { at: new Date().toISOString(), ...REPLY_SENT }, officer);
  const reworded = finding('N1', 'The notice was read late.');
  const changed = signed({ ...here, review: { ...review, findings: [reworded, finding('N2', 'No home visit.')] } }, { at: new Date().toISOString(), kind: 'edit', what: 'Finding N1 changed', rows: { 'review:finding:N1': rowDigest(reworded) } }, reviewer);
  return { imported, here, changed, reply, reviewer };
}

const STORED = new Date('2026-12-01T09:00:00Z');
const STORED_WHAT = 'Stored for the bench';
const SENT = new Date('2026-12-01T10:00:00Z');
const SEND = sentForResponseEntry({ practitioner: { staffCode: 'N07P214', name: 'Bench Officer' }, findings: ['N1', 'N2'] });

/** The pure merge, as the command line's `merge` makes it (the reviewer's own case already checked). */
function pureMerge(here: CaseBundle, reply: CaseBundle, reviewer: Signing): number {
  const t0 = performance.now();
  const merged = mergeReply(here, reply, { who: 'Bench Reviewer', at: new Date(), signing: reviewer });
  if (!merged.ok || merged.summary.entries === 0) throw new Error(merged.ok ? 'nothing to merge' : merged.reason);
  return performance.now() - t0;
}

/** The reviewer's store as the app leaves it after sending the copy (and, with `reword`, after rewording N1 since). */
async function reviewersStore(imported: CaseBundle, reviewer: Signing, reword: boolean): Promise<ForesightDb> {
  const db = openDatabase('bench-reply', { indexedDB: new IDBFactory(), IDBKeyRange });
  await createIdentity(db, 'Bench Reviewer');
  const author = { who: 'Bench Reviewer', signing: reviewer };
  await storeCaseBundle(db, imported, { kind: 'bundleReceived', what: STORED_WHAT, author, at: STORED });
  await db.transaction('rw', trailTables(db), () => appendAudit(db, imported.case.id, { at: SENT.toISOString(), ...SEND }, author));
  if (reword) await editReview(db, imported.case.id, { what: 'Finding N1 changed', changes: [{ key: 'review:finding:N1', after: finding('N1', 'The notice was read late.') }] });
  return db;
}

/** The reply merged into the reviewer's store, as the mergeReply job does once it has read the file. */
async function storeMerge(imported: CaseBundle, reply: CaseBundle, reviewer: Signing, reword: boolean): Promise<number> {
  const db = await reviewersStore(imported, reviewer, reword);
  const t0 = performance.now();
  const merged = await mergeReplyInto(db, imported.case.id, reply);
  const took = performance.now() - t0;
  if (!merged.ok || merged.summary.entries !== (reword ? 1 : 5)) throw new Error(`the bench reply did not merge as planned (${merged.ok ? `${merged.summary.entries} entries` : merged.reason})`);
  db.close();
  return took;
}

const PASSPHRASE = 'a passphrase for the bench reply';

/** The app's previewReply and mergeReply jobs on the reply's encrypted file, whole (entries chained on), and the file's decryption and reading on their own. */
async function jobs(imported: CaseBundle, reply: CaseBundle, reviewer: Signing) {
  const bytes = await encryptBundle(JSON.stringify(reply), PASSPHRASE);
  const file = new File([bytes as Uint8Array<ArrayBuffer>], 'reply.foresight');
  let t0 = performance.now();
  const decrypted = await decryptBundle(bytes, PASSPHRASE);
  const decryptMs = performance.now() - t0;
  if (!decrypted.ok) throw new Error(decrypted.message);
  t0 = performance.now();
  const read = readCaseFileJson(decrypted.json);
  const readMs = performance.now() - t0;
  if (!read.ok) throw new Error(read.message);
  const db = await reviewersStore(imported, reviewer, false);
  const job = { caseId: imported.case.id, file, passphrase: PASSPHRASE };
  t0 = performance.now();
  const previewed = await caseFileJobs.previewReply(db, { type: 'previewReply', ...job });
  const previewMs = performance.now() - t0;
  t0 = performance.now();
  const merged = await caseFileJobs.mergeReply(db, { type: 'mergeReply', ...job });
  const mergeMs = performance.now() - t0;
  if (!previewed.ok || !merged.ok || merged.summary.entries !== 5) throw new Error('the bench reply did not merge as planned in the jobs');
  db.close();
  return { decryptMs, readMs, previewMs, mergeMs, fileBytes: bytes.length };
}

export async function measureReply(demoDir: string, runs = 3) {
  const { imported, here, changed, reply, reviewer } = cases(demoDir);
  // The jobs first, and the full check last: the stores made in between grow this process's heap, as the app's worker's is not.
  const job = await jobs(imported, reply, reviewer);
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const broken = checkReplyTrail(reply, sharedStart(here.audit, reply.audit));
    check.push(performance.now() - t0);
    if (broken) throw new Error(broken.reason);
  }
  const pure = { chained: [] as number[], held: [] as number[] };
  const store = { chained: [] as number[], held: [] as number[] };
  for (let i = 0; i < runs; i++) {
    pure.chained.push(pureMerge(here, reply, reviewer));
    pure.held.push(pureMerge(changed, reply, reviewer));
  }
  for (let i = 0; i < runs; i++) {
    store.chained.push(await storeMerge(imported, reply, reviewer, false));
    store.held.push(await storeMerge(imported, reply, reviewer, true));
  }
  const t0 = performance.now();
  const verified = verifyBundle(reply);
  const verifyMs = performance.now() - t0;
  if (!verified.ok) throw new Error(verified.reason);
  return {
    records: here.records.length,
    verifyMs,
    checkMs: median(check),
    pureChainedMs: median(pure.chained),
    pureHeldMs: median(pure.held),
    storeChainedMs: median(store.chained),
    storeHeldMs: median(store.held),
    ...job,
  };
}

/** `npx tsx scripts/bench-reply.ts DIR`: the figures for a generated case in DIR, printed. */
if (process.argv[1]?.endsWith('bench-reply.ts') && process.argv[2]) {
  console.log(await measureReply(process.argv[2]));
}
