import { contactTable } from '../import/plan.js';
import type { CaseBundle } from '../schemas/bundle.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';

export interface Rerouted {
  bundle: CaseBundle;
  /** Contacts of the case's CRN moved from other work into the records. */
  toRecords: number;
  /** Contacts of other CRNs moved from the records to other work. */
  toOtherWork: number;
  /** What the case keeps that carries another CRN: information records and allocations. */
  otherCrn: { information: number; allocations: number };
}

/**
 * A case's contacts routed by its CRN as an import would route them (contactTable): after the CRN is corrected, the
 * contacts of the new CRN are its records and the rest its officers' other work. Each table keeps its order, moved
 * contacts after it (the chronology sorts by time). Information records and allocations stay whatever CRN they carry:
 * the reviewer chose the information files for this case, other work holds contacts only, and dropping rows would
 * make a correction impossible to undo by correcting the CRN back.
 */
export function rerouteContacts(bundle: CaseBundle): Rerouted {
  const { crn } = bundle.case;
  const leaves = (r: CaseRecord): r is ContactRecord => r.kind === 'contact' && contactTable(crn, r) === 'otherWork';
  const joins = (c: ContactRecord) => contactTable(crn, c) === 'records';
  const records: CaseRecord[] = bundle.records.filter((r) => !leaves(r));
  const otherWork = bundle.otherWork.filter((c) => !joins(c));
  const toRecords = bundle.otherWork.filter(joins);
  const toOtherWork = bundle.records.filter(leaves);
  // Loops, not push(...items): spreading 100,000 arguments overflows the stack.
  for (const c of toRecords) records.push(c);
  for (const c of toOtherWork) otherWork.push(c);
  return {
    bundle: { ...bundle, records, otherWork },
    toRecords: toRecords.length,
    toOtherWork: toOtherWork.length,
    otherCrn: {
      information: records.filter((r) => r.kind === 'information' && r.crn !== crn).length,
      allocations: bundle.allocations.filter((a) => a.crn !== crn).length,
    },
  };
}
