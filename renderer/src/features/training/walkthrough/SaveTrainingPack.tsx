import { useState, type FormEvent } from 'react';
import { StoredValueDamaged } from '../../../app/caseFileProtocol.js';
import { useDataKey } from '../../../store/context.js';
import { MIN_PASSPHRASE } from '../../../store/keyring.js';
import { runCaseFileJob } from '../../caseFiles/runCaseFileJob.js';
import { ErrorSummary, TextField } from '../../cases/fields.js';
import { saveFile } from '../../shell/saveFile.js';
import { href } from '../../shell/useHashRoute.js';
import { newPassphraseErrors, type NewPassphraseErrors } from '../../unlock/newPassphrase.js';

/**
 * "Save a training pack": the training copy with its walkthrough, as one case file encrypted with a passphrase, for a
 * trainer to open on another computer (Open a case file), where it goes straight to the presenter. The saving is
 * recorded in the trail, and marks the file as a pack.
 */
export function SaveTrainingPack({ caseId }: { caseId: string }) {
  const dataKey = useDataKey();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [state, setState] = useState<{ step: 'form' } | { step: 'working' } | { step: 'done'; fileName: string } | { step: 'failed'; message: string; damaged: boolean }>({ step: 'form' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = newPassphraseErrors(passphrase, again);
    setErrors(problems);
    if (problems.passphrase || problems.again) return;
    // No name or title in the file's name: it travels in e-mails and sits in folders that others can list.
    const fileName = `foresight-training-pack-${new Date().toISOString().slice(0, 10)}.foresight`;
    setState({ step: 'working' });
    try {
      const { bytes } = await runCaseFileJob(dataKey, { type: 'trainingPack', caseId, passphrase, fileName });
      saveFile(bytes, fileName, 'application/octet-stream');
      setState({ step: 'done', fileName });
    } catch (err) {
      setState({ step: 'failed', message: err instanceof Error ? err.message : String(err), damaged: err instanceof StoredValueDamaged });
    }
  };
  return (
    <section aria-labelledby="pack-heading">
      <h2 id="pack-heading" className="heading-m">Save a training pack</h2>
      <p>One file holding this training copy and its walkthrough, encrypted with a passphrase you choose. Open it on another computer with <strong>Open a case file</strong>: it goes straight to the presenter.</p>
      {state.step === 'done' && (
        <div className="notification notification--success" role="status">
          <p><strong>Saved {state.fileName}.</strong> Give the passphrase separately from the file: by phone, not in the same email.</p>
        </div>
      )}
      {state.step === 'failed' &&
        (state.damaged ? (
          <div className="notification notification--error" role="alert">
            <p>The pack cannot be saved: a stored value of this case cannot be read. It has been damaged or changed outside Foresight. <a href={href.backups()}>Restore a backup of the case</a>, then save it.</p>
          </div>
        ) : (
          <p className="error-message" role="alert">{state.message}</p>
        ))}
      <ErrorSummary errors={errors} labels={{ passphrase: 'Passphrase', again: 'Passphrase again' }} targets={{ passphrase: 'pack-passphrase', again: 'pack-again' }} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="pack-passphrase" label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters. The trainer opening the pack will need it.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
        <TextField id="pack-again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
        <button type="submit" className="button" disabled={state.step === 'working'}>{state.step === 'working' ? 'Encrypting…' : 'Save a training pack'}</button>
      </form>
    </section>
  );
}
