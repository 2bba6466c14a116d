import { z } from 'zod';
import { Grade, StaffCode } from './common.js';

export const Staff = z.object({
  code: StaffCode,
  name: z.string(),
  grade: Grade.optional(),
  teamCode: z.string().optional(),
});
export type Staff = z.infer<typeof Staff>;
