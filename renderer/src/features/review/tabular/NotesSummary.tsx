import { ANNOTATION_TEXTS, FACTORS_LABEL, KEY_LABEL } from '../../../../../shared/review/annotations.js';
import type { Annotation, Factor } from '../../../../../shared/schemas/review.js';

/**
 * The review's notes on the selected record, in full, beside its detail: the table's cells show three lines of each.
 * Only given a record whose content shows: notes on a held-back record are held back with it.
 */
export function NotesSummary({ annotation, factors }: { annotation: Annotation | undefined; factors: readonly Factor[] }) {
  const texts = ANNOTATION_TEXTS.filter(({ field }) => annotation?.[field]?.trim());
  const chosen = (annotation?.factors ?? []).map((id) => factors.find((f) => f.id === id) ?? { id, text: '' });
  return (
    <section className="tabular-notes" aria-labelledby="tabular-notes-title">
      <h3 id="tabular-notes-title" className="heading-s">The review's notes</h3>
      {!annotation ? (
        <p className="hint">None yet. Select a cell of this row in the table and press Enter to write one.</p>
      ) : (
        <dl className="summary-list">
          {annotation.key && (
            <div className="summary-list__row">
              <dt className="summary-list__key">{KEY_LABEL}</dt>
              <dd className="summary-list__value">Yes</dd>
            </div>
          )}
          {texts.map(({ field, label }) => (
            <div key={field} className="summary-list__row">
              <dt className="summary-list__key">{label}</dt>
              <dd className="summary-list__value tabular-notes__text">{annotation[field]}</dd>
            </div>
          ))}
          {chosen.length > 0 && (
            <div className="summary-list__row">
              <dt className="summary-list__key">{FACTORS_LABEL}</dt>
              <dd className="summary-list__value">
                <ul className="list">
                  {chosen.map((f) => <li key={f.id}><strong>{f.id}</strong> {f.text}</li>)}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
