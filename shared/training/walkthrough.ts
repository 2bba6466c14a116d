import { z } from 'zod';
import { Moment } from '../schemas/review.js';

/**
 * A case study for a training session (issue 17): the decision points a trainer picks on a training copy, the question
 * and options the room answers at each, and what each session's room chose. Kept with the training copy, so a
 * training pack carries it and the presenter view on another computer reads it.
 */

const Id = z.string().min(1).max(64);
const Text = z.string().max(20_000);

export const DecisionPoint = z.object({
  id: Id,
  /** The moment the room stands at: nothing after it is shown until the session ends. */
  at: Moment,
  /** The key practice episode it comes from, when it does. */
  episode: Id.optional(),
  /** Whose picture the room sees; left out, whoever held the case at `at`. */
  officer: z.string().optional(),
  title: z.string().min(1).max(200),
  question: Text,
  /** The choices put to the room (two to six). */
  options: z.array(z.string().min(1).max(500)).min(2).max(6),
  /** What the officer actually did: shown only in the debrief. */
  actual: Text.default(''),
});
export type DecisionPoint = z.infer<typeof DecisionPoint>;

export const Walkthrough = z.object({
  title: z.string().min(1).max(200),
  /** The decision points in the order the room meets them. */
  points: z.array(DecisionPoint).default([]),
  /** What happened in the end, told to the room at the end (or at the start, to the group told the outcome). */
  outcome: Text.default(''),
});
export type Walkthrough = z.infer<typeof Walkthrough>;

export const SESSION_MODES = ['walkthrough', 'hindsightExercise'] as const;

export const SessionGroup = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  /** In the hindsight exercise, the group told the outcome before the first decision point. */
  toldOutcome: z.boolean().default(false),
});
export type SessionGroup = z.infer<typeof SessionGroup>;

/** One group's answer at one decision point: the option chosen (its index), and in the hindsight exercise a rating. */
export const SessionAnswer = z.object({
  point: Id,
  group: Id,
  choice: z.number().int().min(0).max(5).optional(),
  /** How foreseeable the outcome was, 0 to 100, as the group judged it at that point. */
  foreseeable: z.number().min(0).max(100).optional(),
});
export type SessionAnswer = z.infer<typeof SessionAnswer>;

export const Session = z.object({
  id: Id,
  /** When the session started, as an ISO instant. */
  at: z.string().min(1),
  mode: z.enum(SESSION_MODES),
  groups: z.array(SessionGroup).min(1),
  answers: z.array(SessionAnswer).default([]),
});
export type Session = z.infer<typeof Session>;

/** A case's training: its walkthrough (once the trainer starts one) and the sessions run from it. */
export const CaseTraining = z.object({
  walkthrough: Walkthrough.optional(),
  sessions: z.array(Session).default([]),
});
export type CaseTraining = z.infer<typeof CaseTraining>;
export type CaseTrainingInput = z.input<typeof CaseTraining>;
