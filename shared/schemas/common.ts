import { z } from 'zod';

export const Crn = z.string().regex(/^[A-Z]\d{6}$/, 'a CRN is a letter and six digits, e.g. X123456');
export const StaffCode = z.string().regex(/^[A-Z0-9]{7}$/, 'a staff code is 7 letters or digits, e.g. N07P012');
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** The grades the tool reasons about; nDelius codes are mapped to these on import. */
export const Grade = z.enum(['PO', 'PSO', 'PQiP', 'NQO', 'SPO', 'Other']);
export type Grade = z.infer<typeof Grade>;

/** Where an imported row came from: the file as the user gave it, its SHA-256, and its 1-based line (header = 1). */
export const Provenance = z.object({
  fileName: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  row: z.number().int().min(2),
});
export type Provenance = z.infer<typeof Provenance>;
