import { useState, type FormEvent } from 'react';
import { RESPONSE_STATUS_NAMES } from '../../../../shared/review/words.js';
import { RESPONSE_STATUSES, type Finding, type ResponseStatus, type ReviewResponse } from '../../../../shared/schemas/review.js';
import { useResponseSaver } from '../../app/replies.js';
import { ErrorSummary } from '../cases/fields.js';
import { RecordPicker } from '../review/episodes/RecordPicker.js';
import { useReviewWork } from '../review/reviewContext.js';

/** A response being written: saved only when the practitioner says so, as the next version. */
export interface ResponseDraft {
  status: ResponseStatus | null;
  text: string;
  evidence: string[];
}

const STATUS_HINTS: Record<ResponseStatus, string> = {
  accepted: 'You agree with the finding as written.',
  disputed: 'You think the finding is wrong, or unfair to what you knew and carried then.',
  context: 'You add what the finding leaves out, without disputing it.',
};

type Errors = Partial<Record<'status' | 'text', string>>;

/**
 * The practitioner's answer to a finding: accepted, disputed or context added, in their words, with records from the
 * case as evidence. Each save is a new version, signed with their key; an earlier version is never changed.
 */
export function ResponseForm(props: { finding: Finding; draft: ResponseDraft; onDraft: (d: ResponseDraft) => void; near: number | null; versions: readonly ReviewResponse[] }) {
  const { caseId, index } = useReviewWork();
  const { save, status } = useResponseSaver(caseId);
  const { finding, draft, onDraft } = props;
  const id = `response-${finding.id}`;
  const [errors, setErrors] = useState<Errors>({});
  const next = Math.max(0, ...props.versions.map((r) => r.version)) + 1;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Errors = {};
    if (!draft.status) problems.status = 'Choose whether you accept the finding, dispute it, or add context';
    if (!draft.text.trim()) problems.text = 'Write your response';
    setErrors(problems);
    if (problems.status || problems.text || !draft.status) return;
    if (await save({ finding: finding.id, status: draft.status, text: draft.text.trim(), evidence: draft.evidence })) onDraft({ status: null, text: '', evidence: [] });
  };
  return (
    <form className="response-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="heading-s">{next === 1 ? 'Write your response' : `Write version ${next} of your response`}</h4>
      {next > 1 && <p className="hint">Your earlier versions stay as they are: the reviewer sees every one.</p>}
      <div aria-live="polite">
        {status.state === 'saved' && (
          <div className="notification notification--success">
            <p>Version {status.version} saved and signed with your key. Send your reply when you have answered what you want to answer.</p>
          </div>
        )}
        {status.state === 'failed' && <p className="error-message">Not saved: {status.message}</p>}
      </div>
      <ErrorSummary errors={errors} labels={{ status: 'Your answer', text: 'Your response' }} targets={{ status: `${id}-status-${RESPONSE_STATUSES[0]}`, text: `${id}-text` }} />
      <div className={`form-group${errors.status ? ' form-group--error' : ''}`}>
        <fieldset className="form-fieldset" aria-describedby={errors.status ? `${id}-status-error` : undefined}>
          <legend className="form-fieldset__legend">Your answer to the finding</legend>
          {errors.status && <p id={`${id}-status-error`} className="error-message">{errors.status}</p>}
          <div className="radios">
            {RESPONSE_STATUSES.map((s) => (
              <div key={s} className="report-choice">
                <div className="radio">
                  <input id={`${id}-status-${s}`} type="radio" name={`${id}-status`} checked={draft.status === s} onChange={() => onDraft({ ...draft, status: s })} aria-describedby={`${id}-status-${s}-hint`} />
                  <label htmlFor={`${id}-status-${s}`}>{RESPONSE_STATUS_NAMES[s]}</label>
                </div>
                <div id={`${id}-status-${s}-hint`} className="hint hint--s report-choice__hint">{STATUS_HINTS[s]}</div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`form-group${errors.text ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor={`${id}-text`}>Your response</label>
        <div id={`${id}-text-hint`} className="hint">In your own words. The statements from the data above can be added here, and changed.</div>
        {errors.text && <p id={`${id}-text-error`} className="error-message">{errors.text}</p>}
        <textarea
          id={`${id}-text`}
          className="textarea"
          rows={8}
          value={draft.text}
          onChange={(e) => onDraft({ ...draft, text: e.target.value })}
          aria-describedby={`${id}-text-hint${errors.text ? ` ${id}-text-error` : ''}`}
        />
      </div>
      <RecordPicker
        id={`${id}-evidence`}
        legend="Records you rely on"
        hint="Records of the case that support your response: search the chronology by words or a date."
        index={index}
        chosen={draft.evidence}
        onChange={(evidence) => onDraft({ ...draft, evidence })}
        near={props.near}
      />
      <button type="submit" className="button" disabled={status.state === 'saving'}>
        {status.state === 'saving' ? 'Saving…' : `Save version ${next}`}
      </button>
    </form>
  );
}
