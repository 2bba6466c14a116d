import type { CaseData } from '../engine/caseIndex.js';
import { isProbation, knowledgeTimes } from '../engine/knowledge.js';
import { count } from '../domain/words.js';
import type { InformationRecord } from '../schemas/record.js';
import { formatTime } from '../time/display.js';
import { earliestInstant, londonDateOfTime } from '../time/london.js';
import { hasClockTime, type TimeValue } from '../time/precision.js';

export type FlowNodeKind = 'agency' | 'probation' | 'officer';

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  label: string;
  detail: string | null;
}

/** Why information another agency held had not reached probation by the further offence. */
export type NotArrived = 'neverShared' | 'sharedAfter' | 'cameToLightAfter';

export const NOT_ARRIVED_NAMES: Record<NotArrived, string> = {
  neverShared: 'never reached probation',
  sharedAfter: 'reached probation only after the further offence',
  cameToLightAfter: 'came to light only after the further offence',
};

/**
 * `shared`: an agency's information reached probation's record; `known`: the reviewer recorded that an officer knew it;
 * `toldDirectly`: an officer knew it though it never reached the record; `notShared`: it had not reached probation.
 */
export type FlowEdgeKind = 'shared' | 'known' | 'toldDirectly' | 'notShared';

export interface FlowRecord {
  id: string;
  summary: string;
  occurred: TimeValue;
  /** When it moved along the edge (reached probation, or became known to the officer); null when it never did. */
  moved: TimeValue | null;
  notArrived: NotArrived | null;
}

export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  kind: FlowEdgeKind;
  /** The records the edge stands for: by when they moved, those that never did by when they happened. */
  records: FlowRecord[];
}

export interface InformationFlow {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Information that, as far as its time is known, had not happened by the further offence: no part of the flow. */
  notYetHappened: string[];
}

const PROBATION_NODE = 'probation';
const agencyNode = (key: string) => `agency:${key}`;
const officerNode = (code: string) => `officer:${code}`;

/**
 * How information moved before the further offence: from each agency other than probation to probation's record, and
 * from the record to the officers the reviewer recorded as knowing it, with the dates it moved; and what never
 * arrived. Each record is placed by the knowledge rules (knowledge.ts) at the moment the offence began, the same
 * rules, in the same order, that the timeline applies there.
 */
export function informationFlow(data: Pick<CaseData, 'case' | 'records' | 'staff'>): InformationFlow {
  const at = earliestInstant(data.case.offenceAt);
  const agencies = new Map<string, string>();
  const officers = new Set<string>();
  const edges = new Map<string, FlowEdge>();
  const notYetHappened: string[] = [];
  const add = (kind: FlowEdgeKind, from: string, to: string, r: InformationRecord, moved: TimeValue | null, notArrived: NotArrived | null = null) => {
    const id = `${kind}:${from}->${to}`;
    const edge = edges.get(id) ?? { id, from, to, kind, records: [] };
    edge.records.push({ id: r.id, summary: r.summary, occurred: r.occurred, moved, notArrived });
    edges.set(id, edge);
  };
  for (const r of data.records) {
    if (r.kind !== 'information') continue;
    const t = knowledgeTimes(r);
    if (t.happened > at) {
      notYetHappened.push(r.id);
      continue;
    }
    const cameToLightAfter = t.cameToLight > at;
    const knownTo = !cameToLightAfter && r.knownToStaffCode && r.knownFrom && t.knownFrom <= at ? r.knownToStaffCode : null;
    if (knownTo) officers.add(knownTo);
    const reached = t.elsewhereUntil <= at;
    if (isProbation(r.sourceAgency)) {
      if (knownTo) add('known', PROBATION_NODE, officerNode(knownTo), r, r.knownFrom ?? null);
      continue;
    }
    const key = r.sourceAgency.trim().toLowerCase();
    if (!agencies.has(key)) agencies.set(key, r.sourceAgency.trim());
    const from = agencyNode(key);
    if (cameToLightAfter) add('notShared', from, PROBATION_NODE, r, null, 'cameToLightAfter');
    else if (reached) {
      add('shared', from, PROBATION_NODE, r, r.reachedProbation);
      if (knownTo) add('known', PROBATION_NODE, officerNode(knownTo), r, r.knownFrom ?? null);
    } else if (knownTo) add('toldDirectly', from, officerNode(knownTo), r, r.knownFrom ?? null);
    else add('notShared', from, PROBATION_NODE, r, null, r.reachedProbation ? 'sharedAfter' : 'neverShared');
  }
  const byLabel = (a: FlowNode, b: FlowNode) => a.label.localeCompare(b.label, 'en-GB') || a.id.localeCompare(b.id);
  const recordsFrom = (id: string) => [...edges.values()].filter((e) => e.from === id).reduce((n, e) => n + e.records.length, 0);
  const agencyNodes = [...agencies].map(([key, label]): FlowNode => ({ id: agencyNode(key), kind: 'agency', label, detail: count(recordsFrom(agencyNode(key)), 'record') })).sort(byLabel);
  const staff = new Map(data.staff.map((s) => [s.code, s]));
  const officerNodes = [...officers]
    .map((code): FlowNode => {
      const s = staff.get(code);
      return { id: officerNode(code), kind: 'officer', label: s?.name ? `${s.name} (${code})` : code, detail: s?.grade ? `Officer, ${s.grade}` : 'Officer' };
    })
    .sort(byLabel);
  const nodes = [...agencyNodes, { id: PROBATION_NODE, kind: 'probation' as const, label: 'Probation (the record)', detail: null }, ...officerNodes];
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const KIND_ORDER: FlowEdgeKind[] = ['shared', 'notShared', 'toldDirectly', 'known'];
  const sorted = [...edges.values()].sort(
    (a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0),
  );
  for (const e of sorted) e.records.sort(byWhenThenId);
  return { nodes, edges: sorted, notYetHappened };
}

function byWhenThenId(a: FlowRecord, b: FlowRecord): number {
  return earliestInstant(a.moved ?? a.occurred) - earliestInstant(b.moved ?? b.occurred) || a.id.localeCompare(b.id);
}

/** A date as an edge shows it: the day (or month, or "around"), without the clock time. */
export function flowDate(t: TimeValue): string {
  return hasClockTime(t) ? formatTime({ value: londonDateOfTime(t), precision: t.precision === 'approx' ? 'approx' : 'day' }) : formatTime(t);
}

/** When the information on an edge moved: one date, or the first and the last. Empty for what never arrived. */
export function flowWhen(edge: FlowEdge): string {
  const dates = edge.records.flatMap((r) => (r.moved ? [r.moved] : [])).sort((a, b) => earliestInstant(a) - earliestInstant(b));
  if (dates.length === 0) return '';
  const [first, last] = [flowDate(dates[0] as TimeValue), flowDate(dates[dates.length - 1] as TimeValue)];
  return first === last ? first : `${first} to ${last}`;
}

const EDGE_VERBS: Record<FlowEdgeKind, string> = { shared: 'Shared', known: 'Known', toldDirectly: 'Told the officer, not the record', notShared: 'Never arrived' };

/** An edge's label on the map: what moved, how many records, and when. */
export function flowEdgeLabel(edge: FlowEdge): string {
  const n = count(edge.records.length, 'record');
  return edge.kind === 'notShared' ? `${EDGE_VERBS.notShared}: ${n}` : `${EDGE_VERBS[edge.kind]}: ${n}, ${flowWhen(edge)}`;
}

/** What never arrived on an edge, by reason: "2 never reached probation; 1 came to light only after the further offence". */
export function notArrivedText(edge: FlowEdge): string {
  const counts = new Map<NotArrived, number>();
  for (const r of edge.records) if (r.notArrived) counts.set(r.notArrived, (counts.get(r.notArrived) ?? 0) + 1);
  return (Object.keys(NOT_ARRIVED_NAMES) as NotArrived[]).flatMap((k) => (counts.get(k) ? [`${counts.get(k)} ${NOT_ARRIVED_NAMES[k]}`] : [])).join('; ');
}
