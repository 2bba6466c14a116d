import { z } from 'zod';
import { TimeValue } from '../time/precision.js';
import { Crn, Grade, Provenance, StaffCode } from './common.js';

export const PROBATION = 'Probation';

/** A fact on the case: an nDelius contact, or information another agency (or probation) held. */
const RecordBase = z.object({
  /** `contact:<contact_id>` or `info:<info_id>`, as the command line names records. */
  id: z.string().min(1),
  crn: Crn,
  occurred: TimeValue,
  sourceAgency: z.string().min(1),
  summary: z.string(),
  notes: z.string().optional(),
  provenance: Provenance,
});

export const ContactRecord = RecordBase.extend({
  kind: z.literal('contact'),
  contactId: z.string().min(1),
  /** When it was written on the probation record (nDelius created_datetime; else the occurred time). */
  recorded: TimeValue,
  endTime: z.string().optional(),
  typeCode: z.string().optional(),
  typeDescription: z.string().optional(),
  outcomeCode: z.string().optional(),
  outcomeDescription: z.string().optional(),
  enforcementCode: z.string().optional(),
  enforcementDescription: z.string().optional(),
  attended: z.boolean().optional(),
  complied: z.boolean().optional(),
  staffCode: StaffCode,
  staffName: z.string().optional(),
  staffGrade: Grade.optional(),
  teamCode: z.string().optional(),
  sensitive: z.boolean().optional(),
  createdBy: z.string().optional(),
});
export type ContactRecord = z.infer<typeof ContactRecord>;

export const InformationRecord = RecordBase.extend({
  kind: z.literal('information'),
  infoId: z.string().min(1),
  /** When it reached probation; null: never shared before the further offence. */
  reachedProbation: TimeValue.nullable(),
  /** For what was found only after the further offence. */
  cameToLight: TimeValue.optional(),
  knownToStaffCode: StaffCode.optional(),
  knownFrom: TimeValue.optional(),
  evidenceRef: z.string().optional(),
});
export type InformationRecord = z.infer<typeof InformationRecord>;

export const CaseRecord = z.discriminatedUnion('kind', [ContactRecord, InformationRecord]);
export type CaseRecord = z.infer<typeof CaseRecord>;
