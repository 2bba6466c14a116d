import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withImportEntry } from '../../shared/bundle/bundleRows.js';
import { CaseIndex } from '../../shared/engine/caseIndex.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import { Review, type ReviewInput } from '../../shared/schemas/review.js';
import { DEMO_DIR, demoBytes, sha256 } from './demoFiles.js';

const AT = '2026-12-01T10:00:00Z';

/**
 * A review of the demo case with something in every part: terms of reference, policies, factors at several levels,
 * episodes, key events in the tabular timeline, findings with flags (one dismissed), the judgement, actions and a
 * practitioner's response in two versions. James Whitfield holds the case from February 2023; Priya Lal covers it
 * from 10 Jul to 20 Aug.
 */
export const DEMO_REVIEW: ReviewInput = {
  title: 'SFO review: X900417',
  reviewer: 'A. Reviewer',
  termsOfReference: 'To review the management of the case from release on licence in May 2022 to the further offence.\n\nTo identify learning for the PDU.',
  policies: [
    { id: 'P1', name: 'Recall policy framework', version: '2021', from: '2021-06-26', to: null, requires: 'A recall decision is signed off by an SPO within 24 hours.', targets: [{ from: 'recallConsidered', to: 'managerSignOff', withinHours: 24 }] },
    { id: 'P2', name: 'Local instruction on home visits', from: '2024-01-01', to: null, requires: 'A home visit within 10 working days of a change of address.' },
  ],
  factors: [
    { id: 'F1', text: 'Caseload over 50 for two months', level: 'team', seips: 'organisation', pattern: 'resource-demand mismatch' },
    { id: 'F2', text: 'Police call-outs not shared with probation', level: 'region', seips: 'external' },
    { id: 'F3', text: 'Did not read the police log', level: 'practitioner', seips: 'person' },
  ],
  episodes: [
    { id: 'E1', title: 'Decision not to recall', decisionAt: '2023-09-22T12:00', records: ['info:HO-01'], whatHappened: 'The officer discussed the breach with the SPO and decided to issue a warning.', appraisal: 'problematic', policies: ['P1', 'P2'], factors: ['F1', 'F2'] },
    { id: 'E2', title: 'Home visit during cover', decisionAt: '2023-07-20', appraisal: 'good' },
  ],
  annotations: [
    { record: 'contact:2600000001', notablePractice: 'Release appointment kept the same day.', key: true },
    { record: 'info:HO-01', shouldHaveHappened: 'The notice is discussed with the SPO within a day.', dataGaps: 'No record of when it was read.', problems: 'No action recorded.', factors: ['F2'], key: true },
  ],
  findings: [
    {
      id: 'N1', episode: 'E1', kind: 'problem', text: 'Failed to act on the notice; she should have known.',
      evidence: ['info:P-05', 'info:HO-01', 'info:P-01', 'contact:2600000001'], factors: ['F1'],
      dismissed: [{ kind: 'outcomeLanguage', phrase: 'failed to', reason: 'quoting the officer', by: 'A. Reviewer', at: AT }],
    },
    { id: 'N2', episode: 'E2', kind: 'problem', text: 'The warning signs were there.', evidence: ['info:CS-01', 'offence'], factors: ['F3'] },
    { id: 'N3', kind: 'good', text: 'Clearly a careful plan.', evidence: ['info:H-01'] },
  ],
  judgement: { allReasonableSteps: 'partly', rationale: 'Most steps were taken; the recall decision was not escalated.' },
  actions: [{ id: 'A1', findings: ['N1'], action: 'Share police call-outs with probation within a day', owner: 'PDU head', due: '2027-03-31', measure: 'Audit of call-outs shared' }],
  responses: [
    { finding: 'N1', by: 'James Whitfield', status: 'disputed', text: 'I had 61 cases and the notice reached me after the decision.', evidence: ['contact:2600000001'], version: 1, at: '2026-12-02T09:00:00Z' },
    { finding: 'N1', by: 'James Whitfield', status: 'context', text: 'The team was at 61% of its staff.', evidence: [], version: 2, at: '2026-12-03T09:00:00Z' },
  ],
};

const FILES = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];

/** The demo case as a bundle with its import trail entry and DEMO_REVIEW, indexed. */
export function demoWithReview(review: ReviewInput | null = DEMO_REVIEW, named: { id: string; title?: string } = { id: 'demo' }): { bundle: CaseBundle; index: CaseIndex; review: Review | null } {
  const read = FILES.map((fileName) => {
    const bytes = demoBytes(fileName);
    return { result: readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) }), sha256: sha256(bytes) };
  });
  const details = JSON.parse(readFileSync(join(DEMO_DIR, 'case.json'), 'utf8')) as { crn: string; offenceAt: string; title: string; subject: string };
  const offenceAt = parseDateTime(details.offenceAt);
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  const built = buildCaseBundle({ id: named.id, crn: details.crn, title: named.title ?? details.title, subject: details.subject, offenceAt: offenceAt.value, synthetic: true, createdAt: AT }, read);
  const bundle = withImportEntry({ ...built, ...(review ? { review } : {}) }, 'A. Reviewer', new Date(AT));
  return { bundle, index: new CaseIndex(bundle), review: review ? Review.parse(review) : null };
}
