/**
 * What an encrypted store keeps in the clear of a case's rows (records, other work, workload and team snapshots):
 * ids, codes, kinds, times, flags and figures. Every other field is sealed: free text, names, the CRN, file names, and
 * any field added later, since a field is sealed unless it is listed here.
 *
 * Who knew what, and when (source agency, when it reached probation or came to light, who knew it from when, the
 * sensitive flag), is sealed too: it is the heart of a review, and rarely set, so sealing it costs little.
 *
 * Why any at all: IndexedDB hands the clear part back as structured objects at native speed, and only the sealed part
 * goes through decryption and JSON, which is what keeps opening an encrypted 100,000-record case within 1.5× of a plain
 * one. The clear part is authenticated with the sealed part (sealing.ts), so a changed figure or time fails to open.
 *
 * A name maps to true (the whole field is clear) or to the fields of a nested object that are (the rest of it sealed).
 */
export const CLEAR_ROW_FIELDS: Readonly<Record<string, true | readonly string[]>> = {
  // Every row
  id: true,
  kind: true,
  staffCode: true,
  teamCode: true,
  provenance: ['sha256', 'row'],
  // Records and other work
  contactId: true,
  infoId: true,
  occurred: ['value', 'precision'],
  recorded: ['value', 'precision'],
  endTime: true,
  typeCode: true,
  outcomeCode: true,
  enforcementCode: true,
  attended: true,
  complied: true,
  staffGrade: true,
  // Workload and team snapshots
  snapshotDate: true,
  grade: true,
  capacityPct: true,
  contractedHours: true,
  reductionHours: true,
  nominalTarget: true,
  availablePoints: true,
  totalPoints: true,
  totalCases: true,
  communityCases: true,
  licenceCases: true,
  custodyCases: true,
  staffingPct: true,
  targetFte: true,
  inPostFte: true,
  vacancies: true,
  longTermAbsenceFte: true,
  unallocatedCases: true,
  spoSpan: true,
};
