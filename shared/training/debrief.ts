import type { CaseIndex } from '../engine/caseIndex.js';
import { toSafeCsv } from '../domain/csvExport.js';
import { decisionText } from '../review/episodeEdits.js';
import { answerOf } from './answers.js';
import { foresightView, officerPicture, pointMoment, type OfficerPicture } from './presenter.js';
import type { DecisionPoint, Session, SessionGroup, Walkthrough } from './walkthrough.js';

/**
 * The debrief of a session (issue 17): at each decision point, what the room chose beside what the officer actually
 * did, and what the officer knew and carried then. In the hindsight exercise, how foreseeable each side of the room
 * judged the outcome at each point, and the gap between the side told the outcome and the side not told: creeping
 * determinism, measured.
 */

export interface GroupAtPoint {
  group: SessionGroup;
  /** The option chosen (its index), null when none was recorded. */
  choice: number | null;
  option: string | null;
  foreseeable: number | null;
}

/** The mean rating of each side of the room, and the gap (told minus not told); null where a side gave none. */
export interface RatingGap {
  told: number | null;
  notTold: number | null;
  gap: number | null;
}

export interface PointDebrief {
  point: DecisionPoint;
  number: number;
  when: string;
  officer: OfficerPicture | null;
  groups: GroupAtPoint[];
  /** How many groups chose each option, by option. */
  counts: number[];
  ratings: RatingGap;
}

export interface Debrief {
  title: string;
  mode: Session['mode'];
  points: PointDebrief[];
  /** Over every point: each side's mean rating and the gap. */
  overall: RatingGap;
}

const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

function gapOf(groups: readonly { group: SessionGroup; foreseeable: number | null }[]): RatingGap {
  const side = (told: boolean) => mean(groups.flatMap((g) => (g.group.toldOutcome === told && g.foreseeable !== null ? [g.foreseeable] : [])));
  const told = side(true);
  const notTold = side(false);
  return { told, notTold, gap: told !== null && notTold !== null ? told - notTold : null };
}

function groupsAt(session: Session, point: DecisionPoint): GroupAtPoint[] {
  return session.groups.map((group) => {
    const a = answerOf(session, point.id, group.id);
    const option = a.choice === null ? null : (point.options[a.choice] ?? null);
    return { group, choice: option === null ? null : a.choice, option, foreseeable: a.foreseeable };
  });
}

export function debrief(index: CaseIndex, walkthrough: Walkthrough, session: Session): Debrief {
  const points = walkthrough.points.map((point, i): PointDebrief => {
    const m = pointMoment(index, point);
    const groups = groupsAt(session, point);
    const counts = point.options.map((_, k) => groups.filter((g) => g.choice === k).length);
    return {
      point,
      number: i + 1,
      when: m?.text ?? decisionText(point.at),
      officer: m?.officer ? officerPicture(index, foresightView(index, m.officer, m.at)) : null,
      groups,
      counts,
      ratings: gapOf(groups),
    };
  });
  return { title: walkthrough.title, mode: session.mode, points, overall: gapOf(points.flatMap((p) => p.groups)) };
}

const CSV_HEADER = ['Point', 'Title', 'When', 'Question', 'Group', 'Told the outcome first', 'Option chosen', 'Choice', 'How foreseeable (0 to 100)', 'What the officer did'];

/** A session's results as CSV: a row for each group at each point; UTF-8 with a byte-order mark, CRLF, no cell a formula. */
export function sessionCsv(walkthrough: Walkthrough, session: Session): string {
  const rows = walkthrough.points.flatMap((point, i) =>
    groupsAt(session, point).map((g) => [
      i + 1,
      point.title,
      decisionText(point.at),
      point.question,
      g.group.name,
      session.mode === 'hindsightExercise' ? (g.group.toldOutcome ? 'Yes' : 'No') : '',
      g.choice === null ? '' : g.choice + 1,
      g.option ?? 'No choice recorded',
      g.foreseeable ?? '',
      point.actual,
    ]),
  );
  return `\uFEFF${toSafeCsv(CSV_HEADER, rows)}`;
}
