import { useState } from 'react';
import { count } from '../../../../shared/domain/words.js';
import {
  EMAIL_REMOVED,
  REDACTION_KIND_NAMES,
  SUBJECT_ROLE,
  THIRD_PARTY_ROLES,
  withName,
  type RedactionKind,
  type RedactionPlan,
  type Replacement,
} from '../../../../shared/report/redaction.js';

/**
 * What the redacted copy will replace, shown before anything is written (issue 15): every name, code and the CRN,
 * what each becomes and in how many places, each with a box to apply it. Names the tool could not place, and name
 * parts that may be ordinary words, are kept apart with the places to check; the person can add a name it missed.
 * The places are the parent's to count (countPlaces).
 */
export function RedactionPreview({ plan, onChange }: { plan: RedactionPlan; onChange: (plan: RedactionPlan) => void }) {
  const rows = plan.replacements.map((r, i) => ({ r, i }));
  const of = (kinds: readonly RedactionKind[], toCheck = false) => rows.filter(({ r }) => kinds.includes(r.kind) && !r.partOf && (r.toCheck ?? false) === toCheck);
  const set = (i: number, patch: Partial<Replacement>) => onChange({ replacements: plan.replacements.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const applied = plan.replacements.filter((r) => r.on);
  const places = applied.reduce((n, r) => n + r.places, 0);
  const toCheck = of(['thirdParty'], true);
  // A part becomes what its name becomes, as the person has it now.
  const roleOf = (name: string) => plan.replacements.find((r) => !r.partOf && r.original === name)?.replacement;
  const parts = rows.filter(({ r }) => r.partOf).map(({ r, i }) => ({ r: { ...r, replacement: roleOf(r.partOf!) ?? r.replacement }, i }));

  return (
    <section className="redaction-preview" aria-labelledby="redaction-preview-title">
      <h3 id="redaction-preview-title" className="heading-s">What the redacted copy replaces</h3>
      <div className="inset-text">
        <p>
          Each name ticked below is replaced by the words shown, wherever it appears: in the text, the tables, the charts
          and the systems map. A first name or surname on its own is replaced too: with a capital, or in any case after
          Mr, Mrs, Ms, Miss, Mx or Dr. Every email address becomes “{EMAIL_REMOVED}”. The title page leaves out the CRN
          and says the copy is redacted.
        </p>
        <p>Nothing is written until you choose to save the copy.</p>
      </div>
      <p aria-live="polite">
        {count(applied.length, 'replacement')} applied, in {count(places, 'place')} in the document.
      </p>

      <Group title={REDACTION_KIND_NAMES.staffName} id="staff" rows={of(['staffName'])} set={set} empty="The case names no staff." />
      {parts.length > 0 && (
        <Group
          title="Names that may be ordinary words"
          id="words"
          rows={parts}
          set={set}
          hint="Each of these is part of a name above and an ordinary word too. With a capital in the middle of a sentence, or after Mr, Mrs, Ms, Miss, Mx or Dr, it is always replaced. Where a sentence starts with it, it may be the word: those places are counted and quoted here, and replaced unless you untick the box."
        />
      )}
      <Group title={REDACTION_KIND_NAMES.staffCode} id="codes" rows={of(['staffCode', 'crn'])} set={set} empty="The case has no codes to remove." />
      <Group
        title={REDACTION_KIND_NAMES.thirdParty}
        id="third"
        rows={of(['thirdParty'])}
        set={set}
        roles
        hint="People the notes name after words that say who they are (his sister, her partner, Mr), anyone sharing a name with them, and names you add."
        empty="The tool found no one else named in the notes. Add below any name it missed."
      />
      {toCheck.length > 0 && (
        <Group
          title="Names to check"
          id="check"
          rows={toCheck}
          set={set}
          roles
          hint="These words appear more than once with a capital, but nothing says who they are: they may be people, or words the tool could not place. They are not replaced unless you tick them. Tick each one that is a person, and choose their role."
        />
      )}
      <Group
        title={REDACTION_KIND_NAMES.subject}
        id="subject"
        rows={of(['subject'])}
        set={set}
        hint={`Not replaced unless you tick it: families know who the review is about. Ticked, their name becomes “${SUBJECT_ROLE}”.`}
        empty="The case does not name the person on probation."
      />
      <AddName onAdd={(name, role) => onChange(withName(plan, name, role))} />
    </section>
  );
}

function Group(props: {
  title: string;
  id: string;
  rows: { r: Replacement; i: number }[];
  set: (i: number, patch: Partial<Replacement>) => void;
  /** A role to choose for each row: third parties. */
  roles?: boolean;
  hint?: string;
  empty?: string;
}) {
  const { rows, set } = props;
  const titleId = `redaction-${props.id}-title`;
  return (
    <section className="redaction-preview__group" aria-labelledby={titleId}>
      <h4 id={titleId} className="heading-s">{props.title}</h4>
      {props.hint && <p className="hint">{props.hint}</p>}
      {rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table className="table table--compact redaction-preview__table">
          <caption className="visually-hidden">{props.title}: what is found, what it becomes, and in how many places</caption>
          <thead>
            <tr>
              <th scope="col">Replace</th>
              <th scope="col">Found</th>
              <th scope="col">Becomes</th>
              <th scope="col" className="numeric">Places</th>
              <th scope="col">Who or what</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, i }) => (
              <tr key={i} className={r.on ? undefined : 'redaction-preview__off'}>
                <td>
                  <div className="checkbox">
                    <input id={`redaction-${i}-on`} type="checkbox" checked={r.on} onChange={(e) => set(i, { on: e.target.checked })} />
                    <label htmlFor={`redaction-${i}-on`} className="visually-hidden">Replace {r.original}</label>
                  </div>
                </td>
                <td className="redaction-preview__found">{r.original}</td>
                <td>
                  {props.roles ? (
                    <>
                      <label htmlFor={`redaction-${i}-role`} className="visually-hidden">Role for {r.original}</label>
                      <select id={`redaction-${i}-role`} className="select redaction-preview__role" value={r.replacement} onChange={(e) => set(i, { replacement: e.target.value })}>
                        {[...new Set([...THIRD_PARTY_ROLES, r.replacement])].map((role) => (
                          <option key={role} value={role}>{role}</option>
                        ))}
                      </select>
                    </>
                  ) : (
                    r.replacement
                  )}
                </td>
                <td className="numeric">{r.places}</td>
                <td>
                  {r.who}
                  {r.examples && r.examples.length > 0 && (
                    <>
                      <span className="redaction-preview__where">{r.partOf ? 'Where a sentence starts with it:' : 'Where:'}</span>
                      <ul className="redaction-preview__examples">
                        {r.examples.map((e) => (
                          <li key={e}>“{e}”</li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A name the tool missed, with the role it is to be given. */
function AddName({ onAdd }: { onAdd: (name: string, role: string) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(THIRD_PARTY_ROLES[0]);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const add = () => {
    if (!name.trim()) {
      setError('Enter the name to redact');
      setAdded(null);
      return;
    }
    onAdd(name, role);
    setAdded(`${name.trim()} is added: it becomes “${role}”.`);
    setName('');
    setError(null);
  };
  return (
    // Not a form of its own: the preview may sit inside the form that writes the copy.
    <fieldset className="form-fieldset redaction-preview__add">
      <legend className="form-fieldset__legend">Add a name to redact</legend>
      <p id="redaction-add-hint" className="hint">A name the list above does not hold: each time it appears, and its first name or surname on its own, is replaced.</p>
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="redaction-add-name">Name</label>
        {error && <p id="redaction-add-name-error" className="error-message"><span className="visually-hidden">Error:</span> {error}</p>}
        <input
          id="redaction-add-name"
          className={`input redaction-preview__name${error ? ' input--error' : ''}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
          aria-describedby={error ? 'redaction-add-hint redaction-add-name-error' : 'redaction-add-hint'}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="form-group">
        <label className="label" htmlFor="redaction-add-role">Role</label>
        <select id="redaction-add-role" className="select" value={role} onChange={(e) => setRole(e.target.value)}>
          {THIRD_PARTY_ROLES.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--secondary" onClick={add}>Add name</button>
      <p role="status">{added}</p>
    </fieldset>
  );
}
