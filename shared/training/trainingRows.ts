import type { CaseTrainingInput, DecisionPoint, Session, Walkthrough } from './walkthrough.js';

/**
 * A case's walkthrough and its sessions as rows, each named as the audit trail names it: `training:walkthrough` for
 * the walkthrough's title, outcome and the order of its decision points, `training:point:D1` for each decision point,
 * `training:session:S1` for each session. These strings are hashed into trails: they must never change.
 */
export const WALKTHROUGH_ROW = 'training:walkthrough';
const POINT = 'training:point:';
const SESSION = 'training:session:';

export const pointKey = (id: string) => `${POINT}${id}`;
export const sessionKey = (id: string) => `${SESSION}${id}`;

/**
 * The walkthrough's own row: its title and outcome, and its decision points' ids in the order the room meets them
 * (a reorder is a change to this row, recorded in the trail like any other).
 */
export interface WalkthroughHead {
  title: string;
  outcome: string;
  order: string[];
}

/** What a training trail key names: the walkthrough's own row, a decision point, a session; null for another key. */
export function trainingKindOf(key: string): 'walkthrough' | 'point' | 'session' | null {
  if (key === WALKTHROUGH_ROW) return 'walkthrough';
  if (key.startsWith(POINT)) return 'point';
  if (key.startsWith(SESSION)) return 'session';
  return null;
}

export function walkthroughHead(walkthrough: Pick<Walkthrough, 'title'> & { outcome?: string; points?: readonly Pick<DecisionPoint, 'id'>[] }): WalkthroughHead {
  return { title: walkthrough.title, outcome: walkthrough.outcome ?? '', order: (walkthrough.points ?? []).map((p) => p.id) };
}

/** Every row of a case's training, under the key the trail names it by: the walkthrough, its points in order, each session. */
export function* trainingRows(training: CaseTrainingInput): Generator<[string, unknown]> {
  const { walkthrough, sessions } = training;
  if (walkthrough) {
    yield [WALKTHROUGH_ROW, walkthroughHead(walkthrough)];
    for (const point of walkthrough.points ?? []) yield [pointKey(point.id), point];
  }
  for (const session of sessions ?? []) yield [sessionKey(session.id), session];
}

/**
 * A case's training put back together from its rows: the inverse of trainingRows. Points follow the walkthrough's
 * order; a point the order does not name comes last (none should). Sessions in the order they started. Undefined
 * when there are no rows.
 */
export function trainingFromRows(rows: readonly { key: string; value: unknown }[]): CaseTrainingInput | undefined {
  if (rows.length === 0) return undefined;
  const head = rows.find((r) => r.key === WALKTHROUGH_ROW)?.value as WalkthroughHead | undefined;
  const points = rows.filter((r) => trainingKindOf(r.key) === 'point').map((r) => r.value as DecisionPoint);
  const rank = (id: string) => {
    const at = head?.order.indexOf(id) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const sessions = rows
    .filter((r) => trainingKindOf(r.key) === 'session')
    .map((r) => r.value as Session)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return {
    ...(head ? { walkthrough: { title: head.title, outcome: head.outcome, points: points.sort((a, b) => rank(a.id) - rank(b.id)) } } : {}),
    sessions,
  };
}

/**
 * What is wrong with a case's training rows as a whole, or null: every decision point belongs to the walkthrough, and
 * the walkthrough's order names each of its points once.
 */
export function trainingRowsProblem(rows: readonly { key: string; value: unknown }[]): string | null {
  const head = rows.find((r) => r.key === WALKTHROUGH_ROW)?.value as WalkthroughHead | undefined;
  const points = rows.filter((r) => trainingKindOf(r.key) === 'point').map((r) => (r.value as DecisionPoint).id);
  if (!head) return points.length > 0 ? 'a decision point has no walkthrough to belong to' : null;
  if (new Set(head.order).size !== head.order.length) return 'the walkthrough names a decision point twice';
  const missing = points.find((id) => !head.order.includes(id));
  if (missing) return `decision point ${missing} is not in the walkthrough's order`;
  const stray = head.order.find((id) => !points.includes(id));
  if (stray) return `the walkthrough's order names decision point ${stray}, which it does not hold`;
  return null;
}
