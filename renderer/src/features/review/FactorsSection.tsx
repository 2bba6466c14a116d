import { count } from '../../../../shared/domain/words.js';
import { nextId, putItem, removeItem } from '../../../../shared/review/edits.js';
import { naming } from '../../../../shared/review/registerForms.js';
import type { Factor } from '../../../../shared/schemas/review.js';
import { href } from '../shell/useHashRoute.js';
import { useReviewWork } from './reviewContext.js';
import { FactorForm } from './registers/FactorForm.js';
import { ItemLinks, useNamedItems, useRecordName } from './registers/ItemLinks.js';
import { ACCIMAP_LEVEL_NAMES, SEIPS_NAMES } from '../../../../shared/review/words.js';
import { ConfirmDelete, RegisterPanel, RowActions, useRegister } from './registers/Register.js';

/** Contributory factors: the conditions behind the practice, each placed in the system, with where the review links it. */
export function FactorsSection() {
  const { caseId, review, save } = useReviewWork();
  const recordName = useRecordName();
  const { editing, heading, open, close, deleted } = useRegister();
  const named = useNamedItems();
  const factors = review?.factors ?? [];
  const changing = editing?.mode === 'change' ? factors.find((f) => f.id === editing.id) : undefined;
  const deleting = editing?.mode === 'delete' ? factors.find((f) => f.id === editing.id) : undefined;

  /** Where a factor is linked: the episodes, chronology notes and findings that name it. */
  const linksOf = (id: string) => ({
    episodes: (review?.episodes ?? []).filter((e) => e.factors.includes(id)).map((e) => e.id),
    notes: (review?.annotations ?? []).filter((a) => a.factors.includes(id)).map((a) => a.record),
    findings: (review?.findings ?? []).filter((f) => f.factors.includes(id)).map((f) => f.id),
  });
  const remove = async (f: Factor) => {
    if (!review) return;
    if (await save(naming(removeItem(review, 'factors', f.id), f.text))) deleted();
  };

  return (
    <section aria-labelledby="factors-heading">
      <h2 id="factors-heading" className="heading-m" tabIndex={-1} ref={heading}>Contributory factors</h2>
      <p className="register__intro">
        The conditions that made the practice more or less likely, each placed at its level of the system (AcciMap), in the work system (SEIPS), and with the
        underlying pattern it is an instance of (SCIE). Link them to episodes, chronology notes and findings where those are written.
      </p>
      {factors.length === 0 ? (
        <p>No contributory factors yet.</p>
      ) : (
        <table className="table table--compact register__table">
          <caption className="visually-hidden">Contributory factors</caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Level</th>
              <th scope="col">Work system</th>
              <th scope="col">Pattern</th>
              <th scope="col">Linked to</th>
              <th scope="col"><span className="visually-hidden">Change or delete</span></th>
            </tr>
          </thead>
          <tbody>
            {factors.map((f) => {
              const links = linksOf(f.id);
              const none = links.episodes.length + links.notes.length + links.findings.length === 0;
              return (
                <tr key={f.id} data-factor={f.id}>
                  <td className="register__text"><span className="register__id">{f.id}</span> {f.text}</td>
                  <td>{ACCIMAP_LEVEL_NAMES[f.level]}</td>
                  <td>{f.seips ? SEIPS_NAMES[f.seips] : <span className="register__meta">Not chosen</span>}</td>
                  <td>{f.pattern || <span className="register__meta">Not given</span>}</td>
                  <td>
                    {none && <span className="register__meta">Not linked yet</span>}
                    {links.episodes.length > 0 && (
                      <div className="register__linked">
                        <span className="register__linked-name">{count(links.episodes.length, 'episode')}</span>
                        <ItemLinks section="episodes" items={named.episodes(links.episodes)} />
                      </div>
                    )}
                    {links.notes.length > 0 && (
                      <div className="register__linked">
                        <span className="register__linked-name">{count(links.notes.length, 'chronology note')}</span>
                        <ul className="register__links">
                          {links.notes.map((record) => <li key={record}><a href={href.case(caseId, 'chronology')}>{recordName(record)}</a></li>)}
                        </ul>
                      </div>
                    )}
                    {links.findings.length > 0 && (
                      <div className="register__linked">
                        <span className="register__linked-name">{count(links.findings.length, 'finding')}</span>
                        <ItemLinks section="findings" items={named.findings(links.findings)} />
                      </div>
                    )}
                  </td>
                  <td>
                    <RowActions name={`factor ${f.id}`} onChange={() => open({ mode: 'change', id: f.id })} onDelete={() => open({ mode: 'delete', id: f.id })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={() => open({ mode: 'add' })}>Add a contributory factor</button>
      </div>
      {(editing?.mode === 'add' || changing) && (
        <RegisterPanel id="factor-form" title={changing ? `Change contributory factor ${changing.id}` : 'Add a contributory factor'}>
          <FactorForm
            key={changing?.id ?? 'new'}
            id={changing?.id ?? nextId(review, 'factors')}
            factor={changing}
            onSave={(factor) => save(naming(putItem('factors', factor, !changing), factor.text))}
            onClose={close}
          />
        </RegisterPanel>
      )}
      {deleting && (
        <ConfirmDelete
          id="factor-delete"
          name={`contributory factor ${deleting.id}`}
          consequence={consequence(linksOf(deleting.id))}
          onConfirm={() => void remove(deleting)}
          onCancel={close}
        />
      )}
    </section>
  );
}

/** What deleting a factor takes with it, in words. */
function consequence(links: { episodes: string[]; notes: string[]; findings: string[] }): string {
  const parts = [
    links.episodes.length > 0 && count(links.episodes.length, 'episode'),
    links.notes.length > 0 && count(links.notes.length, 'chronology note'),
    links.findings.length > 0 && count(links.findings.length, 'finding'),
  ].filter(Boolean);
  return parts.length === 0 ? 'Nothing links to it.' : `It is linked from ${parts.join(', ')}: deleting it takes it out of them too.`;
}
