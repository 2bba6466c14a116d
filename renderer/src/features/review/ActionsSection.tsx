import { nextId, putItem, removeItem } from '../../../../shared/review/edits.js';
import { naming } from '../../../../shared/review/registerForms.js';
import type { Action } from '../../../../shared/schemas/review.js';
import { count } from '../../../../shared/domain/words.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { useReviewWork } from './reviewContext.js';
import { ActionForm } from './registers/ActionForm.js';
import { ItemLinks, useNamedItems } from './registers/ItemLinks.js';
import { NoActionReasons } from './registers/NoActionReasons.js';
import { ConfirmDelete, RegisterPanel, RowActions, useRegister, useToday } from './registers/Register.js';

/** The action plan: what the organisation will do about the findings, who owns it, by when, and how progress shows. */
export function ActionsSection() {
  const { review, save } = useReviewWork();
  const { editing, heading, open, close, deleted } = useRegister();
  const named = useNamedItems();
  const actions = review?.actions ?? [];
  const findings = review?.findings ?? [];
  const today = useToday();
  const changing = editing?.mode === 'change' ? actions.find((a) => a.id === editing.id) : undefined;
  const deleting = editing?.mode === 'delete' ? actions.find((a) => a.id === editing.id) : undefined;
  const remove = async (a: Action) => {
    if (!review) return;
    if (await save(naming(removeItem(review, 'actions', a.id), a.action))) deleted();
  };

  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="heading-m" tabIndex={-1} ref={heading}>Action plan</h2>
      <p className="register__intro">Each action answers one or more findings, with an owner, a date it is due, and how progress will be measured.</p>
      {actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <table className="table table--compact register__table">
          <caption className="visually-hidden">Actions</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">How progress is measured</th>
              <th scope="col">Findings</th>
              <th scope="col"><span className="visually-hidden">Change or delete</span></th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id} data-action={a.id}>
                <td className="register__text"><span className="register__id">{a.id}</span> {a.action}</td>
                <td>{a.owner || <span className="register__meta">No owner yet</span>}</td>
                <td className="nowrap">
                  {a.due ? formatUkDate(a.due) : <span className="register__meta">No date yet</span>}
                  {a.due && a.due < today && <strong className="tag tag--red register__past-due">Past due</strong>}
                </td>
                <td className="register__text">{a.measure || <span className="register__meta">Not given</span>}</td>
                <td>{a.findings.length === 0 ? <span className="register__meta">None linked</span> : <ItemLinks section="findings" items={named.findings(a.findings)} />}</td>
                <td>
                  <RowActions name={`action ${a.id}`} onChange={() => open({ mode: 'change', id: a.id })} onDelete={() => open({ mode: 'delete', id: a.id })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={() => open({ mode: 'add' })}>Add an action</button>
      </div>
      {(editing?.mode === 'add' || changing) && (
        <RegisterPanel id="action-form" title={changing ? `Change action ${changing.id}` : 'Add an action'}>
          <ActionForm
            key={changing?.id ?? 'new'}
            id={changing?.id ?? nextId(review, 'actions')}
            action={changing}
            findings={findings}
            onSave={(action) => save(naming(putItem('actions', action, !changing), action.action))}
            onClose={close}
          />
        </RegisterPanel>
      )}
      {deleting && (
        <ConfirmDelete
          id="action-delete"
          name={`action ${deleting.id}`}
          consequence={deleting.findings.length > 0 ? `It answers ${count(deleting.findings.length, 'finding')}: they will need another action or a reason why not.` : 'It answers no finding.'}
          onConfirm={() => void remove(deleting)}
          onCancel={close}
        />
      )}
      <NoActionReasons />
    </section>
  );
}
