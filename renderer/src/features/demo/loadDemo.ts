import { z } from 'zod';
import { buildCaseBundle } from '../../../../shared/import/buildBundle.js';
import { parseDateTime } from '../../../../shared/import/dates.js';
import { readImportFile } from '../../../../shared/import/readFile.js';
import type { Case } from '../../../../shared/schemas/index.js';
import { sha256 as sha256Of } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { storeCaseBundle } from '../../store/cases.js';
import type { ForesightDb } from '../../store/db.js';

export const DEMO_FILES = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'] as const;

const DemoDetails = z.object({
  crn: z.string(),
  subject: z.string(),
  title: z.string(),
  offenceAt: z.string(),
  synthetic: z.literal(true),
});

export type FetchBytes = (name: string) => Promise<Uint8Array<ArrayBuffer>>;

/** Fetch a file shipped beside the renderer (assets/demo/ in the build). */
export const fetchDemoFile: FetchBytes = async (name) => {
  const response = await fetch(`demo/${name}`);
  if (!response.ok) throw new Error(`The demo file ${name} is missing from this build.`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * Import the built-in demo case from its CSV files, through the same reading code a user's files go through,
 * and store it in one transaction. Returns the stored case.
 */
export async function loadDemoCase(db: ForesightDb, fetchBytes: FetchBytes = fetchDemoFile, now = new Date()): Promise<Case> {
  const details = DemoDetails.parse(JSON.parse(new TextDecoder().decode(await fetchBytes('case.json'))));
  const offenceAt = parseDateTime(details.offenceAt);
  if (!offenceAt.ok) throw new Error(`The demo case's offence time is not valid: ${offenceAt.message}`);
  const files = await Promise.all(
    DEMO_FILES.map(async (fileName) => {
      const bytes = await fetchBytes(fileName);
      const sha256 = bytesToHex(sha256Of(bytes));
      const result = await readImportFile({ fileName, bytes, sha256 });
      const firstError = result.errors[0];
      if (firstError) throw new Error(`The demo file ${fileName} has an error on row ${firstError.row}: ${firstError.message}`);
      return { result, sha256 };
    }),
  );
  const demoCase: Case = {
    id: `demo-${details.crn}`,
    crn: details.crn,
    title: details.title,
    subject: details.subject,
    offenceAt: offenceAt.value,
    synthetic: true,
    createdAt: now.toISOString(),
  };
  await storeCaseBundle(db, buildCaseBundle(demoCase, files), { kind: 'import', what: `Demo case loaded from its ${files.length} built-in files`, at: now });
  return demoCase;
}
