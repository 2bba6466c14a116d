import { useState, type FormEvent } from 'react';
import { formatInstant } from '../../../../shared/time/display.js';
import { backupsKept, listBackups, type Backup, type BackupReason } from '../../store/backups.js';
import { useDataKey } from '../../store/context.js';
import { MIN_PASSPHRASE } from '../../store/keyring.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { href } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { newPassphraseErrors, type NewPassphraseErrors } from '../unlock/newPassphrase.js';
import { saveFile } from '../shell/saveFile.js';
import { useStored } from '../../app/useStored.js';

const REASONS: Record<BackupReason, string> = { import: 'After an import', daily: 'Daily', beforeRestore: 'Before being replaced' };
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Every case's backups (encrypted in the store like everything else): restore any, or export everything. */
export function BackupsPage() {
  const dataKey = useDataKey();
  const data = useStored(async (db) => ({ backups: await listBackups(db), kept: await backupsKept(db) }), []);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; caseId?: string } | null>(null);
  usePageTitle('Backups');
  const restore = async (backup: Backup) => {
    setConfirm(null);
    setMessage({ ok: true, text: 'Restoring…' });
    try {
      const { caseId } = await runCaseFileJob(dataKey, { type: 'restore', backupId: backup.id });
      setMessage({ ok: true, text: `Restored ${backup.title} as it was on ${formatInstant(backup.at)}. The case as it was before is kept as a backup.`, caseId });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  if (!data) return <p className="page">Loading…</p>;
  return (
    <div className="page">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Backups</h1>
      <p>Foresight keeps an encrypted copy of a case, with its audit trail, after each import and once a day while the case is in use. The newest {data.kept} of each case are kept (<a href={href.settings()}>change this in Settings</a>). Deleting a case deletes its backups too.</p>
      {message && (
        <div className={`notification ${message.ok ? 'notification--success' : 'notification--error'}`} role="status">
          <p>{message.text} {message.caseId && <a href={href.case(message.caseId, 'activity')}>Open the case</a>}</p>
        </div>
      )}
      {confirm && (
        <div className="notification" role="alertdialog" aria-labelledby="confirm-restore">
          <p id="confirm-restore"><strong>Restore {confirm.title} to how it was on {formatInstant(confirm.at)}?</strong> Everything in the case now is replaced; a backup of it is made first.</p>
          <div className="button-group">
            <button type="button" className="button button--warning" onClick={() => void restore(confirm)}>Yes, restore this backup</button>
            <button type="button" className="link-button" onClick={() => setConfirm(null)}>Cancel</button>
          </div>
        </div>
      )}
      {data.backups.length === 0 ? (
        <p>There are no backups yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead><tr><th scope="col">Case</th><th scope="col">When</th><th scope="col">Why</th><th scope="col" className="numeric">Records</th><th scope="col" className="numeric">Trail entries</th><th scope="col" className="numeric">Size</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.id}>
                <td>{b.title}<br /><span className="hint">CRN {b.crn}</span></td>
                <td className="nowrap">{formatInstant(b.at)}</td>
                <td>{REASONS[b.reason]}</td>
                <td className="numeric">{b.records.toLocaleString('en-GB')}</td>
                <td className="numeric">{b.entries}</td>
                <td className="numeric">{size(b.size)}</td>
                <td><button type="button" className="button button--secondary button--small" onClick={() => setConfirm(b)}>Restore<span className="visually-hidden"> {b.title} from {formatInstant(b.at)}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ExportEverything />
    </div>
  );
}

function ExportEverything() {
  const dataKey = useDataKey();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [state, setState] = useState<'form' | 'working' | { saved: string; cases: number }>('form');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = newPassphraseErrors(passphrase, again);
    setErrors(problems);
    setFailure(undefined);
    if (problems.passphrase || problems.again) return;
    setState('working');
    try {
      const { bytes, cases } = await runCaseFileJob(dataKey, { type: 'exportEverything', passphrase });
      const fileName = `foresight-everything-${new Date().toISOString().slice(0, 10)}.foresight`;
      saveFile(bytes, fileName, 'application/octet-stream');
      setState({ saved: fileName, cases });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setState('form');
    }
  };
  return (
    <section className="section-break" aria-labelledby="everything">
      <h2 className="heading-m" id="everything">Export everything</h2>
      <p>One encrypted file with every case on this computer and its audit trail: to move to a new computer, or to keep somewhere safe. Open it with <a href={href.open()}>Open a case file</a>.</p>
      {typeof state === 'object' ? (
        <div className="notification notification--success" role="status"><p><strong>Saved {state.saved}</strong> with {state.cases} {state.cases === 1 ? 'case' : 'cases'}.</p></div>
      ) : (
        <>
          {failure && <p className="error-message" role="alert">{failure}</p>}
          <ErrorSummary errors={{ 'everything-passphrase': errors.passphrase, 'everything-again': errors.again }} labels={{ 'everything-passphrase': 'Passphrase for the file', 'everything-again': 'Passphrase again' }} />
          <form onSubmit={submit} noValidate>
            <TextField id="everything-passphrase" label="Passphrase for the file" hint={`At least ${MIN_PASSPHRASE} characters.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
            <TextField id="everything-again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
            <button type="submit" className="button button--secondary" disabled={state === 'working'}>{state === 'working' ? 'Encrypting…' : 'Export everything'}</button>
          </form>
        </>
      )}
    </section>
  );
}
