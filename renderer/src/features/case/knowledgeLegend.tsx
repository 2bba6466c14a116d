import { KNOWLEDGE_RULES, KNOWLEDGE_STATES, type KnowledgeState } from '../../../../shared/engine/knowledge.js';

export const STATE_LABELS: Record<KnowledgeState, string> = {
  known: 'Known',
  onRecord: 'On record',
  notHeld: 'On record, case not held',
  notYetRecorded: 'Not yet recorded',
  heldElsewhere: 'Held elsewhere',
  hindsightOnly: 'Hindsight only',
  notYetHappened: 'Not yet happened',
};

/** One colour per state, on the timeline and beside the table's state column. */
export const STATE_COLOURS: Record<KnowledgeState, string> = {
  known: '#1d70b8',
  onRecord: '#00703c',
  notHeld: '#505a5f',
  notYetRecorded: '#b86e00',
  heldElsewhere: '#912b88',
  hindsightOnly: '#d4351c',
  notYetHappened: '#8e9599',
};

export function StateTag({ state }: { state: KnowledgeState }) {
  return (
    <span className="state-tag" title={KNOWLEDGE_RULES[state]}>
      <span className="state-swatch" style={{ background: STATE_COLOURS[state] }} aria-hidden="true" />
      {STATE_LABELS[state]}
    </span>
  );
}

/** The legend of knowledge states, each with its rule. */
export function KnowledgeLegend() {
  return (
    <details className="legend">
      <summary>What the colours mean (knowledge states)</summary>
      <dl className="legend__list">
        {KNOWLEDGE_STATES.map((s) => (
          <div key={s} className="legend__item">
            <dt><StateTag state={s} /></dt>
            <dd>{KNOWLEDGE_RULES[s]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
