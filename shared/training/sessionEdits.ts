import { sessionKey } from './trainingRows.js';
import type { Session, SessionAnswer } from './walkthrough.js';

/**
 * Changes to a case's walkthrough and sessions as the trail records them: the rows each sets (by trail key; null
 * takes one out) and what it did in plain words. The store applies them (renderer/src/store/training.ts).
 */
export interface TrainingEdit {
  what: string;
  changes: { key: string; after: unknown }[];
}

/** A session started: its groups, none of whom has answered yet. */
export function startSession(session: Session): TrainingEdit {
  const how = session.mode === 'walkthrough' ? 'walkthrough' : 'hindsight exercise';
  return { what: `Session ${session.id} started (${how}; ${session.groups.map((g) => g.name).join(', ')})`, changes: [{ key: sessionKey(session.id), after: session }] };
}

/** A group's answer at a decision point, in place of any it gave there before. */
export function putAnswer(session: Session, answer: SessionAnswer): TrainingEdit {
  const answers = [...session.answers.filter((a) => !(a.point === answer.point && a.group === answer.group)), answer];
  const group = session.groups.find((g) => g.id === answer.group)?.name ?? answer.group;
  return { what: `Session ${session.id}: ${group}'s answer at decision point ${answer.point} saved`, changes: [{ key: sessionKey(session.id), after: { ...session, answers } }] };
}
