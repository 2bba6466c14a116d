import type { Provenance } from '../../schemas/common.js';
import type { TeamSnapshot, WorkloadSnapshot } from '../../schemas/snapshots.js';
import { assignDefined, type RowReader } from '../rowReader.js';

const STAFF = /^[A-Z0-9]{7}$/;
const NUMBERS = [
  ['contracted_hours', 'contractedHours'],
  ['reduction_hours', 'reductionHours'],
  ['nominal_target', 'nominalTarget'],
  ['available_points', 'availablePoints'],
  ['total_points', 'totalPoints'],
  ['total_cases', 'totalCases'],
  ['community_cases', 'communityCases'],
  ['licence_cases', 'licenceCases'],
  ['custody_cases', 'custodyCases'],
] as const;

/** Half a unit in the last decimal place the file wrote: `123.1` may be off by 0.05 through rounding, `123` by 0.5. */
function roundingOf(text: string | undefined): number {
  const decimals = text?.split('.')[1]?.replace(/%$/, '').length ?? 0;
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** WMT's published arithmetic (nominal target 2176 over 37 hours in the seed data). */
const DEFAULT_CONTRACTED_HOURS = 37;

/** A snapshot date may come as a datetime (WMT's day rolls over at 18:30); the snapshot's date is what counts. */
function snapshotDate(r: RowReader): string | undefined {
  return r.dateTime('snapshot_date', true)?.value.slice(0, 10);
}

/**
 * One WMT snapshot. Capacity comes from `capacity_pct`, else from total ÷ available points. A row whose figures
 * disagree with each other by more than rounding is kept, with a warning.
 */
export function readWorkload(r: RowReader, provenance: Provenance): WorkloadSnapshot | undefined {
  const date = snapshotDate(r);
  const staffCode = r.pattern('staff_code', STAFF, 'not a staff code (7 letters or digits)', true);
  const figures: Partial<Record<(typeof NUMBERS)[number][1], number>> = {};
  for (const [column, key] of NUMBERS) {
    const n = r.number(column);
    if (n !== undefined) figures[key] = n;
  }
  const stated = r.number('capacity_pct');
  const { totalPoints, availablePoints } = figures;
  const computed = totalPoints !== undefined && availablePoints ? (totalPoints / availablePoints) * 100 : undefined;
  if (stated === undefined && computed === undefined && !r.errors.some((e) => e.column === 'capacity_pct')) {
    r.error('capacity_pct', 'needs capacity_pct, or both total_points and available_points', '');
  }
  if (stated !== undefined && computed !== undefined && Math.abs(stated - computed) > roundingOf(r.text('capacity_pct'))) {
    r.warn('capacity_pct', 'disagrees with total_points / available_points');
  }
  const { nominalTarget, contractedHours, reductionHours } = figures;
  if (availablePoints !== undefined && nominalTarget !== undefined && contractedHours !== undefined) {
    const expected = Math.floor((nominalTarget * (contractedHours - (reductionHours ?? 0))) / DEFAULT_CONTRACTED_HOURS);
    if (Math.abs(expected - availablePoints) > 1) {
      r.warn('available_points', 'disagrees with nominal_target × (contracted_hours − reduction_hours) / 37');
    }
  }
  if (r.errors.length > 0 || !date || !staffCode) return undefined;
  const snapshot: WorkloadSnapshot = {
    snapshotDate: date,
    staffCode,
    capacityPct: stated ?? Math.round((computed ?? 0) * 10) / 10,
    ...figures,
    provenance,
  };
  return assignDefined(snapshot, { omName: r.text('om_name'), grade: r.grade('grade_code'), teamCode: r.text('team_code'), teamName: r.text('team_name') });
}

/** One team's staffing on a date: `staffing_pct`, else in post ÷ target FTE. */
export function readTeam(r: RowReader, provenance: Provenance): TeamSnapshot | undefined {
  const date = snapshotDate(r);
  const teamCode = r.required('team_code');
  const targetFte = r.number('target_fte');
  const inPostFte = r.number('in_post_fte');
  const stated = r.number('staffing_pct');
  const computed = targetFte && inPostFte !== undefined ? (inPostFte / targetFte) * 100 : undefined;
  if (stated === undefined && computed === undefined && !r.errors.some((e) => e.column === 'staffing_pct')) {
    r.error('staffing_pct', 'needs staffing_pct, or both target_fte and in_post_fte', '');
  }
  if (stated !== undefined && computed !== undefined && Math.abs(stated - computed) > roundingOf(r.text('staffing_pct'))) {
    r.warn('staffing_pct', 'disagrees with in_post_fte / target_fte');
  }
  const extra = {
    vacancies: r.number('vacancies'),
    longTermAbsenceFte: r.number('long_term_absence_fte'),
    unallocatedCases: r.number('unallocated_cases'),
    spoSpan: r.number('spo_span'),
  };
  if (r.errors.length > 0 || !date || !teamCode) return undefined;
  const snapshot: TeamSnapshot = {
    snapshotDate: date,
    teamCode,
    staffingPct: stated ?? Math.round((computed ?? 0) * 10) / 10,
    provenance,
  };
  return assignDefined(snapshot, { targetFte, inPostFte, ...extra, teamName: r.text('team_name'), deliveryStatus: r.text('delivery_status') });
}
