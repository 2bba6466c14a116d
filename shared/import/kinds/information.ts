import type { Provenance } from '../../schemas/common.js';
import type { InformationRecord } from '../../schemas/record.js';
import { Precision, type TimeValue } from '../../time/precision.js';
import { assignDefined, type RowReader } from '../rowReader.js';

const CRN = /^[A-Z]\d{6}$/;
const STAFF = /^[A-Z0-9]{7}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Apply the file's `precision` column to a parsed occurred time. */
function withPrecision(t: TimeValue, precision: Precision | undefined): TimeValue {
  if (!precision || precision === 'exact') return t;
  const date = t.value.slice(0, 10);
  if (precision === 'month') return { value: date.slice(0, 7), precision };
  if (precision === 'day') return { value: date, precision };
  return { value: t.value, precision: 'approx' };
}

/** One fact another agency (or probation) held, and when, if ever, it reached probation. */
export function readInformation(r: RowReader, provenance: Provenance): InformationRecord | undefined {
  const infoId = r.required('info_id');
  const crn = r.pattern('crn', CRN, 'not a CRN (a letter and six digits)', true);
  const precisionText = r.text('precision');
  const precision = precisionText === undefined ? undefined : Precision.safeParse(precisionText.toLowerCase());
  if (precision && !precision.success) r.error('precision', 'expected exact, day, month or approx');
  // A month-precision time may be given as the month alone.
  const occurredText = r.text('occurred');
  const occurred: TimeValue | undefined =
    precision?.success && precision.data === 'month' && occurredText && MONTH.test(occurredText) ? { value: occurredText, precision: 'month' } : r.dateTime('occurred', true);
  const sourceAgency = r.required('source_agency');
  const summary = r.required('summary');
  const reachedProbation = r.dateTime('shared_with_probation', false);
  const knownToStaffCode = r.pattern('known_to_staff_code', STAFF, 'not a staff code (7 letters or digits)', false);
  const knownFrom = r.dateTime('known_from', false);
  if (knownToStaffCode && !knownFrom) r.error('known_from', 'known_to_staff_code needs the date it was known from', '');
  const cameToLight = r.dateTime('came_to_light', false);
  if (r.errors.length > 0 || !infoId || !crn || !occurred || !sourceAgency || summary === undefined) return undefined;

  const info: InformationRecord = {
    kind: 'information',
    id: `info:${infoId}`,
    infoId,
    crn,
    occurred: withPrecision(occurred, precision?.success ? precision.data : undefined),
    sourceAgency,
    summary,
    reachedProbation: reachedProbation ?? null,
    provenance,
  };
  if (knownToStaffCode && knownFrom) Object.assign(info, { knownToStaffCode, knownFrom });
  return assignDefined(info, { cameToLight, evidenceRef: r.text('evidence_ref') });
}
