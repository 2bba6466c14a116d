import { oneLineSummary, whatHappened } from '../../../../shared/domain/summary.js';
import { PLACEHOLDER_REASONS } from '../../../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../../../shared/schemas/index.js';
import { formatTime } from '../../../../shared/time/display.js';
import { recordDate } from '../chronology/rowView.js';

/** A placeholder's reason, for records listed by a state the officer could not know. */
export type HeldBack = keyof typeof PLACEHOLDER_REASONS;

/**
 * The records behind a figure, as a list: when, what happened, and its summary; each selects its record. Records the
 * officer could not know (`heldBack`) say only when and why, with a button to reveal each with hindsight.
 */
export function RecordLinks(props: {
  records: readonly CaseRecord[];
  /** How many there are in all, when more than are listed. */
  total?: number;
  onSelect?: ((id: string) => void) | undefined;
  heldBack?: { reason: HeldBack; isRevealed: (id: string) => boolean; onReveal: (id: string) => void } | undefined;
  /** The list is of the latest records, so "earlier" ones are left out; otherwise "more". */
  latestFirst?: boolean;
}) {
  const { records, total = records.length, onSelect, heldBack, latestFirst = true } = props;
  if (records.length === 0) return <p className="hint">None.</p>;
  return (
    <ul className="record-links">
      {records.map((r) => {
        const held = heldBack && !heldBack.isRevealed(r.id);
        const when = held ? recordDate(r) : formatTime(r.occurred);
        return (
          <li key={r.id}>
            {onSelect ? <button type="button" className="link-button" onClick={() => onSelect(r.id)}>{when}</button> : when}
            {held ? (
              <>
                : 1 record {PLACEHOLDER_REASONS[heldBack.reason]}.{' '}
                <button type="button" className="link-button" onClick={() => heldBack.onReveal(r.id)}>Reveal it with hindsight</button>
              </>
            ) : (
              <>
                : <strong>{whatHappened(r)}</strong>. {oneLineSummary(r)}
                {heldBack && <strong className="tag tag--red tag--inline">Revealed with hindsight</strong>}
              </>
            )}
          </li>
        );
      })}
      {total > records.length && <li className="hint">and {(total - records.length).toLocaleString('en-GB')} {latestFirst ? 'earlier' : 'more'}</li>}
    </ul>
  );
}
