import { useState, type FormEvent } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { RESPONSE_STATUS_NAMES } from '../../../../shared/review/words.js';
import { useDataKey } from '../../store/context.js';
import { CaseFileProblem, type ReplyPreview } from '../../app/caseFileProtocol.js';
import type { MergeSummary } from '../../../../shared/review/reply.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';

type Step = { step: 'choose' } | { step: 'working'; what: string } | { step: 'preview'; preview: ReplyPreview } | { step: 'merged'; summary: MergeSummary };

const EXCERPT = 140;

/**
 * The reviewer merges a practitioner's reply: first what it would add (or why it cannot be merged), then, when they
 * say so, its responses beside their findings. A reply that changed anything but responses is refused whole.
 */
export function MergeReply({ caseId }: { caseId: string }) {
  const dataKey = useDataKey();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);
  const failed = (err: unknown) => {
    if (err instanceof CaseFileProblem) setErrors({ [err.about]: err.message });
    else setFailure(err instanceof Error ? err.message : String(err));
    setState({ step: 'choose' });
  };
  const job = <T extends 'previewReply' | 'mergeReply'>(type: T) => {
    if (!file) throw new Error('Choose the reply');
    return { type, caseId, file, passphrase };
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (!file) problems.file = 'Choose the reply file';
    if (!passphrase) problems.passphrase = 'Enter the passphrase the reply was sent with';
    setErrors(problems);
    setFailure(null);
    if (problems.file || problems.passphrase) return;
    setState({ step: 'working', what: 'Opening…' });
    try {
      setState({ step: 'preview', preview: await runCaseFileJob(dataKey, job('previewReply')) });
    } catch (err) {
      failed(err);
    }
  };
  const merge = async () => {
    if (state.step !== 'preview') return;
    setState({ step: 'working', what: 'Merging…' });
    try {
      const merged = await runCaseFileJob(dataKey, job('mergeReply'));
      // Refused now, though the preview was not: the case changed in between. Show why, as the preview would.
      setState(merged.ok ? { step: 'merged', summary: merged.summary } : { step: 'preview', preview: merged });
    } catch (err) {
      failed(err);
    }
  };

  if (state.step === 'merged') {
    const { summary } = state;
    return (
      <div className="notification notification--success" role="status">
        <p>
          <strong>Merged.</strong>{' '}
          {summary.responses.length > 0
            ? `${count(summary.responses.length, 'response')} added beside ${summary.responses.length === 1 ? 'its finding' : 'their findings'}, with the practitioner’s signed trail entries.`
            : 'Nothing new.'}
        </p>
        <p>
          <button type="button" className="link-button" onClick={() => setState({ step: 'choose' })}>Merge another reply</button>
        </p>
      </div>
    );
  }
  if (state.step === 'preview') {
    const { preview } = state;
    if (!preview.ok) {
      return (
        <div className="notification notification--error" role="alert">
          <p>
            <strong>This reply cannot be merged, and nothing has been stored.</strong> {preview.reason}
          </p>
          <p>A reply may only add responses: ask the practitioner to send their responses again from the copy you sent them.</p>
          <p>
            <button type="button" className="link-button" onClick={() => setState({ step: 'choose' })}>Choose another file</button>
          </p>
        </div>
      );
    }
    if (preview.nothingNew || preview.responses.length === 0) {
      return (
        <div className="notification notification--info" role="status">
          <p>
            <strong>Nothing new.</strong> Every response in this reply from {preview.from} is already in the case: merging it again would add nothing.
          </p>
          <p>
            <button type="button" className="link-button" onClick={() => setState({ step: 'choose' })}>Choose another file</button>
          </p>
        </div>
      );
    }
    return (
      <>
        <p>
          The reply opened and its audit trail is intact. It is from <strong>{preview.from}</strong> and adds {count(preview.responses.length, 'response')}; it
          changes nothing else.
        </p>
        <table className="table">
          <caption className="visually-hidden">Responses the reply adds</caption>
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col">Version</th>
              <th scope="col">Answer</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {preview.responses.map((r) => (
              <tr key={`${r.finding}:${r.version}`}>
                <td>
                  {r.finding}
                  {r.earlierWording && (
                    <>
                      {' '}
                      <strong className="tag tag--yellow">Answers an earlier wording</strong>
                    </>
                  )}
                </td>
                <td className="numeric">{r.version}</td>
                <td>{RESPONSE_STATUS_NAMES[r.status]}</td>
                <td>{r.text.length > EXCERPT ? `${r.text.slice(0, EXCERPT)}…` : r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.responses.some((r) => r.earlierWording) && (
          <p className="hint">A response marked “answers an earlier wording” was written to a finding you have changed since you sent the copy: both wordings stay readable beside it.</p>
        )}
        <div className="button-group">
          <button type="button" className="button" onClick={() => void merge()}>
            Merge {count(preview.responses.length, 'response')}
          </button>
          <button type="button" className="link-button" onClick={() => setState({ step: 'choose' })}>Cancel</button>
        </div>
      </>
    );
  }
  return (
    <>
      {failure && (
        <div className="notification notification--error" role="alert">
          <p>The reply could not be read: {failure}</p>
        </div>
      )}
      <ErrorSummary errors={errors} labels={{ file: 'Reply file', passphrase: 'The reply’s passphrase' }} targets={{ file: 'reply-file', passphrase: 'reply-passphrase' }} />
      <form onSubmit={(e) => void open(e)} noValidate className="review-form">
        <div className={`form-group${errors.file ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="reply-file">The practitioner’s reply</label>
          <div id="reply-file-hint" className="hint">The encrypted file (<code>.foresight</code>) they sent back. Nothing is stored until you have seen what it adds.</div>
          {errors.file && <p id="reply-file-error" className="error-message">{errors.file}</p>}
          <input
            id="reply-file"
            type="file"
            className={`file-upload${errors.file ? ' file-upload--error' : ''}`}
            accept=".foresight"
            aria-describedby={`reply-file-hint${errors.file ? ' reply-file-error' : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <TextField id="reply-passphrase" label="The reply’s passphrase" value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="current" />
        <button type="submit" className="button" disabled={state.step === 'working'}>
          {state.step === 'working' ? state.what : 'Open the reply'}
        </button>
      </form>
    </>
  );
}
