import { useState, type FormEvent } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { useDataKey } from '../../store/context.js';
import { MIN_PASSPHRASE } from '../../store/keyring.js';
import { StoredValueDamaged } from '../../app/caseFileProtocol.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import { saveFile } from '../shell/saveFile.js';
import { newPassphraseErrors, type NewPassphraseErrors } from '../unlock/newPassphrase.js';

type State = { step: 'form' } | { step: 'working' } | { step: 'done'; fileName: string } | { step: 'failed'; message: string };

/**
 * The practitioner sends their responses back: the copy with every response they saved, encrypted with a passphrase
 * of their choosing. The reviewer's copy of the app merges it; nothing else in it may have changed.
 */
export function SendReply({ caseId, answered, total }: { caseId: string; answered: number; total: number }) {
  const dataKey = useDataKey();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [state, setState] = useState<State>({ step: 'form' });
  // No name or CRN in the file's name: it travels by e-mail.
  const fileName = `foresight-reply-${new Date().toISOString().slice(0, 10)}.foresight`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = newPassphraseErrors(passphrase, again);
    setErrors(problems);
    if (problems.passphrase || problems.again) return;
    setState({ step: 'working' });
    try {
      const { bytes } = await runCaseFileJob(dataKey, { type: 'sendReply', caseId, passphrase });
      saveFile(bytes, fileName, 'application/octet-stream');
      setState({ step: 'done', fileName });
    } catch (err) {
      setState({
        step: 'failed',
        message: err instanceof StoredValueDamaged ? 'A stored value of this copy cannot be read: it has been damaged or changed outside Foresight. Nothing has been sent.' : err instanceof Error ? err.message : String(err),
      });
    }
  };
  return (
    <section aria-labelledby="send-reply-title">
      <h2 id="send-reply-title" className="heading-l">Send your reply</h2>
      <p>
        You have answered {count(answered, 'finding')} of {total}. The reply holds this copy with every version of your responses, each signed with your key,
        encrypted with a passphrase you choose. Sending is recorded in the trail.
      </p>
      {answered < total && <p className="hint">You can send now and send again later: a later reply adds only what is new.</p>}
      {state.step === 'done' ? (
        <div className="notification notification--success" role="status">
          <p>
            <strong>Saved {state.fileName}.</strong> Send it to the reviewer, and the passphrase by another route: by phone, not in the same e-mail.
          </p>
        </div>
      ) : (
        <>
          {state.step === 'failed' && <p className="error-message" role="alert">{state.message}</p>}
          <ErrorSummary errors={errors} labels={{ passphrase: 'Passphrase', again: 'Passphrase again' }} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextField id="passphrase" label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters. The reviewer will need it to open your reply.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
            <TextField id="again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
            <button type="submit" className="button" disabled={state.step === 'working' || answered === 0}>
              {state.step === 'working' ? 'Encrypting…' : 'Save the encrypted reply'}
            </button>
            {answered === 0 && <p className="hint">Answer at least one finding first.</p>}
          </form>
        </>
      )}
    </section>
  );
}
