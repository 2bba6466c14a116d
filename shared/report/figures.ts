import type { CaseIndex } from '../engine/caseIndex.js';
import { EXCESSIVE_CAPACITY_PCT } from '../engine/workload.js';
import { decisionInstant } from '../review/flags.js';
import type { Review } from '../schemas/review.js';
import { londonDateOf, londonDateOfTime } from '../time/london.js';
import type { StaffingChart, WorkloadChart } from './document.js';
import { officerName } from './words.js';

/** The span the charts cover: from the case's first record or allocation to its further offence. */
function caseSpan(index: CaseIndex): { from: string; to: string } {
  const offence = londonDateOfTime(index.data.case.offenceAt);
  const starts = [...index.data.allocations.map((a) => londonDateOfTime(a.from)), ...(index.records[0] ? [londonDateOfTime(index.records[0].occurred)] : [])];
  const from = starts.reduce((a, b) => (b < a ? b : a), offence);
  return { from, to: offence };
}

/** Each episode's decision, by its id, in the span. */
function decisionsOf(review: Review | null): { label: string; date: string }[] {
  return (review?.episodes ?? []).flatMap((e) => {
    const at = decisionInstant(e);
    return at === null ? [] : [{ label: e.id, date: londonDateOf(at) }];
  });
}

/** The officers who held the case (cover included), in the order they first held it. */
function holders(index: CaseIndex): string[] {
  return [...new Set([...index.data.allocations].sort((a, b) => londonDateOfTime(a.from).localeCompare(londonDateOfTime(b.from))).map((a) => a.staffCode))];
}

/** Capacity over the case for each officer who held it, with the runs HMPPS counts as excessive. */
export function workloadChart(index: CaseIndex, review: Review | null): WorkloadChart {
  const { from, to } = caseSpan(index);
  const lines: WorkloadChart['lines'][number][] = [];
  const excessive: { officer: string; from: string; to: string }[] = [];
  for (const code of holders(index)) {
    const officer = officerName(index, code);
    const series = index.workload.series(code).filter((s) => s.snapshotDate >= from && s.snapshotDate <= to);
    if (series.length === 0) continue;
    lines.push({ officer, points: series.map((s) => ({ date: s.snapshotDate, pct: s.capacityPct })) });
    for (const s of series) {
      const at = index.workload.at(code, s.snapshotDate);
      if (!at?.excessive || !at.over110Since) continue;
      const last = excessive[excessive.length - 1];
      if (last && last.officer === officer && last.from === at.over110Since) last.to = s.snapshotDate;
      else excessive.push({ officer, from: at.over110Since, to: s.snapshotDate });
    }
  }
  return { id: 'workload', from, to, lines, excessive, decisions: decisionsOf(review), offence: to, threshold: EXCESSIVE_CAPACITY_PCT };
}

/** The staffing of each team the case's officers sat in, over the case, with its recorded delivery status. */
export function staffingChart(index: CaseIndex, review: Review | null): StaffingChart {
  const { from, to } = caseSpan(index);
  const officers = new Set(holders(index));
  const teamCodes = new Set([
    ...index.data.allocations.flatMap((a) => (a.teamCode ? [a.teamCode] : [])),
    ...index.data.workload.flatMap((w) => (officers.has(w.staffCode) && w.teamCode ? [w.teamCode] : [])),
  ]);
  const codes = teamCodes.size > 0 ? [...teamCodes] : [...new Set(index.data.teams.map((t) => t.teamCode))];
  const teams = codes.flatMap((code) => {
    const series = index.teams.series(code).filter((s) => s.snapshotDate >= from && s.snapshotDate <= to);
    if (series.length === 0) return [];
    const name = series[series.length - 1]!.teamName ?? code;
    return [{ team: name, points: series.map((s) => ({ date: s.snapshotDate, pct: s.staffingPct, status: s.deliveryStatus ?? null })) }];
  });
  return { id: 'staffing', from, to, teams, decisions: decisionsOf(review), offence: to };
}
