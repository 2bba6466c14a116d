// The application's work on whole cases (checking trails, case files, backups and restores): what the case-files
// worker runs, kept apart from it so that it is plain code over a store, tested like the store itself.
import { verifyBundle, type SignerReport } from '../../../shared/bundle/verifyBundle.js';
import { fingerprintOf } from '../../../shared/audit/signatures.js';
import { decryptBundle, encryptBundle, looksEncrypted } from '../../../shared/bundle/encryption.js';
import { caseFileSizeRefusal, everythingJson, readCaseFileJson } from '../../../shared/bundle/caseFile.js';
import type { CaseBundle } from '../../../shared/schemas/index.js';
import { formatInstant } from '../../../shared/time/display.js';
import { isTrainingPack, packRefusal, TRAINING_PACK_MARK } from '../../../shared/training/trainingPack.js';
import { appendAudit, trailTables } from '../store/audit.js';
import { backupBeforeReplacing, backupBundle, dailyBackupDue, makeBackup } from '../store/backups.js';
import { caseBundleOf } from '../store/caseBundle.js';
import { listCases, storeCaseBundle } from '../store/cases.js';
import type { ForesightDb } from '../store/db.js';
import { currentAuthor } from '../store/identity.js';
import { readKnownSigners, rememberSigners, standingOf } from '../store/knownSigners.js';
import { checkTrail, type TrailCheckDepth } from '../store/trailCheck.js';
import { checkSignatures } from '../store/trailSignatures.js';
import { planMerge, mergeReplyInto } from '../store/reply.js';
import type { NewAuditEntry } from '../../../shared/audit/trail.js';
import { isReply, mergeSummary, REPLY_SENT, respondingTo, sentForResponse, sentForResponseEntry, type ReplyPlan } from '../../../shared/review/reply.js';
import { CaseFileProblem, type CaseFileJob, type CaseFileResults, type ReplyPreview } from './caseFileProtocol.js';

async function bundleOrFail(db: ForesightDb, caseId: string): Promise<CaseBundle> {
  const bundle = await caseBundleOf(db, caseId);
  if (!bundle) throw new Error('That case no longer exists.');
  return bundle;
}

/** A case read from a file, with who signed its entries and which entries no one signed. */
interface CaseRead {
  bundle: CaseBundle;
  signers: SignerReport[];
  unsigned: number;
  /** A version 1 file, written before audit trails: nothing in it can be checked. */
  unverified: boolean;
}

const HEAD_BYTES = 64;

/**
 * Decrypt a case file and read every case in it, refusing any whose trail is broken; each refusal says which field it
 * is about. Its size is asked first: a file over the cap is refused before it is read whole.
 */
export async function readCaseFile(file: Blob, passphrase: string): Promise<CaseRead[]> {
  return (await decryptCaseFile(file, passphrase)).map(({ bundle, trail: kind }) => {
    // A version 1 file predates trails: it has none to check, and is said to be unverified, never intact.
    if (kind === 'none') return { bundle, signers: [], unsigned: 0, unverified: true };
    // Every entry's hash, link and signature, and every row.
    const trail = verifyBundle(bundle);
    if (!trail.ok) throw new CaseFileProblem(`The case file's audit trail is broken (${trail.reason}): it has been changed since it was sent. Nothing has been stored.`, 'file');
    return { bundle, signers: trail.signers, unsigned: trail.unsigned.length, unverified: false };
  });
}

/** The cases in an encrypted case file, read against the schema but not yet checked against their trails. */
async function decryptCaseFile(file: Blob, passphrase: string) {
  if (file.size === 0) throw new CaseFileProblem('The selected file is empty', 'file');
  if (!looksEncrypted(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()))) throw new CaseFileProblem('The selected file is not a Foresight case file', 'file');
  const tooLarge = caseFileSizeRefusal(file.size);
  if (tooLarge) throw new CaseFileProblem(`The case file cannot be opened: ${tooLarge}. Nothing has been stored.`, 'file');
  const decrypted = await decryptBundle(new Uint8Array(await file.arrayBuffer()), passphrase);
  if (!decrypted.ok) throw new CaseFileProblem(`The case file cannot be opened: ${decrypted.message}. Nothing has been stored.`, decrypted.about);
  const read = readCaseFileJson(decrypted.json);
  if (!read.ok) throw new CaseFileProblem(`The case file cannot be opened: ${read.message}. Nothing has been stored.`, 'file');
  return read.cases;
}

/**
 * A practitioner's reply file: one case, with its audit trail. A file that cannot be read throws, naming the field.
 * Its trail is checked as the merge relies on it (planReplyMerge), against the case it is merged into: hashing every
 * row of the reply, as opening a case file does, would prove nothing the merge uses, since it stores only the
 * responses the reply adds.
 */
async function readReplyFile(file: Blob, passphrase: string): Promise<CaseBundle> {
  const cases = await decryptCaseFile(file, passphrase);
  const [only] = cases;
  if (cases.length !== 1 || !only || only.trail === 'none') throw new CaseFileProblem('The selected file is not a reply to merge: a reply is one case, with its audit trail. Nothing has been stored.', 'file');
  return only.bundle;
}

/** A case's file made after one more entry (an export, a copy sent for response, a reply sent): the file carries it. */
async function sendCase(db: ForesightDb, caseId: string, passphrase: string, entry: Pick<NewAuditEntry, 'kind' | 'what' | 'after'>): Promise<{ bytes: Uint8Array }> {
  const author = await currentAuthor(db);
  await db.transaction('rw', trailTables(db), () => appendAudit(db, caseId, { at: new Date().toISOString(), ...entry }, author));
  const bundle = await bundleOrFail(db, caseId);
  return { bytes: await encryptBundle(JSON.stringify(bundle), passphrase) };
}

/** What the merge screen shows of a plan: each response coming in, in full. */
function preview(plan: ReplyPlan | null): ReplyPreview {
  if (!plan) return { ok: true, nothingNew: true, from: '', entries: 0, path: 'chained', responses: [] };
  return {
    ok: true,
    nothingNew: false,
    from: plan.from,
    entries: mergeSummary(plan).entries,
    path: plan.verbatim.length > 0 ? 'chained' : 'held',
    responses: plan.responses.map(({ response: r, earlierWording }) => ({ finding: r.finding, version: r.version, by: r.by, status: r.status, text: r.text, evidence: r.evidence ?? [], at: r.at, earlierWording })),
  };
}

export const caseFileJobs: { [K in CaseFileJob['type']]: (db: ForesightDb, job: Extract<CaseFileJob, { type: K }>) => Promise<CaseFileResults[K]> } = {
  async check(db, { caseId, depth }) {
    // The first check of a day is a full one, and makes the day's backup when the case passes it. A quick check that
    // fails is followed by a full one, which names the first entry or row that differs.
    const daily = await dailyBackupDue(db, caseId);
    if (depth === 'daily' && !daily) return null;
    let done: TrailCheckDepth = depth === 'quick' && !daily ? 'quick' : 'full';
    let trail = await checkTrail(db, caseId, done);
    if (trail && !trail.ok && done === 'quick') {
      done = 'full';
      trail = await checkTrail(db, caseId, done);
    }
    if (!trail) throw new Error('That case no longer exists.');
    const backedUp = trail.ok && daily && (await makeBackup(db, caseId, 'daily')) !== null;
    return { trail, depth: done, backedUp };
  },

  // Each is recorded first, so the file carries the entry that says it was sent.
  export: (db, { caseId, passphrase, fileName }) => sendCase(db, caseId, passphrase, { kind: 'bundleSent', what: `Exported as an encrypted case file (${fileName})` }),

  sendForResponse: (db, { caseId, passphrase, request }) => sendCase(db, caseId, passphrase, sentForResponseEntry(request)),

  sendReply: (db, { caseId, passphrase }) => sendCase(db, caseId, passphrase, REPLY_SENT),

  async previewReply(db, { caseId, file, passphrase }) {
    const planned = await planMerge(db, caseId, await readReplyFile(file, passphrase));
    return planned.ok ? preview(planned.plan) : planned;
  },

  async mergeReply(db, { caseId, file, passphrase }) {
    const reply = await readReplyFile(file, passphrase);
    const merged = await mergeReplyInto(db, caseId, reply);
    if (merged.ok && merged.summary.entries > 0) await rememberSigners(db, reply.signers ?? [], new Date());
    return merged;
  },

  async trainingPack(db, { caseId, passphrase, fileName }) {
    const refused = packRefusal(await bundleOrFail(db, caseId));
    if (refused) throw new Error(refused);
    // Recorded first, like any export: the pack's newest entry is the one that marks it as a pack.
    const author = await currentAuthor(db);
    await db.transaction('rw', trailTables(db), () =>
      appendAudit(db, caseId, { at: new Date().toISOString(), kind: 'bundleSent', what: `Saved as an encrypted training pack (${fileName})`, after: TRAINING_PACK_MARK }, author),
    );
    const bundle = await bundleOrFail(db, caseId);
    return { bytes: await encryptBundle(JSON.stringify(bundle), passphrase) };
  },

  async exportEverything(db, { passphrase }) {
    const cases = await listCases(db);
    const bundles: CaseBundle[] = [];
    const author = await currentAuthor(db);
    for (const c of cases) {
      await db.transaction('rw', trailTables(db), () => appendAudit(db, c.id, { at: new Date().toISOString(), kind: 'export', what: 'Exported with every case on this computer ("export everything")' }, author));
      bundles.push(await bundleOrFail(db, c.id));
    }
    return { bytes: await encryptBundle(everythingJson(bundles, new Date()), passphrase), cases: bundles.length };
  },

  async open(db, { file, passphrase }) {
    const read = await readCaseFile(file, passphrase);
    const here = new Set((await db.cases.toCollection().primaryKeys()) as string[]);
    const known = await readKnownSigners(db);
    return {
      cases: read.map(({ bundle: b, signers, unsigned, unverified }) => ({
        id: b.case.id, title: b.case.title, crn: b.case.crn, records: b.records.length, entries: b.audit.length, alreadyHere: here.has(b.case.id), unsigned, unverified, trainingPack: isTrainingPack(b),
        // A copy sent for response, or a practitioner's reply (which is merged, not received over the case).
        forResponse: sentForResponse(b.audit) !== null, reply: isReply(b.audit),
        // Each signer's standing by the key the case carries for them (verifyBundle names them by its fingerprint).
        signers: signers.map((s) => {
          const key = (b.signers ?? []).find((k) => fingerprintOf(k.publicKey) === s.fingerprint);
          return { ...s, standing: key ? standingOf(known, key) : { standing: 'firstSeen' as const } };
        }),
      })),
    };
  },

  async receive(db, { file, passphrase, fileName }) {
    const read = await readCaseFile(file, passphrase);
    const author = await currentAuthor(db);
    for (const { bundle, unverified } of read) {
      // A case being replaced is backed up first, if it checks out: receiving a file never loses a sound case.
      const kept = await backupBeforeReplacing(db, bundle.case.id);
      // A copy sent for response is marked as one: its receipt names the entry that sent it (responseCopyOf).
      const sent = sentForResponse(bundle.audit);
      const what = `Received from an encrypted case file (${fileName})${sent ? ', a copy sent for response' : ''}${unverified ? ', written before audit trails: no trail, unverified' : ''}${kept}`;
      await storeCaseBundle(db, bundle, { kind: 'bundleReceived', what, author, ...(sent ? { after: respondingTo(sent) } : {}) });
      // The signers the user saw and accepted are known from now on; a key first seen today was first seen now.
      await rememberSigners(db, bundle.signers ?? [], new Date());
    }
    return { caseIds: read.map((r) => r.bundle.case.id) };
  },

  async restore(db, { backupId }) {
    const backup = await db.backups.get(backupId);
    if (!backup) throw new Error('That backup no longer exists.');
    const bundle = await backupBundle(db, backupId);
    // A backup is checked like a case file received before it replaces anything: its rows against its trail, and
    // every signature.
    const trail = verifyBundle(bundle);
    if (!trail.ok) throw new Error(`The backup of ${formatInstant(backup.at)} does not match its own audit trail (${trail.reason}): it has been damaged, so it cannot be restored. Nothing has been changed; choose another backup.`);
    const kept = await backupBeforeReplacing(db, bundle.case.id);
    await storeCaseBundle(db, bundle, { kind: 'restore', what: `Restored from the backup of ${formatInstant(backup.at)}${kept}` });
    return { caseId: bundle.case.id };
  },

  async backup(db, { caseId, reason }) {
    return { made: (await makeBackup(db, caseId, reason)) !== null };
  },

  signatures: (db, { caseId }) => checkSignatures(db, caseId),
};

