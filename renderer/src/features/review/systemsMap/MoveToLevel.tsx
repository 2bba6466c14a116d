import { useState } from 'react';
import { ACCIMAP_LEVEL_NAMES } from '../../../../../shared/review/words.js';
import { ACCIMAP_LEVELS, type AcciMapLevel } from '../../../../../shared/schemas/review.js';
import { domId } from './domId.js';

/**
 * A factor's level, and a button to move it to the level chosen. The move waits for the button: going through the
 * list with the arrow keys changes the choice, not the review (each move is an edit in the review's trail). The
 * button stays where it is, and keeps focus, when the factor moves.
 */
export function MoveToLevel(props: { idPrefix: string; factorId: string; text: string; level: AcciMapLevel; onMove: (level: AcciMapLevel) => void; compact?: boolean }) {
  // A choice is kept only against the level it was made at: once the factor moves (here or by dragging), the list shows its new level.
  const [choice, setChoice] = useState<{ at: AcciMapLevel; level: AcciMapLevel } | null>(null);
  const chosen = choice?.at === props.level ? choice.level : props.level;
  const id = domId(props.idPrefix, props.factorId);
  return (
    <span className={props.compact ? 'move-level move-level--compact nodrag nopan' : 'move-level'}>
      <label htmlFor={id} className="move-level__label">
        Move to level<span className="visually-hidden"> for “{props.text}”</span>
      </label>
      <span className="move-level__row">
        <select id={id} className="move-level__select" value={chosen} onChange={(e) => setChoice({ at: props.level, level: e.target.value as AcciMapLevel })}>
          {ACCIMAP_LEVELS.map((level) => (
            <option key={level} value={level}>{ACCIMAP_LEVEL_NAMES[level]}</option>
          ))}
        </select>
        <button type="button" className="button button--secondary move-level__button" onClick={() => chosen !== props.level && props.onMove(chosen)}>
          Move<span className="visually-hidden"> “{props.text}” to the level chosen</span>
        </button>
      </span>
    </span>
  );
}
