import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE, type Keyring } from '../../store/keyring.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { newPassphraseErrors, type NewPassphraseErrors } from './newPassphrase.js';
import { createWithPassphrase, type OpenStore } from './openStore.js';
import { passphraseStrength, suggestPassphrase, type StrengthLevel } from './passphraseStrength.js';

const STRENGTH: Record<StrengthLevel, { title: string; advice: string }> = {
  weak: { title: 'Weak: easy to guess.', advice: 'Add more words, or use a suggested passphrase.' },
  fair: { title: 'Fair: could be stronger.', advice: 'Another word or two would make it much harder to guess.' },
  strong: { title: 'Strong: hard to guess.', advice: 'Make sure you can remember it, or write it down and keep it safe.' },
};

/** First run without an OS secret store: the user chooses the passphrase, guided on its strength, or takes a suggested one. */
export function ChoosePassphrase({ keyring, reason, onOpen, onFail }: { keyring: Keyring; reason: string; onOpen: (store: OpenStore) => void; onFail: (e: unknown) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [suggested, setSuggested] = useState<string | null>(null);
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [busy, setBusy] = useState(false);
  usePageTitle('Protect the cases on this computer');
  const level = passphrase ? passphraseStrength(passphrase).level : null;
  const suggest = async () => {
    const words = await suggestPassphrase();
    setSuggested(words);
    setPassphrase(words);
    // Typed again by hand, so that it is read, and written down, before it protects anything.
    setAgain('');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = newPassphraseErrors(passphrase, again);
    setErrors(found);
    if (found.passphrase || found.again) return;
    setBusy(true);
    try {
      onOpen(await createWithPassphrase(keyring, passphrase));
    } catch (err) {
      onFail(err);
    }
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Protect the cases on this computer</h1>
      <p>Foresight encrypts every case it stores. {reason}</p>
      <p>Choose a passphrase. You will need it each time Foresight opens. <strong>If it is lost, the cases stored here cannot be read</strong>: keep exported case files or backups somewhere safe.</p>
      <ErrorSummary errors={errors} labels={{ passphrase: 'Passphrase', again: 'Passphrase again' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="passphrase" label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters. A few unrelated words are easy to remember and hard to guess.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
        <div className="strength" aria-live="polite">
          {level && (
            <p className={`strength__text strength__text--${level}`}>
              <strong>{STRENGTH[level].title}</strong> {STRENGTH[level].advice}
            </p>
          )}
        </div>
        <p>
          <button type="button" className="button button--secondary" onClick={() => void suggest()}>Suggest a passphrase</button>
        </p>
        {suggested && suggested === passphrase && (
          <div className="inset-text">
            <p>Suggested passphrase: <strong className="suggested-passphrase" data-testid="suggested-passphrase">{suggested}</strong></p>
            <p>Five words chosen at random. Write it down now and keep it somewhere safe, away from this computer. Type it again below.</p>
          </div>
        )}
        <TextField id="again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Protecting…' : 'Protect and open'}</button>
      </form>
    </div>
  );
}
