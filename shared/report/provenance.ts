import type { AuditEntry } from '../audit/trail.js';
import { fingerprintForPeople } from '../audit/fingerprints.js';
import type { VerifyReport } from '../bundle/verifyBundle.js';
import { count } from '../domain/words.js';
import type { SourceFile } from '../schemas/bundle.js';
import { formatInstant } from '../time/display.js';
import type { Block } from './document.js';

/**
 * What checking the trail found when the document was written, and how deep the check went: `full` (as `verify`:
 * every entry's hash, link and signature, every row's content) or `quick` (as the app checks a case it opens: every
 * entry's link and signature, and the rows adding up to what the trail last recorded).
 */
export type TrailFinding = Pick<VerifyReport, 'ok' | 'entries' | 'reason' | 'signers' | 'unsigned'> & { depth: 'full' | 'quick' };

const CHECKED: Record<TrailFinding['depth'], string> = {
  full: 'every entry’s hash, link and signature, and every row’s content, as the trail recorded them',
  quick: 'every entry’s link and signature, and the rows the case holds add up to what the trail last recorded (the check made as a case opens)',
};

const SOURCE_KIND_NAMES: Record<SourceFile['kind'], string> = {
  contacts: 'Contacts',
  workload: 'Workload snapshots',
  team: 'Team staffing',
  information: 'Information held by agencies',
  allocations: 'Allocations',
};

/**
 * Appendix B: where the case came from and the state of its trail, so that a reader holding the case file can check
 * this document against it: each source file's SHA-256, the newest trail entry's hash, and who signed the trail.
 */
export function provenanceBlocks(sources: readonly SourceFile[], audit: readonly AuditEntry[], trail: TrailFinding | null): Block[] {
  const newest = audit[audit.length - 1];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Source files', anchor: 'provenance-sources' },
    sources.length === 0
      ? { kind: 'paragraph', runs: 'No file was imported into this case.' }
      : {
          kind: 'table',
          caption: 'Source files',
          columns: [
            { label: 'File', weight: 28 },
            { label: 'Kind', weight: 18 },
            { label: 'Rows', weight: 8 },
            { label: 'SHA-256', weight: 46 },
          ],
          rows: sources.map((s) => [s.fileName, SOURCE_KIND_NAMES[s.kind], s.rows.toLocaleString('en-GB'), s.sha256]),
        },
    { kind: 'heading', level: 2, text: 'The audit trail', anchor: 'provenance-trail' },
  ];
  blocks.push({
    kind: 'facts',
    rows: [
      { label: 'Entries', value: newest ? count(audit.length, 'entry', 'entries') : 'None: the case has no audit trail' },
      ...(newest
        ? [
            { label: 'Newest entry', value: `Entry ${newest.seq}, ${formatInstant(newest.at)}, by ${newest.who}: ${newest.what}` },
            { label: 'Its hash (SHA-256)', value: newest.hash },
          ]
        : []),
      {
        label: 'Checked when written',
        value: trail === null ? 'Not checked' : trail.ok ? `Intact: ${CHECKED[trail.depth]}${trail.unsigned.length ? `; ${count(trail.unsigned.length, 'entry', 'entries')} unsigned` : ''}` : `Not intact: ${trail.reason ?? 'the check failed'}`,
      },
    ],
  });
  const signers = trail?.signers ?? [];
  blocks.push(
    signers.length === 0
      ? { kind: 'paragraph', runs: 'No entry of the trail is signed.' }
      : {
          kind: 'table',
          caption: 'Who signed the trail',
          columns: [
            { label: 'Name', weight: 30 },
            { label: 'Key fingerprint', weight: 50 },
            { label: 'Entries signed', weight: 20 },
          ],
          rows: signers.map((s) => [s.name, fingerprintForPeople(s.fingerprint), s.entries.toLocaleString('en-GB')]),
        },
  );
  return blocks;
}
