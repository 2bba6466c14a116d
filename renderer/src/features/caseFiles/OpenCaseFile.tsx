import { useState, type FormEvent } from 'react';
import { useDataKey } from '../../store/context.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { fingerprintForPeople } from '../../../../shared/audit/fingerprints.js';
import { count } from '../../../../shared/domain/words.js';
import { formatInstant } from '../../../../shared/time/display.js';
import type { Standing } from '../../store/knownSigners.js';
import { CaseFileProblem, type CaseInFile, type SignerInFile } from '../../app/caseFileProtocol.js';
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
      // A training pack goes straight to its walkthrough, for the presenter to open.
      const [pack] = cases;
      if (cases.length === 1 && pack?.trainingPack) return navigate(href.training(pack.id, { present: true }));
      setState({ step: 'received', cases });
    } catch (err) {
      failed(err);
    }
  };

  return (
    // What the file holds, and who signed it, is a table: it has the width of the page.
    <div className={state.step === 'preview' ? 'page' : 'page page--narrow'}>
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Open a case file</h1>
      {state.step === 'received' ? (
        <div className="notification notification--success" role="status">
          <p><strong>Added to this computer.</strong> The case file's audit trail was checked and the receipt recorded in it.</p>
          <ul>{state.cases.map((c) => <li key={c.id}><a href={c.forResponse ? href.case(c.id, 'review') : href.case(c.id)}>{c.title}</a>{c.forResponse && ': a copy for your response, on its Review tab'}</li>)}</ul>
        </div>
      ) : state.step === 'preview' ? (
        <>
          {state.cases.some((c) => c.unverified) ? (
            <div className="warning-text">
              <span className="warning-text__icon" aria-hidden="true">!</span>
              <strong className="warning-text__text">
                <span className="visually-hidden">Warning</span> No trail: unverified. This file was written before Foresight kept audit trails, so nothing shows who made it or whether it was changed
                since. Its trail starts when you add it.
              </strong>
            </div>
          ) : (
            <p>The file opened and its audit trail is intact. It holds:</p>
          )}
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
          {!state.cases.every((c) => c.unverified) && <Signers cases={state.cases} />}
          {state.cases.some((c) => c.trainingPack) && <p><strong>This is a training pack.</strong> Once it is added, its walkthrough opens, ready to present.</p>}
          {state.cases.some((c) => c.forResponse) && (
            <p><strong>This is a copy of a review sent for your response.</strong> Once it is added, its Review tab shows each finding you are asked to answer, with your view of the case at the decision.</p>
          )}
          {state.cases.some((c) => c.reply && c.alreadyHere) && (
            <div className="notification notification--info">
              <p>
                <strong>This is a practitioner’s reply to your review.</strong> Adding it here would replace your case with their copy. Merge it instead: their
                responses are added beside your findings, and nothing else changes.
              </p>
              <ul>{state.cases.filter((c) => c.reply && c.alreadyHere).map((c) => <li key={c.id}><a href={href.review(c.id, 'responses')}>Merge the reply into {c.title}</a></li>)}</ul>
            </div>
          )}
          <div className="button-group">
            {!state.cases.every((c) => c.reply && c.alreadyHere) && <button type="button" className="button" onClick={() => void receive()}>Add to this computer</button>}
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

/** The signers of every case in the file, once each, with the entries each signed. */
function signersOf(cases: readonly CaseInFile[]): SignerInFile[] {
  const byKey = new Map<string, SignerInFile>();
  for (const s of cases.flatMap((c) => c.signers)) {
    const seen = byKey.get(s.fingerprint);
    byKey.set(s.fingerprint, seen ? { ...seen, entries: seen.entries + s.entries } : s);
  }
  return [...byKey.values()];
}

const ukDay = (iso: string) => formatInstant(iso).replace(/, \d{2}:\d{2}$/, '');

/** Where a signer stands with this computer, in plain words. */
function standingWords(standing: Standing, name: string): string {
  switch (standing.standing) {
    case 'firstSeen':
      return 'First seen: this computer has not seen this key before';
    case 'known':
      return `Known: seen here since ${ukDay(standing.firstSeen)}${standing.knownAs !== name ? ` as ${standing.knownAs}` : ''}, fingerprint not yet compared`;
    case 'confirmed':
      return `Confirmed: its fingerprint has been compared with ${standing.knownAs}’s`;
    case 'changedKey':
      return 'Different key for a name already known';
  }
}

/**
 * Who signed the file's entries, and whether this computer knows their keys. A name is only what the sender typed;
 * a key already known under the same name, and not this one, is said plainly before anything is stored.
 */
function Signers({ cases }: { cases: readonly CaseInFile[] }) {
  const signers = signersOf(cases);
  const unsigned = cases.reduce((n, c) => n + c.unsigned, 0);
  return (
    <>
      {signers.map((s) =>
        s.standing.standing === 'changedKey' ? (
          <div className="warning-text" key={`warning-${s.fingerprint}`}>
            <span className="warning-text__icon" aria-hidden="true">!</span>
            <strong className="warning-text__text">
              <span className="visually-hidden">Warning</span> {s.name} signed with a key that is not the key this computer knows for {s.name}
              {' '}({s.standing.others.map((o) => `first seen ${ukDay(o.firstSeen)}`).join('; ')}). Someone else may be using that name. Before you add this file, ask {s.name}, by phone or in person, to read you their fingerprint, and check it is {fingerprintForPeople(s.fingerprint)}.
            </strong>
          </div>
        ) : null,
      )}
      {signers.length > 0 ? (
        <table className="table">
          <caption className="table__caption">Who signed the audit trail</caption>
          <thead><tr><th scope="col">Signed by</th><th scope="col">Fingerprint</th><th scope="col" className="numeric">Entries signed</th><th scope="col">On this computer</th></tr></thead>
          <tbody>
            {signers.map((s) => (
              <tr key={s.fingerprint}>
                <td>{s.name}</td>
                <td><code className="nowrap">{fingerprintForPeople(s.fingerprint)}</code></td>
                <td className="numeric">{s.entries.toLocaleString('en-GB')}</td>
                <td>{s.standing.standing === 'changedKey' ? <strong>{standingWords(s.standing, s.name)}</strong> : standingWords(s.standing, s.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No entry of its audit trail is signed.</p>
      )}
      {signers.length > 0 && unsigned > 0 && <p>{count(unsigned, 'entry', 'entries')} of its audit trail {unsigned === 1 ? 'is' : 'are'} not signed.</p>}
    </>
  );
}
