import { toLondonIso } from '../time/london.js';
import { OFFENCE_ID, type CaseIndex, type OfficerView } from './caseIndex.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from './knowledge.js';

/** The knowledge lists in the order the command line prints them. */
export const AS_OF_LISTS = ['known', 'onRecord', 'notHeld', 'notYetRecorded', 'heldElsewhere', 'hindsightOnly', 'notYetHappened'] as const satisfies readonly KnowledgeState[];

/** The `as-of` document of docs/command-line.md, field for field. */
export interface AsOfReport {
  crn: string;
  at: string;
  officer: { staffCode: string; name: string | null; grade: string | null; holdsCase: boolean };
  knowledge: Record<KnowledgeState, string[]>;
  workload: {
    snapshotDate: string;
    staleDays: number;
    capacityPct: number;
    totalCases: number | null;
    caseloadAtLeast50: boolean | null;
    over110Since: string | null;
    excessive: boolean;
  } | null;
  team: { teamCode: string; snapshotDate: string; staffingPct: number; deliveryStatus: string | null } | null;
  otherWork: { sameDay: number; sameWeek: number };
}

/**
 * What an officer knew and carried at a moment, as the command line reports it. Each list is in chronology order
 * (occurred, then id); the further offence is listed, under notYetHappened, only while it has not happened.
 */
export function asOfReport(index: CaseIndex, view: OfficerView): AsOfReport {
  const knowledge = Object.fromEntries(AS_OF_LISTS.map((s) => [s, [] as string[]])) as Record<KnowledgeState, string[]>;
  let offenceListed = view.offenceHappened;
  index.records.forEach((record, i) => {
    if (!offenceListed && index.offenceStart <= (index.starts[i] as number) && (index.offenceStart < (index.starts[i] as number) || OFFENCE_ID < record.id)) {
      knowledge.notYetHappened.push(OFFENCE_ID);
      offenceListed = true;
    }
    knowledge[KNOWLEDGE_STATES[view.states[i] as number] as KnowledgeState].push(record.id);
  });
  if (!offenceListed) knowledge.notYetHappened.push(OFFENCE_ID);
  const w = view.workload;
  return {
    crn: index.crn,
    at: toLondonIso(view.at),
    officer: { staffCode: view.officer.code, name: view.officer.name || null, grade: view.officer.grade ?? null, holdsCase: view.holdsCase },
    knowledge,
    workload: w && {
      snapshotDate: w.snapshot.snapshotDate,
      staleDays: w.staleDays,
      capacityPct: w.snapshot.capacityPct,
      totalCases: w.snapshot.totalCases ?? null,
      caseloadAtLeast50: w.caseloadAtLeast50,
      over110Since: w.over110Since,
      excessive: w.excessive,
    },
    team: view.team && { teamCode: view.team.teamCode, snapshotDate: view.team.snapshotDate, staffingPct: view.team.staffingPct, deliveryStatus: view.team.deliveryStatus ?? null },
    otherWork: { sameDay: view.otherWork.sameDay.length, sameWeek: view.otherWork.sameWeek.length },
  };
}
