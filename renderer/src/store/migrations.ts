import type { Transaction } from 'dexie';
import { rowDigest, type AuditEntry } from '../../../shared/audit/trail.js';
import { storeKey, type StoredItem } from '../../../shared/import/plan.js';
import { withWholeCaseEntry } from '../../../shared/bundle/bundleRows.js';
import { BUNDLE_SCHEMA_VERSION, type Case, type CaseBundle } from '../../../shared/schemas/index.js';
import { toStored, type EntryRows, type StoredEntry } from './audit.js';
import { BLOCK_ROWS, BLOCK_TABLES, digestsAt, packDigests, type BlockKeys, type BlockTable, type RowBlock } from './blocks.js';
import { sumOfHex, trailSums, type RowSum } from './rowSum.js';

/** Version 1 to 2: each case's rows, one value each, into blocks, in the order they were stored. */
export async function rowsIntoBlocks(tx: Transaction): Promise<void> {
  for (const table of BLOCK_TABLES) {
    const byCase = new Map<string, StoredItem[]>();
    await tx.table(table).each((row: StoredItem & { caseId: string; occurredAt?: number }) => {
      const { caseId, occurredAt: _, ...item } = row;
      const items = byCase.get(caseId) ?? [];
      if (items.length === 0) byCase.set(caseId, items);
      items.push(item as StoredItem);
    });
    for (const [caseId, items] of byCase) {
      for (let i = 0, block = 0; i < items.length; i += BLOCK_ROWS, block++) {
        const part = items.slice(i, i + BLOCK_ROWS);
        await tx.table('blocks').put({ caseId, table, block, items: part });
        await tx.table('blockKeys').put({ caseId, table, block, keys: part.map((item) => storeKey(table, item)) });
      }
    }
  }
}

/**
 * Version 3 to 4: each case gets an audit trail. Its first entry records the case as it stood at the upgrade (the
 * content hash of every row), so later changes are checked against what was there, not against nothing.
 */
export async function startTrails(tx: Transaction): Promise<void> {
  const at = new Date();
  const ofCase = async <T>(table: string, caseId: string) =>
    ((await tx.table(table).where('caseId').equals(caseId).toArray()) as (T & { caseId: string })[]).map(({ caseId: _, ...row }) => row as T);
  for (const found of (await tx.table('cases').toArray()) as Case[]) {
    const blocks = (await tx.table('blocks').where('caseId').equals(found.id).toArray()) as RowBlock[];
    blocks.sort((a, b) => a.block - b.block);
    const rowsOf = <T>(table: BlockTable) => blocks.filter((b) => b.table === table).flatMap((b) => b.items) as T[];
    const bundle: CaseBundle = {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      case: found,
      records: rowsOf('records'),
      otherWork: rowsOf('otherWork'),
      workload: rowsOf('workload'),
      teams: rowsOf('teams'),
      allocations: await ofCase('allocations', found.id),
      staff: await ofCase('staff', found.id),
      sources: await ofCase('sources', found.id),
      audit: [],
    };
    const started = withWholeCaseEntry(bundle, { who: 'Foresight', at, kind: 'upgrade', what: 'Audit trail started: the case as it stood when Foresight was upgraded' });
    await tx.table('audit').bulkAdd(started.audit.map((e) => ({ ...e, caseId: found.id })));
  }
}

/** A trail entry as version 5 stores it: the rows it recorded as their keys and their hashes packed 32 bytes each. */
type EntryV5 = Omit<AuditEntry, 'rows'> & { caseId: string; rowKeys?: string[]; rowDigests?: Uint8Array };

function packedEntryV5({ rows, ...entry }: AuditEntry, caseId: string): EntryV5 {
  return { ...entry, caseId, ...(rows ? { rowKeys: Object.keys(rows), rowDigests: packDigests(Object.values(rows)) } : {}) };
}

function unpackedEntryV5({ caseId: _, rowKeys, rowDigests, ...entry }: EntryV5): AuditEntry {
  if (!rowKeys || !rowDigests) return entry;
  const digests = digestsAt(rowDigests, rowKeys.length);
  return { ...entry, rows: Object.fromEntries(rowKeys.map((key, i) => [key, digests[i] as string])) };
}

/** The tables of version 5 that are not a case's blocks. */
const OTHER_TABLES = ['cases', 'allocations', 'staff', 'sources', 'audit', 'backups', 'backupData', 'settings'];

/**
 * Version 4 to 5: each block's keys gain the content hash of each of its rows, so the trail check on opening a case
 * compares hashes rather than recomputing 100,000 of them; trail entries keep their rows' hashes packed; and every
 * value is written afresh, so an encrypted store holds only version 5's seal (XChaCha20-Poly1305, rows' structured
 * fields in the clear).
 */
export async function digestsBesideRows(tx: Transaction): Promise<void> {
  for (const caseId of (await tx.table('blockKeys').orderBy('caseId').uniqueKeys()) as string[]) {
    const [blocks, heads] = (await Promise.all([tx.table('blocks').where('caseId').equals(caseId).toArray(), tx.table('blockKeys').where('caseId').equals(caseId).toArray()])) as [
      RowBlock[],
      Omit<BlockKeys, 'digests'>[],
    ];
    const itemsOf = new Map(blocks.map((b) => [`${b.table}:${b.block}`, b.items]));
    await tx.table('blocks').bulkPut(blocks);
    await tx.table('blockKeys').bulkPut(heads.map((head) => ({ ...head, digests: packDigests((itemsOf.get(`${head.table}:${head.block}`) ?? []).map(rowDigest)) })));
  }
  for (const name of OTHER_TABLES) {
    const table = tx.table(name);
    // One value at a time: backups can be large. Trail entries are stored with their rows' hashes packed from now on.
    const fresh = name === 'audit' ? ({ caseId, ...entry }: AuditEntry & { caseId: string }) => packedEntryV5(entry, caseId) : (value: unknown) => value;
    for (const key of await table.toCollection().primaryKeys()) await table.put(fresh(await table.get(key)));
  }
}

/**
 * Version 5 to 6: each block gains the sum of its rows' hashes, worked out from the rows themselves, in place of the
 * hash of each row its keys kept; each trail entry keeps the rows it recorded apart from it (EntryRows) and gains the
 * sum of the rows the case holds after it, worked out from the trail. A case whose rows had been changed before the
 * upgrade still fails its check after it.
 */
export async function rowSumsBesideRows(tx: Transaction): Promise<void> {
  const blocks = tx.table('blocks');
  for (const key of await blocks.toCollection().primaryKeys()) {
    const block = (await blocks.get(key)) as Omit<RowBlock, 'rowSum'>;
    await blocks.put({ ...block, rowSum: sumOfHex(block.items.map(rowDigest)) });
  }
  const heads = tx.table('blockKeys');
  for (const key of await heads.toCollection().primaryKeys()) {
    const { digests: _, ...head } = (await heads.get(key)) as BlockKeys & { digests?: Uint8Array };
    await heads.put(head);
  }
  const audit = tx.table('audit');
  for (const caseId of (await audit.orderBy('caseId').uniqueKeys()) as string[]) {
    const trail = ((await audit.where('caseId').equals(caseId).sortBy('seq')) as EntryV5[]).map(unpackedEntryV5);
    const sums = trailSums(trail);
    const stored = trail.map((entry, i) => toStored(entry, caseId, sums[i] as RowSum));
    await audit.bulkPut(stored.map((s): StoredEntry => s.entry));
    await tx.table('auditRows').bulkAdd(stored.flatMap((s): EntryRows[] => s.rows));
  }
}
