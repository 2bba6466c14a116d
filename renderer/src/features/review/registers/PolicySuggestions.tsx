import type { Policy } from '../../../../../shared/schemas/review.js';

/**
 * The guidance SFO reviews most often judge practice by, offered to start the register. Only names: which version
 * applied to a case, and from when until when, is for the reviewer to read from the documents themselves.
 */
const SUGGESTIONS: readonly { name: string; about: string }[] = [
  { name: 'Recall policy framework', about: 'When a recall is considered, who signs it off, and how quickly each step follows.' },
  { name: 'Probation prioritisation framework', about: 'Which work comes first when there is not the capacity to do all of it.' },
  { name: 'Tiering framework', about: 'How a case is tiered, and the contact and work each tier sets.' },
  { name: 'OASys / predictor version', about: 'The risk assessment and predictor scores in use then (such as OGRS, RSR, OSP).' },
  { name: 'National standards', about: 'The contact, enforcement and recording the service required.' },
  { name: 'Local instruction', about: 'A region’s or PDU’s own instruction in force then.' },
];

/** The suggestions, each added with one click, its dates left for the reviewer to fill in. */
export function PolicySuggestions({ policies, onAdd }: { policies: readonly Policy[]; onAdd: (name: string) => void }) {
  const held = new Set(policies.map((p) => p.name.trim().toLowerCase()));
  return (
    <section className="register-suggestions" aria-labelledby="policy-suggestions-title">
      <h3 id="policy-suggestions-title" className="heading-s">Suggestions to start the register</h3>
      <div className="inset-text">
        <p>
          These are suggestions only: the guidance SFO reviews most often judge practice by. Each is added with its name alone. Foresight does not know which version
          applied to this case, or when: <strong>add the dates each applied</strong>, from the documents themselves, before an episode cites it.
        </p>
      </div>
      <ul className="register-suggestions__list">
        {SUGGESTIONS.map((s) => (
          <li key={s.name} className="register-suggestions__item">
            <div>
              <strong>{s.name}</strong>
              <span className="register-suggestions__about">{s.about}</span>
            </div>
            {held.has(s.name.toLowerCase()) ? (
              <span className="tag tag--grey">In the register</span>
            ) : (
              <button type="button" className="button button--secondary button--small" onClick={() => onAdd(s.name)}>
                Add<span className="visually-hidden"> {s.name} (dates to fill in)</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
