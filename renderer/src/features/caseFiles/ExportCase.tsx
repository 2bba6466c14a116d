import { useState, type FormEvent } from 'react';
import { useDataKey } from '../../store/context.js';
import { MIN_PASSPHRASE } from '../../store/keyring.js';
import { findCase } from '../../store/cases.js';
import { CaseGone } from '../cases/CaseGone.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { href } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { runCaseFileJob } from './runCaseFileJob.js';
import { StoredValueDamaged } from '../../app/caseFileProtocol.js';
import { newPassphraseErrors, type NewPassphraseErrors } from '../unlock/newPassphrase.js';
import { saveFile } from '../shell/saveFile.js';
import { useStored } from '../../app/useStored.js';

/** Send a case to a practitioner or a trainer: the whole case and its trail, encrypted with a passphrase. */
export function ExportCase({ caseId }: { caseId: string }) {
  const dataKey = useDataKey();
  const found = useStored((db) => findCase(db, caseId), [caseId]);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [state, setState] = useState<{ step: 'form' } | { step: 'working' } | { step: 'done'; fileName: string } | { step: 'failed'; message: string; damaged: boolean }>({ step: 'form' });
  usePageTitle('Send this case as an encrypted file', found?.title);
  if (found === undefined) return <p className="page">Loading…</p>;
  if (found === null) return <CaseGone />;
  // No CRN, name or title in the file's name: it travels in e-mails and sits in folders that others can list.
  const fileName = `foresight-case-${new Date().toISOString().slice(0, 10)}.foresight`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = newPassphraseErrors(passphrase, again);
    setErrors(problems);
    if (problems.passphrase || problems.again) return;
    setState({ step: 'working' });
    try {
      const { bytes } = await runCaseFileJob(dataKey, { type: 'export', caseId, passphrase, fileName });
      saveFile(bytes, fileName, 'application/octet-stream');
      setState({ step: 'done', fileName });
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err), damaged: err instanceof StoredValueDamaged });
    }
  };
  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.case(caseId, 'activity')}>Back to the case</a>
      <h1 className="heading-l">Send this case as an encrypted file</h1>
      <p>The file holds the whole case, <strong>{found.title}</strong> (CRN {found.crn}), with its audit trail, encrypted with a passphrase you choose. The export is recorded in the trail.</p>
      {state.step === 'done' ? (
        <div className="notification notification--success" role="status">
          <p><strong>Saved {state.fileName}.</strong> Send the passphrase separately from the file: by phone, not in the same email.</p>
          <p><a href={href.case(caseId, 'activity')}>Back to the case</a></p>
        </div>
      ) : (
        <>
          {state.step === 'failed' &&
            (state.damaged ? (
              <div className="notification notification--error" role="alert">
                <p>This case cannot be sent: a stored value of it cannot be read. It has been damaged or changed outside Foresight, and nothing has been exported.</p>
                <p><a href={href.backups()}>Restore a backup of the case</a>, then send it.</p>
              </div>
            ) : (
              <p className="error-message" role="alert">{state.message}</p>
            ))}
          <ErrorSummary errors={errors} labels={{ passphrase: 'Passphrase', again: 'Passphrase again' }} />
          <form onSubmit={submit} noValidate>
            <TextField id="passphrase" label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters. The person you send it to will need it to open the file.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
            <TextField id="again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
            <button type="submit" className="button" disabled={state.step === 'working'}>{state.step === 'working' ? 'Encrypting…' : 'Export encrypted file'}</button>
          </form>
        </>
      )}
    </div>
  );
}
