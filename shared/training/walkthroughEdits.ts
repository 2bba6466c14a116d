import { decisionParts, decisionText, readDecision, type DecisionParts } from '../review/episodeEdits.js';
import type { FieldErrors, FormCheck } from '../review/registerForms.js';
import type { Episode } from '../schemas/review.js';
import { pointKey, walkthroughHead, WALKTHROUGH_ROW } from './trainingRows.js';
import type { TrainingEdit } from './sessionEdits.js';
import { SESSION_MODES, type CaseTraining, type DecisionPoint, type Session, type Walkthrough } from './walkthrough.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

/** The next free id with a prefix (D1, D2...; S1...): one more than the highest used. */
function nextOf(prefix: string, ids: readonly string[]): string {
  const used = ids.map((id) => (id.startsWith(prefix) ? Number(id.slice(prefix.length)) : 0)).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

export const nextPointId = (walkthrough: Walkthrough | undefined) => nextOf('D', (walkthrough?.points ?? []).map((p) => p.id));
export const nextSessionId = (training: CaseTraining | null) => nextOf('S', (training?.sessions ?? []).map((s) => s.id));

const headRow = (walkthrough: Walkthrough) => ({ key: WALKTHROUGH_ROW, after: walkthroughHead(walkthrough) });

/** The walkthrough started, or its title and outcome changed. */
export function putWalkthroughDetails(walkthrough: Walkthrough | undefined, title: string, outcome: string): TrainingEdit {
  const next: Walkthrough = { title, outcome, points: walkthrough?.points ?? [] };
  return { what: walkthrough ? `Walkthrough "${title}": title and outcome saved` : `Walkthrough "${title}" started`, changes: [headRow(next)] };
}

/** A decision point added at the end, or changed where it is. */
export function putPoint(walkthrough: Walkthrough, point: DecisionPoint): TrainingEdit {
  const added = !walkthrough.points.some((p) => p.id === point.id);
  const changes: TrainingEdit['changes'] = [{ key: pointKey(point.id), after: point }];
  if (added) changes.push(headRow({ ...walkthrough, points: [...walkthrough.points, point] }));
  return { what: `Decision point ${point.id} ${added ? 'added' : 'changed'}: "${point.title}", at ${decisionText(point.at)}`, changes };
}

/** A decision point taken out of the walkthrough (the sessions keep the answers given at it). */
export function removePoint(walkthrough: Walkthrough, id: string): TrainingEdit {
  const point = walkthrough.points.find((p) => p.id === id);
  return {
    what: `Decision point ${id} deleted${point ? ` ("${point.title}")` : ''}`,
    changes: [{ key: pointKey(id), after: null }, headRow({ ...walkthrough, points: walkthrough.points.filter((p) => p.id !== id) })],
  };
}

/** A decision point moved one place earlier (-1) or later (+1); null where it cannot go further. */
export function movePoint(walkthrough: Walkthrough, id: string, by: -1 | 1): TrainingEdit | null {
  const from = walkthrough.points.findIndex((p) => p.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= walkthrough.points.length) return null;
  const points = [...walkthrough.points];
  const [moved] = points.splice(from, 1) as [DecisionPoint];
  points.splice(to, 0, moved);
  return { what: `Decision point ${id} moved ${by < 0 ? 'up' : 'down'} to place ${to + 1} of ${points.length}`, changes: [headRow({ ...walkthrough, points })] };
}

/** A decision point's form as typed. */
export interface PointFields {
  title: string;
  moment: DecisionParts;
  episode: string;
  officer: string;
  question: string;
  options: string[];
  actual: string;
}

/** The form for a new point, blank or from a key practice episode (its title, decision moment and officer). */
export function pointFields(point?: DecisionPoint, episode?: Episode, at?: string): PointFields {
  // A moment chosen on the timeline gives the moment alone: the title and question are the trainer's.
  const from = point ?? (episode && { title: episode.title, at: episode.decisionAt, episode: episode.id, officer: episode.officer }) ?? (at ? { title: '', at, episode: '', officer: '' } : undefined);
  const options = [...(point?.options ?? [])];
  while (options.length < MAX_OPTIONS) options.push('');
  return {
    title: from?.title ?? '',
    moment: from ? decisionParts(from.at) : { date: '', time: '' },
    episode: from?.episode ?? '',
    officer: from?.officer ?? '',
    question: point?.question ?? '',
    options,
    actual: point?.actual ?? '',
  };
}

/** A decision point from its form, or what is wrong with each field (`title`, `moment.date`, `question`, `options`...). */
export function checkPoint(id: string, fields: PointFields): FormCheck<DecisionPoint> {
  const errors: FieldErrors = {};
  const title = fields.title.trim();
  if (!title) errors.title = { message: 'Enter a title for the decision point' };
  else if (title.length > 200) errors.title = { message: 'The title must be 200 characters or fewer' };
  const moment = readDecision(fields.moment);
  if (!moment.ok) errors[`moment.${moment.field}`] = { message: moment.message };
  if (!fields.question.trim()) errors.question = { message: 'Enter the question put to the room' };
  const options = fields.options.map((o) => o.trim()).filter(Boolean);
  if (options.length < MIN_OPTIONS) errors.options = { message: `Enter at least ${MIN_OPTIONS} options for the room to choose from` };
  const long = fields.options.findIndex((o) => o.trim().length > 500);
  if (long >= 0) errors[`options.${long}`] = { message: `Option ${long + 1} must be 500 characters or fewer` };
  if (Object.keys(errors).length > 0 || !moment.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      id,
      at: moment.decisionAt,
      ...(fields.episode ? { episode: fields.episode } : {}),
      ...(fields.officer ? { officer: fields.officer } : {}),
      title,
      question: fields.question.trim(),
      options,
      actual: fields.actual.trim(),
    },
  };
}

/** The session form as typed: how it is run, and the groups' names (in the exercise, the group told the outcome first). */
export interface SessionFields {
  mode: (typeof SESSION_MODES)[number];
  groups: string;
  toldOutcome: string;
  notTold: string;
}

export const sessionFields = (): SessionFields => ({ mode: 'walkthrough', groups: 'The room', toldOutcome: 'Group A', notTold: 'Group B' });

/**
 * A new session from its form. A walkthrough has one group or more, one a line; the hindsight exercise has two, one
 * told the outcome before the first decision point and one not.
 */
export function checkSession(id: string, at: Date, fields: SessionFields): FormCheck<Session> {
  const errors: FieldErrors = {};
  const named = (name: string, key: string, what: string) => {
    const n = name.trim();
    if (!n) errors[key] = { message: `Enter a name for ${what}` };
    else if (n.length > 100) errors[key] = { message: `The name of ${what} must be 100 characters or fewer` };
    return n;
  };
  let groups: Session['groups'];
  if (fields.mode === 'walkthrough') {
    const names = fields.groups.split('\n').map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) errors.groups = { message: 'Enter the name of at least one group' };
    else if (names.some((n) => n.length > 100)) errors.groups = { message: 'Each group’s name must be 100 characters or fewer' };
    else if (new Set(names).size !== names.length) errors.groups = { message: 'Give each group a different name' };
    groups = names.map((name, i) => ({ id: `G${i + 1}`, name, toldOutcome: false }));
  } else {
    const told = named(fields.toldOutcome, 'toldOutcome', 'the group told the outcome');
    const notTold = named(fields.notTold, 'notTold', 'the group not told the outcome');
    if (told && told === notTold) errors.notTold = { message: 'Give the two groups different names' };
    groups = [
      { id: 'G1', name: told, toldOutcome: true },
      { id: 'G2', name: notTold, toldOutcome: false },
    ];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { id, at: at.toISOString(), mode: fields.mode, groups, answers: [] } };
}

/** The walkthrough's title and outcome from their form, or what is wrong with each. */
export function checkDetails(fields: { title: string; outcome: string }): FormCheck<{ title: string; outcome: string }> {
  const errors: FieldErrors = {};
  const title = fields.title.trim();
  if (!title) errors.title = { message: 'Enter a title for the walkthrough' };
  else if (title.length > 200) errors.title = { message: 'The title must be 200 characters or fewer' };
  if (fields.outcome.length > 20_000) errors.outcome = { message: 'The outcome must be 20,000 characters or fewer' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, outcome: fields.outcome.trim() } };
}
