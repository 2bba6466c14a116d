import { z } from 'zod';
import { TimeValue } from '../time/precision.js';
import { Crn } from './common.js';

export const Case = z.object({
  id: z.string().min(1),
  crn: Crn,
  title: z.string().min(1).max(200),
  /** The person on probation, as the review names them. */
  subject: z.string().max(200),
  /** When the further offence happened: itself a fact, hidden from any view set before it. */
  offenceAt: TimeValue,
  /** True for the built-in demo and any generated case: shown on screen so nobody mistakes it for a real one. */
  synthetic: z.boolean(),
  /** A training copy (REVIEW.md §4): pseudonymised, its dates moved; shown on screen and on the report's title page. */
  trainingCopy: z.literal(true).optional(),
  createdAt: z.string(),
});
export type Case = z.infer<typeof Case>;
