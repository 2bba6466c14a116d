import { Gzip, gunzipSync, strFromU8 } from 'fflate';
import { readCaseBundle } from '../../../shared/bundle/readBundle.js';
import type { CaseBundle } from '../../../shared/schemas/index.js';
import { bundleOf, readWholeCase } from './caseBundle.js';
import { isDamage } from './sealing.js';
import { checkHeld } from './trailCheck.js';
import type { Backup, BackupReason, ForesightDb } from './types.js';

export type { Backup, BackupReason } from './types.js';
import { getSetting } from './settings.js';

export const BACKUPS_KEPT = 'backupsKept';
export const DEFAULT_BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function backupsKept(db: ForesightDb): Promise<number> {
  return (await getSetting<number>(db, BACKUPS_KEPT)) ?? DEFAULT_BACKUPS_KEPT;
}

/** A case's backups, newest first (or every case's, without a case id). */
export async function listBackups(db: ForesightDb, caseId?: string): Promise<Backup[]> {
  const all = caseId === undefined ? await db.backups.toArray() : await db.backups.where('caseId').equals(caseId).toArray();
  return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}

/** How many backups a case has, without reading them. */
export function countBackups(db: ForesightDb, caseId: string): Promise<number> {
  return db.backups.where('caseId').equals(caseId).count();
}

const ROWS_AT_ONCE = 2000;

/**
 * A bundle as gzipped JSON, the same text JSON.stringify gives, written a few thousand rows at a time: a 100,000-record
 * case is over 100 MB of JSON, which as one string took seconds to turn into bytes and held the memory twice over.
 */
export function gzippedJson(bundle: CaseBundle): Uint8Array {
  const parts: Uint8Array[] = [];
  const gzip = new Gzip({ level: 6 }, (chunk) => parts.push(chunk));
  const encoder = new TextEncoder();
  const write = (text: string) => gzip.push(encoder.encode(text));
  write('{');
  Object.entries(bundle)
    .filter(([, value]) => value !== undefined)
    .forEach(([key, value], i) => {
      write(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
      if (!Array.isArray(value)) return write(JSON.stringify(value));
      write('[');
      for (let at = 0; at < value.length; at += ROWS_AT_ONCE) write(`${at > 0 ? ',' : ''}${JSON.stringify(value.slice(at, at + ROWS_AT_ONCE)).slice(1, -1)}`);
      write(']');
    });
  write('}');
  gzip.push(new Uint8Array(0), true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** Why no backup was made of a case: it does not match its own trail, and a backup must never bring a damaged case back. */
export class BackupRefused extends Error {}

/**
 * Keep a copy of a case as it is now, then drop its oldest copies beyond the number the user chose to keep. Only a case
 * that checks out is kept: its trail is checked (quickly, over the same read) first, and a case that fails is refused.
 */
export async function makeBackup(db: ForesightDb, caseId: string, reason: BackupReason, now = new Date()): Promise<Backup | null> {
  const whole = await readWholeCase(db, caseId);
  if (!whole) return null;
  const check = checkHeld(whole.held);
  if (!check.ok) throw new BackupRefused(`No backup was made: the case does not match its audit trail (${check.reason}). Only cases that check out are backed up, so restoring one never brings back a damaged case.`);
  const bundle = bundleOf(whole.held, whole.audit, whole.signers);
  const bytes = gzippedJson(bundle);
  const backup: Backup = {
    id: `${caseId}@${now.toISOString()}`,
    caseId,
    at: now.toISOString(),
    reason,
    title: bundle.case.title,
    crn: bundle.case.crn,
    records: bundle.records.length,
    entries: bundle.audit.length,
    size: bytes.length,
  };
  const kept = await backupsKept(db);
  await db.transaction('rw', [db.backups, db.backupData], async () => {
    await db.backups.put(backup);
    await db.backupData.put({ id: backup.id, bytes });
    const stale = (await listBackups(db, caseId)).slice(kept).map((b) => b.id);
    await db.backups.bulkDelete(stale);
    await db.backupData.bulkDelete(stale);
  });
  return backup;
}

/**
 * Before a case is replaced (a restore, a case file received): a backup of it, if it is here and checks out. Returns
 * what the trail entry of the change adds to say so: that the case as it stood is kept in a backup, or why none was
 * kept (it failed its check, or could not be read at all: replacing a damaged case must still be possible), or
 * nothing when there was no case to keep.
 */
export async function backupBeforeReplacing(db: ForesightDb, caseId: string): Promise<string> {
  if (!(await db.cases.get(caseId).catch(() => true))) return '';
  try {
    await makeBackup(db, caseId, 'beforeRestore');
    return '; the case as it stood before is kept in a backup made just now';
  } catch (e) {
    // Only a case that fails its check, or cannot be read, goes without a backup; any other failure stops the change.
    if (e instanceof BackupRefused || isDamage(e)) return '; the case it replaced did not check out, so no backup of it was kept';
    throw e;
  }
}

/** Whether a case's newest backup is older than a day (or it has none): the daily backup is due. */
export async function dailyBackupDue(db: ForesightDb, caseId: string, now = new Date()): Promise<boolean> {
  const newest = (await listBackups(db, caseId))[0];
  return !newest || now.getTime() - Date.parse(newest.at) >= DAY_MS;
}

/** The case a backup holds, read and checked like any bundle. */
export async function backupBundle(db: ForesightDb, backupId: string): Promise<CaseBundle> {
  const data = await db.backupData.get(backupId);
  if (!data) throw new Error('That backup no longer exists.');
  const read = readCaseBundle(strFromU8(gunzipSync(data.bytes)));
  if (!read.ok) throw new Error(`The backup cannot be read: ${read.message}`);
  return read.bundle;
}
