import { useState, type FormEvent } from 'react';
import { useDataKey } from '../../store/context.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { href } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { CaseFileProblem, type CaseInFile } from './protocol.js';
import { runCaseFileJob } from './runCaseFileJob.js';

type Step =
  | { step: 'choose' }
  | { step: 'working' }
  | { step: 'preview'; cases: CaseInFile[] }
  | { step: 'received'; cases: CaseInFile[] };

/** Open an encrypted case file someone sent: see what it holds, then add it. A wrong passphrase stores nothing. */
export function OpenCaseFile() {
  const dataKey = useDataKey();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle('Open a case file');

  // A problem with the file or the passphrase goes on that field; anything else (the store failing) above the form.
  const failed = (err: unknown) => {
    if (err instanceof CaseFileProblem) setErrors({ [err.about]: err.message });
    else setFailure(err instanceof Error ? err.message : String(err));
    setState({ step: 'choose' });
  };

  // The file itself goes to the worker, which asks its size before reading it.
  const job = <T extends 'open' | 'receive'>(type: T) => {
    if (!file) throw new Error('Choose a case file');
    return { type, file, passphrase, fileName: file.name };
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (!file) problems.file = 'Choose a case file';
    if (!passphrase) problems.passphrase = 'Enter the passphrase the file was sent with';
    setErrors(problems);
    setFailure(null);
    if (problems.file || problems.passphrase) return;
    setState({ step: 'working' });
    try {
      const { cases } = await runCaseFileJob(dataKey, job('open'));
      setState({ step: 'preview', cases });
    } catch (err) {
      failed(err);
    }
  };
  const receive = async () => {
    if (state.step !== 'preview') return;
    const { cases } = state;
    setState({ step: 'working' });
    try {
      await runCaseFileJob(dataKey, job('receive'));
      setState({ step: 'received', cases });
    } catch (err) {
      failed(err);
    }
  };

  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Open a case file</h1>
      {state.step === 'received' ? (
        <div className="notification notification--success" role="status">
          <p><strong>Added to this computer.</strong> The case file's audit trail was checked and the receipt recorded in it.</p>
          <ul>{state.cases.map((c) => <li key={c.id}><a href={href.case(c.id)}>{c.title}</a></li>)}</ul>
        </div>
      ) : state.step === 'preview' ? (
        <>
          <p>The file opened and its audit trail is intact. It holds:</p>
          <table className="table">
            <thead><tr><th scope="col">Case</th><th scope="col">CRN</th><th scope="col" className="numeric">Records</th><th scope="col" className="numeric">Trail entries</th><th scope="col">On this computer</th></tr></thead>
            <tbody>
              {state.cases.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td><td>{c.crn}</td><td className="numeric">{c.records.toLocaleString('en-GB')}</td><td className="numeric">{c.entries}</td>
                  <td>{c.alreadyHere ? <strong>Already here: adding replaces it (a backup of it is kept)</strong> : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-group">
            <button type="button" className="button" onClick={() => void receive()}>Add to this computer</button>
            <button type="button" className="link-button" onClick={() => setState({ step: 'choose' })}>Cancel</button>
          </div>
        </>
      ) : (
        <>
          <p>A case file (<code>.foresight</code>) is a case sent by a reviewer, practitioner or trainer, encrypted with a passphrase. Nothing is stored until you have seen what it holds.</p>
          {failure && <div className="notification notification--error" role="alert"><p>The case file could not be added: {failure}</p></div>}
          <ErrorSummary errors={errors} labels={{ file: 'Case file', passphrase: 'Passphrase' }} />
          <form onSubmit={open} noValidate>
            <div className={`form-group${errors.file ? ' form-group--error' : ''}`}>
              <label className="label" htmlFor="file">Case file</label>
              {errors.file && <p id="file-error" className="error-message"><span className="visually-hidden">Error:</span> {errors.file}</p>}
              <input
                id="file"
                type="file"
                className={`file-upload${errors.file ? ' file-upload--error' : ''}`}
                accept=".foresight"
                aria-describedby={errors.file ? 'file-error' : undefined}
                aria-invalid={errors.file ? true : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <TextField id="passphrase" label="Passphrase" value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="current" />
            <button type="submit" className="button" disabled={state.step === 'working'}>{state.step === 'working' ? 'Opening…' : 'Open'}</button>
          </form>
        </>
      )}
    </div>
  );
}
