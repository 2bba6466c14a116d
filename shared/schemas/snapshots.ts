import { z } from 'zod';
import { Grade, LocalDate, Provenance, StaffCode } from './common.js';

const optionalNumber = z.number().finite().optional();

/** One officer × team × WMT snapshot. Figures are kept as the file gave them; nothing is filled in. */
export const WorkloadSnapshot = z.object({
  snapshotDate: LocalDate,
  staffCode: StaffCode,
  omName: z.string().optional(),
  grade: Grade.optional(),
  teamCode: z.string().optional(),
  teamName: z.string().optional(),
  contractedHours: optionalNumber,
  reductionHours: optionalNumber,
  nominalTarget: optionalNumber,
  availablePoints: optionalNumber,
  totalPoints: optionalNumber,
  capacityPct: z.number().finite(),
  totalCases: optionalNumber,
  communityCases: optionalNumber,
  licenceCases: optionalNumber,
  custodyCases: optionalNumber,
  provenance: Provenance,
});
export type WorkloadSnapshot = z.infer<typeof WorkloadSnapshot>;

/** A team or delivery unit's staffing on a date. Delivery status is as recorded at the time, never derived. */
export const TeamSnapshot = z.object({
  snapshotDate: LocalDate,
  teamCode: z.string().min(1),
  teamName: z.string().optional(),
  targetFte: optionalNumber,
  inPostFte: optionalNumber,
  staffingPct: z.number().finite(),
  vacancies: optionalNumber,
  longTermAbsenceFte: optionalNumber,
  unallocatedCases: optionalNumber,
  spoSpan: optionalNumber,
  deliveryStatus: z.string().optional(),
  provenance: Provenance,
});
export type TeamSnapshot = z.infer<typeof TeamSnapshot>;
