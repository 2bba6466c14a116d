import { z } from 'zod';
import { TimeValue } from '../time/precision.js';
import { Crn, Grade, Provenance, StaffCode } from './common.js';

/** Who held the case and when. `cover` marks temporary caretaking alongside or instead of the allocated officer. */
export const Allocation = z.object({
  id: z.string().min(1),
  crn: Crn,
  staffCode: StaffCode,
  staffName: z.string().optional(),
  grade: Grade.optional(),
  teamCode: z.string().optional(),
  from: TimeValue,
  /** Blank: still held. */
  to: TimeValue.nullable(),
  reason: z.string().optional(),
  cover: z.boolean(),
  provenance: Provenance.optional(),
});
export type Allocation = z.infer<typeof Allocation>;
