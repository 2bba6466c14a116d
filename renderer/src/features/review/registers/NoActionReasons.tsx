import { putItem } from '../../../../../shared/review/edits.js';
import { startOf } from '../../../../../shared/review/registerForms.js';
import type { Finding } from '../../../../../shared/schemas/review.js';
import { href } from '../../shell/useHashRoute.js';
import { SavedText } from '../overview/SavedText.js';
import { useReviewWork } from '../reviewContext.js';
import { fieldId } from './fields.js';
import { FINDING_KIND_NAMES } from '../../../../../shared/review/words.js';

/**
 * The findings no action answers, each with the reviewer's reason why not: the quality self-check asks that every
 * finding has an action or a reason. The reason is saved on the finding as it is written.
 */
export function NoActionReasons() {
  const { caseId, review, save } = useReviewWork();
  const actioned = new Set((review?.actions ?? []).flatMap((a) => a.findings));
  const without = (review?.findings ?? []).filter((f) => !actioned.has(f.id));
  const saveReason = (finding: Finding) => (text: string) => {
    const { noActionReason: _, ...rest } = finding;
    const item = text.trim() ? { ...rest, noActionReason: text } : rest;
    const what = text.trim() ? `Finding ${finding.id}: reason why no action given` : `Finding ${finding.id}: reason why no action taken out`;
    return save({ ...putItem('findings', item, false), what });
  };
  if (!review || review.findings.length === 0) return null;
  return (
    <section className="section-break" aria-labelledby="no-action-title">
      <h3 id="no-action-title" className="heading-s">Findings with no action</h3>
      {without.length === 0 ? (
        <p>Every finding has an action.</p>
      ) : (
        <>
          <p className="hint">Link each to an action above, or give a reason why not (for example, good practice to share rather than change). A reason is saved when you leave the field or stop typing.</p>
          <ul className="register-reasons">
            {without.map((f) => (
              <li key={f.id} className="register-reasons__item">
                <p className="register-reasons__finding">
                  <a href={href.review(caseId, 'findings')}>{f.id}</a> ({FINDING_KIND_NAMES[f.kind].toLowerCase()}): {startOf(f.text, 120) || 'no words yet'}
                </p>
                <SavedText
                  id={fieldId('no-action', f.id)}
                  label={<>Give a reason why not<span className="visually-hidden"> for finding {f.id}</span></>}
                  labelClass="label register-reasons__label"
                  value={f.noActionReason ?? ''}
                  onSave={saveReason(f)}
                  rows={2}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
