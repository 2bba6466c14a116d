import { PROBATION, type CaseRecord } from '../schemas/record.js';
import { latestInstant as latestOf } from '../time/london.js';
import type { TimeValue } from '../time/precision.js';

/**
 * For an officer at a moment, each record is in exactly one knowledge state: the first rule that applies, in this
 * order (docs/domain.md, the knowledge states). Times known only to the day count as the end of that day: nothing is presumed
 * known earlier than it could have been.
 */
export const KNOWLEDGE_STATES = ['notYetHappened', 'hindsightOnly', 'known', 'heldElsewhere', 'notYetRecorded', 'onRecord', 'notHeld'] as const;
export type KnowledgeState = (typeof KNOWLEDGE_STATES)[number];

/** Each state's rule in plain words, as the app shows it beside a record. */
export const KNOWLEDGE_RULES: Record<KnowledgeState, string> = {
  notYetHappened: 'It happened after the moment.',
  hindsightOnly: 'It came to light only after the moment (after the further offence).',
  known: 'The officer did it, or the reviewer recorded evidence that the officer knew it by the moment.',
  heldElsewhere: 'Another agency held it, and it had not reached probation by the moment.',
  notYetRecorded: 'It had happened, but reached the probation record only after the moment.',
  onRecord: 'It was on the probation record by the moment, while the officer held the case. Available; not evidenced as read.',
  notHeld: 'It was on the probation record by the moment, but the officer did not hold the case then.',
};

/**
 * With hindsight off, what a view may show of a record in each state: its content (the officer knew it, or could read
 * it on the probation record), a counted placeholder (it had happened, but the officer could not know it then), or
 * nothing at all (it had not happened yet). Foresight means foresight: a placeholder's content is shown only when the
 * user reveals it, and the reveal is marked as hindsight.
 */
export type ForesightShows = 'content' | 'placeholder' | 'nothing';

export const FORESIGHT_SHOWS: Record<KnowledgeState, ForesightShows> = {
  notYetHappened: 'nothing',
  hindsightOnly: 'placeholder',
  known: 'content',
  heldElsewhere: 'placeholder',
  notYetRecorded: 'placeholder',
  onRecord: 'content',
  notHeld: 'content',
};

/** A placeholder in words: why the officer could not know the record at the moment. */
export const PLACEHOLDER_REASONS: Record<'hindsightOnly' | 'heldElsewhere' | 'notYetRecorded', string> = {
  hindsightOnly: 'came to light later',
  heldElsewhere: 'held by another agency',
  notYetRecorded: 'not yet on the record',
};

/** The instants a record's state turns on, worked out once per record. Infinity: never; -Infinity: always. */
export interface KnowledgeTimes {
  /** It had happened from this instant. */
  happened: number;
  /** It was hindsight only until this instant (-Infinity when it never was). */
  cameToLight: number;
  /** The officer who did it (a contact's staff code). */
  doneBy: string | null;
  /** The officer the reviewer recorded as knowing it, and from when. */
  knownTo: string | null;
  knownFrom: number;
  /** Held by another agency until this instant (-Infinity for probation's own records; Infinity if never shared). */
  elsewhereUntil: number;
  /** On the probation record from this instant. */
  recorded: number;
}

/** Whether an agency is probation itself, however the source wrote it (` probation `, `PROBATION`). */
export const isProbation = (agency: string): boolean => agency.trim().toLowerCase() === PROBATION.toLowerCase();

export function knowledgeTimes(record: CaseRecord, latestInstant: (t: TimeValue) => number = latestOf): KnowledgeTimes {
  const happened = latestInstant(record.occurred);
  if (record.kind === 'contact') {
    return { happened, cameToLight: -Infinity, doneBy: record.staffCode, knownTo: null, knownFrom: Infinity, elsewhereUntil: -Infinity, recorded: latestInstant(record.recorded) };
  }
  const reached = record.reachedProbation ? latestInstant(record.reachedProbation) : Infinity;
  const probation = isProbation(record.sourceAgency);
  return {
    happened,
    cameToLight: record.cameToLight ? latestInstant(record.cameToLight) : -Infinity,
    doneBy: null,
    knownTo: record.knownToStaffCode ?? null,
    knownFrom: record.knownFrom ? latestInstant(record.knownFrom) : Infinity,
    elsewhereUntil: probation ? -Infinity : reached,
    recorded: record.reachedProbation ? reached : probation ? happened : Infinity,
  };
}

/** The state of one record for `officer` at `at` (epoch ms); `holdsCase`: the officer held the case at `at`. */
export function knowledgeState(t: KnowledgeTimes, officer: string, at: number, holdsCase: boolean): KnowledgeState {
  if (t.happened > at) return 'notYetHappened';
  if (t.cameToLight > at) return 'hindsightOnly';
  if (t.doneBy === officer || (t.knownTo === officer && t.knownFrom <= at)) return 'known';
  if (t.elsewhereUntil > at) return 'heldElsewhere';
  if (t.recorded > at) return 'notYetRecorded';
  return holdsCase ? 'onRecord' : 'notHeld';
}
