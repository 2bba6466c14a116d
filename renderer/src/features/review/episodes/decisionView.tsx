import { useMemo, type ReactNode } from 'react';
import { OFFENCE_ID, type CaseIndex, type OfficerView } from '../../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_RULES, KNOWLEDGE_STATES, type KnowledgeState } from '../../../../../shared/engine/knowledge.js';
import { decisionInstant, episodeOfficer, LATE_STATES } from '../../../../../shared/review/flags.js';
import { stateAtDecision } from '../../../../../shared/review/stateWords.js';
import type { Episode } from '../../../../../shared/schemas/review.js';
import { recordOf } from './parts.js';

export interface DecisionView {
  /** The decision as an instant (null: its moment cannot be read). */
  at: number | null;
  /** Whose decision: the episode's officer, or whoever held the case then. */
  officer: string | null;
  /** What that officer knew and carried then, live from the engine (null: no moment or nobody to see it from). */
  view: OfficerView | null;
}

/** The view from the tunnel at an episode's decision, worked out from the case as it is now. */
export function useDecisionView(index: CaseIndex, episode: Pick<Episode, 'decisionAt' | 'officer'> | null): DecisionView {
  const at = episode ? decisionInstant(episode) : null;
  const officer = episode && at !== null ? episodeOfficer(index, episode, at) : null;
  const view = useMemo(() => (at !== null && officer !== null ? index.view(officer, at) : null), [index, at, officer]);
  return { at, officer, view };
}

/** A record's knowledge state at the decision, from the view's states (null: no such record). */
export function stateIn(index: CaseIndex, view: OfficerView, record: string): KnowledgeState | null {
  if (record === OFFENCE_ID) return view.offenceHappened ? null : 'notYetHappened';
  const i = index.positionOf(record);
  return i === undefined ? null : (KNOWLEDGE_STATES[view.states[i] as number] as KnowledgeState);
}

/**
 * What is said beside a record at a decision: its state for the officer then, in plain words, with the rule behind it.
 * A record the officer could not have read is marked.
 */
export function StateNote(props: { index: CaseIndex; record: string; state: KnowledgeState; officer: string; when: string; rule?: string; children?: ReactNode }) {
  const { index, record, state } = props;
  const subject = record === OFFENCE_ID ? OFFENCE_ID : recordOf(index, record);
  if (subject === null) return null;
  const late = LATE_STATES.has(state);
  return (
    <div className={`state-note${late ? ' state-note--late' : ''}`}>
      <p className="state-note__text">{stateAtDecision(subject, state, props.officer, props.when)}</p>
      <details className="why">
        <summary>Why</summary>
        <p className="why__rule">{KNOWLEDGE_RULES[state]}</p>
        {props.rule && <p className="why__rule">{props.rule}</p>}
      </details>
      {props.children}
    </div>
  );
}
