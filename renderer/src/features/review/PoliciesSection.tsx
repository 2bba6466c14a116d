import { useMemo } from 'react';
import { nextId, putItem, removeItem } from '../../../../shared/review/edits.js';
import { POLICY_RULE } from '../../../../shared/review/policies.js';
import { citations } from '../../../../shared/review/quality.js';
import { naming } from '../../../../shared/review/registerForms.js';
import type { Policy } from '../../../../shared/schemas/review.js';
import { count } from '../../../../shared/domain/words.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { href } from '../shell/useHashRoute.js';
import { useReviewWork } from './reviewContext.js';
import { RECALL_STEP_LABELS } from '../../../../shared/review/recallTiming.js';
import { PolicyForm } from './registers/PolicyForm.js';
import { PolicySuggestions } from './registers/PolicySuggestions.js';
import { ConfirmDelete, RegisterPanel, RowActions, useRegister } from './registers/Register.js';

/** When a policy applied, in words; dates not given are said to be missing, never guessed. */
function inForce(p: Policy) {
  if (p.from && p.to) return `${formatUkDate(p.from)} to ${formatUkDate(p.to)}`;
  if (p.from) return `From ${formatUkDate(p.from)}: still in force`;
  if (p.to) return `Until ${formatUkDate(p.to)} (first date not given)`;
  return null;
}

/** The policy in force: the guidance each episode is judged by, with the dates it applied; a citation outside them is flagged. */
export function PoliciesSection() {
  const { caseId, review, save } = useReviewWork();
  const { editing, heading, open, close, deleted } = useRegister();
  const policies = review?.policies ?? [];
  const cited = useMemo(() => (review ? citations(review) : []), [review]);
  const titles = new Map((review?.episodes ?? []).map((e) => [e.id, e.title]));
  const changing = editing?.mode === 'change' ? policies.find((p) => p.id === editing.id) : undefined;
  const deleting = editing?.mode === 'delete' ? policies.find((p) => p.id === editing.id) : undefined;

  const addSuggested = (name: string) => {
    const id = nextId(review, 'policies');
    void save({ ...putItem('policies', { id, name, from: null, to: null }, true), what: `Policy ${id} added from the suggestions: ${name} (dates to fill in)` });
  };
  const remove = async (p: Policy) => {
    if (!review) return;
    if (await save(naming(removeItem(review, 'policies', p.id), p.name))) deleted();
  };

  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading" className="heading-m" tabIndex={-1} ref={heading}>Policies in force</h2>
      <p className="register__intro">{POLICY_RULE} Add the guidance and policies that applied during the case, with the dates each applied, so each episode is judged by the rules of its day, not today’s.</p>
      {policies.length === 0 ? (
        <p>No policies in the register yet.</p>
      ) : (
        <table className="table table--compact register__table">
          <caption className="visually-hidden">Policies in the register</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">In force</th>
              <th scope="col">What it requires</th>
              <th scope="col">Time limits</th>
              <th scope="col">Cited by</th>
              <th scope="col"><span className="visually-hidden">Change or delete</span></th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => {
              const by = cited.filter((c) => c.policy === p.id);
              const when = inForce(p);
              return (
                <tr key={p.id} data-policy={p.id}>
                  <td>
                    <span className="register__id">{p.id}</span> <strong>{p.name}</strong>
                    {p.version && <div className="register__meta">Version {p.version}</div>}
                  </td>
                  <td>{when ?? <strong className="tag tag--yellow tag--inline">Dates to fill in</strong>}</td>
                  <td className="register__text">{p.requires || <span className="register__meta">Not given</span>}</td>
                  <td>
                    {(p.targets ?? []).length === 0 ? (
                      <span className="register__meta">None</span>
                    ) : (
                      <ul className="register__links">
                        {(p.targets ?? []).map((t, i) => (
                          <li key={i}>{RECALL_STEP_LABELS[t.to]} within {count(t.withinHours, 'hour')} of {RECALL_STEP_LABELS[t.from].toLowerCase()}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {by.length === 0 ? (
                      <span className="register__meta">No episode yet</span>
                    ) : (
                      <ul className="register__links">
                        {by.map((c) => (
                          <li key={c.episode}>
                            <a href={href.review(caseId, 'episodes')}>{c.episode}: {titles.get(c.episode)}</a>
                            {c.outOfDate && (
                              <p className="register__warning">
                                <strong className="tag tag--red tag--inline">Outside its dates</strong> The decision was on {c.date && formatUkDate(c.date)}; {c.outOfDate}.
                              </p>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <RowActions name={`policy ${p.id}, ${p.name}`} onChange={() => open({ mode: 'change', id: p.id })} onDelete={() => open({ mode: 'delete', id: p.id })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={() => open({ mode: 'add' })}>Add a policy</button>
      </div>
      {(editing?.mode === 'add' || changing) && (
        <RegisterPanel id="policy-form" title={changing ? `Change policy ${changing.id}: ${changing.name}` : 'Add a policy'}>
          <PolicyForm
            key={changing?.id ?? 'new'}
            id={changing?.id ?? nextId(review, 'policies')}
            policy={changing}
            onSave={(policy) => save(naming(putItem('policies', policy, !changing), policy.name))}
            onClose={close}
          />
        </RegisterPanel>
      )}
      {deleting && (
        <ConfirmDelete
          id="policy-delete"
          name={`policy ${deleting.id}, ${deleting.name}`}
          consequence={
            cited.some((c) => c.policy === deleting.id)
              ? `It is cited by ${count(new Set(cited.filter((c) => c.policy === deleting.id).map((c) => c.episode)).size, 'episode')}: deleting it takes it out of them too.`
              : 'No episode cites it.'
          }
          onConfirm={() => void remove(deleting)}
          onCancel={close}
        />
      )}
      <PolicySuggestions policies={policies} onAdd={addSuggested} />
    </section>
  );
}
