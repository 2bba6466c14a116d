import type { Allocation, TeamSnapshot, WorkloadSnapshot } from '../../../../shared/schemas/index.js';
import type { Policy } from '../../../../shared/schemas/review.js';
import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { FORESIGHT_SHOWS, KNOWLEDGE_STATES } from '../../../../shared/engine/knowledge.js';
import { recallSequences, recallSequencesBy, type RecallSequence } from '../../../../shared/review/recallTiming.js';
import { startOfLondonDay } from '../../../../shared/time/london.js';
import { attendanceOf, laneLabel, laneOf, lanesOf, type RecordLane } from '../../../../shared/engine/lanes.js';

/** What the timeline draws that does not change as the cursor moves: worked out once per case. */
export interface CaseLayout {
  lanes: readonly RecordLane[];
  laneLabels: readonly string[];
  /** Per lane, the positions (in chronology order) of its records. */
  lanePositions: readonly Int32Array[];
  /** Every record's position, in order: the row of records held back draws from all lanes. */
  all: Int32Array;
  /** Per record: 0 none, 1 attended, 2 failed to attend, 3 acceptable absence. */
  attendance: Uint8Array;
  /** Per record: when information reached probation (Infinity: never; NaN: not partner information). */
  reached: Float64Array;
  first: number;
  last: number;
}

const ATTENDANCE_CODES = { attended: 1, failedToAttend: 2, acceptableAbsence: 3 } as const;
const layouts = new WeakMap<CaseIndex, CaseLayout>();

export function caseLayout(index: CaseIndex): CaseLayout {
  const cached = layouts.get(index);
  if (cached) return cached;
  const lanes = lanesOf(index.records);
  const laneNumber = new Map(lanes.map((l, i) => [l, i]));
  const buckets: number[][] = lanes.map(() => []);
  const attendance = new Uint8Array(index.records.length);
  const reached = new Float64Array(index.records.length).fill(NaN);
  index.records.forEach((r, i) => {
    buckets[laneNumber.get(laneOf(r)) as number]?.push(i);
    const a = attendanceOf(r);
    if (a) attendance[i] = ATTENDANCE_CODES[a];
    const t = index.times[i];
    if (t && t.elsewhereUntil !== -Infinity) reached[i] = t.elsewhereUntil;
  });
  const layout: CaseLayout = {
    lanes,
    laneLabels: lanes.map(laneLabel),
    lanePositions: buckets.map((b) => Int32Array.from(b)),
    all: Int32Array.from(index.records, (_, i) => i),
    attendance,
    reached,
    first: index.starts[0] ?? index.offenceStart,
    last: Math.max(index.offenceHappened, index.starts[index.starts.length - 1] ?? 0),
  };
  layouts.set(index, layout);
  return layout;
}

/** What the timeline draws for one officer: their workload series with its excessive stretches, their team's staffing. */
export interface OfficerBands {
  workload: readonly WorkloadSnapshot[];
  /** Where each snapshot is drawn: the start of its London day (worked out once, not on every frame). */
  workloadDays: Float64Array;
  /** Per workload snapshot: excessive workload (HMPPS) on that date. */
  excessive: Uint8Array;
  team: readonly TeamSnapshot[];
  teamDays: Float64Array;
  allocations: readonly Allocation[];
}

export function officerBands(index: CaseIndex, officer: string | null, teamCode: string | null): OfficerBands {
  const workload = officer ? index.workload.series(officer) : [];
  const excessive = Uint8Array.from(workload, (s) => (officer && index.workload.at(officer, s.snapshotDate)?.excessive ? 1 : 0));
  const team = teamCode ?? workload[workload.length - 1]?.teamCode ?? null;
  const teamSeries = team ? index.teams.series(team) : [];
  const day = (s: { snapshotDate: string }) => startOfLondonDay(s.snapshotDate);
  return { workload, workloadDays: Float64Array.from(workload, day), excessive, team: teamSeries, teamDays: Float64Array.from(teamSeries, day), allocations: index.data.allocations };
}

const recalls = new WeakMap<CaseIndex, { policies: readonly Policy[]; sequences: RecallSequence[] }>();

/** The case's recall sequences, judged by the policies given: worked out once per case and policy register. */
export function caseRecalls(index: CaseIndex, policies: readonly Policy[]): RecallSequence[] {
  const cached = recalls.get(index);
  if (cached?.policies === policies) return cached.sequences;
  const sequences = recallSequences(index.records, policies);
  recalls.set(index, { policies, sequences });
  return sequences;
}

/**
 * The recall steps a view may show. With hindsight, all of them; otherwise only those that had happened by the cursor
 * and whose records the officer could read then (or the user revealed), so that neither a mark nor a gap says
 * anything of what was still to come.
 */
export function recallShown(index: CaseIndex, sequences: readonly RecallSequence[], at: { cursor: number; states: Uint8Array; hindsight: boolean; revealed: ReadonlySet<string> }): readonly RecallSequence[] {
  if (at.hindsight) return sequences;
  const readable = (id: string) => {
    const i = index.positionOf(id);
    const state = i === undefined ? undefined : KNOWLEDGE_STATES[at.states[i] as number];
    return state !== undefined && (FORESIGHT_SHOWS[state] === 'content' || at.revealed.has(id));
  };
  return recallSequencesBy(sequences, at.cursor, readable);
}
