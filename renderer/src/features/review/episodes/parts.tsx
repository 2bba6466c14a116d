import { useState, type ReactNode } from 'react';
import { oneLineSummary, whatHappened } from '../../../../../shared/domain/summary.js';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { OFFENCE_ID } from '../../../../../shared/engine/caseIndex.js';
import type { CaseRecord } from '../../../../../shared/schemas/record.js';
import { APPRAISAL_NAMES } from '../../../../../shared/review/words.js';
import type { Appraisal } from '../../../../../shared/schemas/review.js';
import { formatTime } from '../../../../../shared/time/display.js';
import { useStored } from '../../../app/useStored.js';
import { readIdentity } from '../../../store/identity.js';

/** The person signed in here: the name their dismissals of flags are kept under. */
export function useSignedInName(): string | undefined {
  return useStored(async (db) => (await readIdentity(db))?.name ?? '', []);
}

/** A record named by its review reference, or null when the case no longer has it. */
export function recordOf(index: CaseIndex, id: string): CaseRecord | null {
  const i = index.positionOf(id);
  return i === undefined ? null : (index.records[i] as CaseRecord);
}

/** A record in a few plain words, for the trail and for buttons: `Information held by Police, 28 Oct 2023, 00:50`. */
export function recordLabel(index: CaseIndex, id: string): string {
  if (id === OFFENCE_ID) return 'the further offence';
  const r = recordOf(index, id);
  return r ? `${whatHappened(r)}, ${formatTime(r.occurred)}` : id;
}

/** A record as a line of a list: when, what happened, and its summary. */
export function RecordLine({ index, id }: { index: CaseIndex; id: string }) {
  if (id === OFFENCE_ID) return <><strong>The further offence</strong>, {formatTime(index.data.case.offenceAt)}</>;
  const r = recordOf(index, id);
  if (!r) return <>A record no longer in this case ({id})</>;
  return (
    <>
      <span className="nowrap">{formatTime(r.occurred)}</span>: <strong>{whatHappened(r)}</strong>. {oneLineSummary(r)}
    </>
  );
}

/** Checkboxes for choosing items of one of the review's registers, or where to add them when it has none. */
export function RegisterChoices(props: {
  id: string;
  legend: string;
  items: readonly { id: string; label: ReactNode }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Where the register is kept, for when it is empty. */
  empty: ReactNode;
  after?: ReactNode;
}) {
  const { id, items, chosen } = props;
  return (
    <div className="form-group">
      <fieldset className="form-fieldset">
        <legend className="form-fieldset__legend">{props.legend}</legend>
        {items.length === 0 ? (
          <p className="hint">{props.empty}</p>
        ) : (
          <div className="checkboxes">
            {items.map((item) => (
              <div key={item.id} className="checkbox">
                <input
                  id={`${id}-${item.id}`}
                  type="checkbox"
                  checked={chosen.includes(item.id)}
                  onChange={(e) => props.onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((x) => x !== item.id))}
                />
                <label htmlFor={`${id}-${item.id}`}>{item.label}</label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      {props.after}
    </div>
  );
}

/** Deleting an item of the review: asked once more, naming what goes with it. */
export function DeleteWithConfirmation(props: { what: string; consequence: string; onDelete: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button--warning button--small" onClick={() => setAsking(true)}>
        Delete {props.what}
      </button>
    );
  }
  return (
    <div className="review-confirm" role="group" aria-label={`Delete ${props.what}`}>
      <p>
        <strong>Delete {props.what}?</strong> {props.consequence} You can undo it straight after.
      </p>
      <div className="button-group">
        <button type="button" className="button button--warning" onClick={props.onDelete}>
          Yes, delete {props.what}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          No, keep it
        </button>
      </div>
    </div>
  );
}

/** An appraisal as a tag: the colour says it again, the words say it first. */
export function AppraisalTag({ appraisal }: { appraisal: Appraisal | undefined }) {
  const colour = { good: 'tag--green', problematic: 'tag--red', both: 'tag--yellow', neutral: 'tag--grey' } as const;
  return <strong className={`tag tag--inline ${appraisal ? colour[appraisal] : 'tag--grey'}`}>{appraisal ? APPRAISAL_NAMES[appraisal] : 'Not yet appraised'}</strong>;
}
