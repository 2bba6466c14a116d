import { useEffect, useRef, useState, type FormEvent } from 'react';
import { count } from '../../../../../shared/domain/words.js';
import { byDecision, decisionText } from '../../../../../shared/review/episodeEdits.js';
import type { FieldErrors } from '../../../../../shared/review/registerForms.js';
import type { Episode } from '../../../../../shared/schemas/review.js';
import { checkDetails, movePoint, nextPointId, putPoint, putWalkthroughDetails, removePoint } from '../../../../../shared/training/walkthroughEdits.js';
import type { TrainingEdit } from '../../../../../shared/training/sessionEdits.js';
import type { Walkthrough } from '../../../../../shared/training/walkthrough.js';
import { FormErrorSummary, fieldId, TextArea, TextInput } from '../../review/registers/fields.js';
import { ConfirmDelete, RegisterPanel, useRegister } from '../../review/registers/Register.js';
import { PointForm } from './PointForm.js';

type Save = (edit: TrainingEdit) => Promise<boolean>;

/**
 * The walkthrough's editor: its title and the outcome told at the end, then its decision points in the order the room
 * meets them, each added, changed, moved or deleted with a trail entry of its own.
 */
export function WalkthroughEditor({ walkthrough, caseTitle, episodes, save, at }: { walkthrough: Walkthrough | undefined; caseTitle: string; episodes: readonly Episode[]; save: Save; at?: string }) {
  return (
    <>
      <Details walkthrough={walkthrough} caseTitle={caseTitle} save={save} />
      {walkthrough && <Points walkthrough={walkthrough} episodes={episodes} save={save} at={at} />}
    </>
  );
}

function Details({ walkthrough, caseTitle, save }: { walkthrough: Walkthrough | undefined; caseTitle: string; save: Save }) {
  const stored = { title: walkthrough?.title ?? `Case study: ${caseTitle.replace(/^Training copy: /, '')}`, outcome: walkthrough?.outcome ?? '' };
  const [fields, setFields] = useState(stored);
  // The form follows what is stored when that changes (an undo), and keeps what is typed until then.
  const [seen, setSeen] = useState(stored);
  if (seen.title !== stored.title || seen.outcome !== stored.outcome) {
    setSeen(stored);
    setFields(stored);
  }
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDetails(fields);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) await save(putWalkthroughDetails(walkthrough, checked.value.title, checked.value.outcome));
  };
  return (
    <section aria-labelledby="walkthrough-details-heading">
      <h2 id="walkthrough-details-heading" className="heading-m">{walkthrough ? 'The walkthrough' : 'Start a walkthrough'}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrorSummary form="walkthrough" errors={errors} />
        <TextInput id={fieldId('walkthrough', 'title')} label="Walkthrough title" value={fields.title} onChange={(title) => setFields((f) => ({ ...f, title }))} error={errors.title} />
        <TextArea
          id={fieldId('walkthrough', 'outcome')}
          label="What happened in the end"
          hint="Told to the room at the end of the session, or at its start to the group told the outcome in the hindsight exercise."
          value={fields.outcome}
          onChange={(outcome) => setFields((f) => ({ ...f, outcome }))}
          error={errors.outcome}
          rows={3}
        />
        <button type="submit" className="button">{walkthrough ? 'Save the title and outcome' : 'Start the walkthrough'}</button>
      </form>
    </section>
  );
}

function Points({ walkthrough, episodes, save, at }: { walkthrough: Walkthrough; episodes: readonly Episode[]; save: Save; at?: string }) {
  const { editing, heading, open, close, deleted } = useRegister();
  // Come from the timeline's "Use this moment as a decision point": the form opens at that moment, once.
  const [fromTimeline, setFromTimeline] = useState(at);
  useEffect(() => {
    if (fromTimeline) open({ mode: 'add' });
    // Only as the page opens at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromTimeline]);
  const { points } = walkthrough;
  const changing = editing?.mode === 'change' ? points.find((p) => p.id === editing.id) : undefined;
  const deleting = editing?.mode === 'delete' ? points.find((p) => p.id === editing.id) : undefined;
  // After a move the focus follows the point to its new place, on the same button (or the other, at either end).
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1; from: string } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const order = points.map((p) => p.id).join(' ');
  useEffect(() => {
    // Only once the list read back shows the new order.
    if (!moved || moved.from === order || !list.current) return;
    const item = list.current.querySelector(`[data-point="${CSS.escape(moved.id)}"]`);
    const button = item?.querySelector<HTMLButtonElement>(`[data-move="${moved.by}"]`) ?? item?.querySelector<HTMLButtonElement>('[data-move]');
    button?.focus();
    setMoved(null);
  }, [order, moved]);
  const move = async (id: string, by: -1 | 1) => {
    const edit = movePoint(walkthrough, id, by);
    if (edit && (await save(edit))) setMoved({ id, by, from: order });
  };
  return (
    <section aria-labelledby="points-heading">
      <h2 id="points-heading" className="heading-m" tabIndex={-1} ref={heading}>Decision points</h2>
      <p className="register__intro">The room meets them in this order, each at its moment, seeing only what could be known then.</p>
      {points.length === 0 ? (
        <p>No decision points yet.</p>
      ) : (
        <ol className="walkthrough-points" ref={list}>
          {points.map((p, i) => (
            <li key={p.id} className="walkthrough-points__item" data-point={p.id}>
              <h3 className="heading-s walkthrough-points__title"><span className="register__id">{p.id}</span> {p.title}</h3>
              <p className="register__meta">
                At {decisionText(p.at)}{p.episode && <> · from key practice episode {p.episode}</>} · {count(p.options.length, 'option')}
              </p>
              <p className="walkthrough-points__question">{p.question}</p>
              <div className="button-group button-group--tight">
                {i > 0 && <button type="button" className="button button--secondary button--small" data-move="-1" onClick={() => void move(p.id, -1)}>Move up<span className="visually-hidden"> decision point {p.id}</span></button>}
                {i < points.length - 1 && <button type="button" className="button button--secondary button--small" data-move="1" onClick={() => void move(p.id, 1)}>Move down<span className="visually-hidden"> decision point {p.id}</span></button>}
                <button type="button" className="link-button" onClick={() => open({ mode: 'change', id: p.id })}>Change<span className="visually-hidden"> decision point {p.id}</span></button>
                <button type="button" className="link-button link--warning" onClick={() => open({ mode: 'delete', id: p.id })}>Delete<span className="visually-hidden"> decision point {p.id}</span></button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={() => open({ mode: 'add' })}>Add a decision point</button>
      </div>
      {(editing?.mode === 'add' || changing) && (
        <RegisterPanel id="point-form" title={changing ? `Change decision point ${changing.id}` : 'Add a decision point'}>
          <PointForm
            key={changing?.id ?? 'new'}
            id={changing?.id ?? nextPointId(walkthrough)}
            point={changing}
            at={changing ? undefined : fromTimeline}
            episodes={byDecision(episodes)}
            onSave={(point) => save(putPoint(walkthrough, point))}
            onClose={() => {
              setFromTimeline(undefined);
              close();
            }}
          />
        </RegisterPanel>
      )}
      {deleting && (
        <ConfirmDelete
          id="point-delete"
          name={`decision point ${deleting.id}`}
          consequence="Sessions already run keep the answers given at it. You can undo it straight after."
          onConfirm={() => void save(removePoint(walkthrough, deleting.id)).then((ok) => ok && deleted())}
          onCancel={close}
        />
      )}
    </section>
  );
}
