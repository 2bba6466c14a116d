import { recordKind, type RecordKind } from '../domain/recordKind.js';
import type { CaseRecord } from '../schemas/record.js';
import { isProbation } from './knowledge.js';

/** The timeline's record lanes, top to bottom; partner information gets one lane per agency. */
export type RecordLane = 'supervision' | 'risk' | 'oversight' | 'allocation' | `partner:${string}`;

const LANE_LABELS: Record<'supervision' | 'risk' | 'oversight' | 'allocation', string> = {
  supervision: 'Supervision contacts',
  risk: 'Risk and assessment',
  oversight: 'Oversight, enforcement and recall',
  allocation: 'Allocation',
};

const LANE_OF_KIND: Record<RecordKind, RecordLane> = {
  Supervision: 'supervision',
  'Home visit': 'supervision',
  Communication: 'supervision',
  'Other contact': 'supervision',
  'Custody and licence': 'supervision',
  'Police liaison': 'risk',
  MAPPA: 'risk',
  Safeguarding: 'risk',
  Assessment: 'risk',
  'Case discussion': 'risk',
  'Management oversight': 'oversight',
  'Enforcement and recall': 'oversight',
  Allocation: 'allocation',
  'Partner information': 'risk',
};

export function laneOf(record: CaseRecord): RecordLane {
  if (record.kind === 'information') {
    return isProbation(record.sourceAgency) ? 'risk' : `partner:${record.sourceAgency.trim()}`;
  }
  // A contact with an enforcement action or a recall decision is enforcement, whatever its type.
  if (record.enforcementCode || /^MO1[01]$/i.test(record.outcomeCode ?? '')) return 'oversight';
  return LANE_OF_KIND[recordKind(record)];
}

export function laneLabel(lane: RecordLane): string {
  return lane.startsWith('partner:') ? `Held by ${lane.slice('partner:'.length)}` : LANE_LABELS[lane as keyof typeof LANE_LABELS];
}

/** The lanes a case's records use, in display order. */
export function lanesOf(records: readonly CaseRecord[]): RecordLane[] {
  const partners = new Set<RecordLane>();
  for (const r of records) {
    const lane = laneOf(r);
    if (lane.startsWith('partner:')) partners.add(lane);
  }
  return ['supervision', 'risk', ...[...partners].sort(), 'oversight', 'allocation'];
}

/** How an appointment went, drawn as distinct marks: nDelius outcome codes first, then the attended column. */
export type Attendance = 'attended' | 'failedToAttend' | 'acceptableAbsence' | null;

const ACCEPTABLE = /^(AA|CO05|CO10|AAM11)/i;

export function attendanceOf(record: CaseRecord): Attendance {
  if (record.kind !== 'contact') return null;
  const outcome = record.outcomeCode?.toUpperCase() ?? '';
  if (outcome === 'AFTA' || outcome === 'UAAB') return 'failedToAttend';
  if (ACCEPTABLE.test(outcome)) return 'acceptableAbsence';
  if (outcome.startsWith('AT') || outcome === 'AFTC' || outcome === 'AFDA') return 'attended';
  if (record.attended === true) return 'attended';
  if (record.attended === false) return 'failedToAttend';
  return null;
}
