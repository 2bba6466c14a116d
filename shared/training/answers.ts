import type { DecisionPoint, Session, SessionGroup } from './walkthrough.js';

/** A group's answer at a point: the option it chose (its index) and, in the hindsight exercise, its rating. */
export interface GroupAnswer {
  choice: number | null;
  foreseeable: number | null;
}

/**
 * A group's answer at a point, from the session's answers in the order they were given: each part is the last one
 * given, so a room that changes its mind is recorded as it finally chose (and a rating given apart from the choice
 * keeps the choice).
 */
export function answerOf(session: Pick<Session, 'answers'>, point: string, group: string): GroupAnswer {
  let choice: number | null = null;
  let foreseeable: number | null = null;
  for (const a of session.answers) {
    if (a.point !== point || a.group !== group) continue;
    if (a.choice !== undefined) choice = a.choice;
    if (a.foreseeable !== undefined) foreseeable = a.foreseeable;
  }
  return { choice, foreseeable };
}

/** What each group still has to give at a point before the room goes on: its choice, and in the exercise its rating. */
export function stillToAnswer(session: Session, point: Pick<DecisionPoint, 'id' | 'options'>): { group: SessionGroup; choice: boolean; rating: boolean }[] {
  const rates = session.mode === 'hindsightExercise';
  return session.groups.flatMap((group) => {
    const a = answerOf(session, point.id, group.id);
    const choice = a.choice === null || a.choice >= point.options.length;
    const rating = rates && a.foreseeable === null;
    return choice || rating ? [{ group, choice, rating }] : [];
  });
}
