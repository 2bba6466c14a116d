import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { bridge } from '../../bridge/index.js';
import { DbContext, DataKeyContext } from '../../store/context.js';
import { MIN_PASSPHRASE, openKeyring } from '../../store/keyring.js';
import { acceptHead, readHead } from '../../store/storeHead.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { Opening } from '../shell/Opening.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { createWithPassphrase, startStore, unlockWithPassphrase, type OpenStore, type StoreStart } from './openStore.js';
import { newPassphraseErrors, type NewPassphraseErrors } from './newPassphrase.js';
import { OlderStore } from './OlderStore.js';

const keyring = openKeyring();
// Started once per window, even when React runs effects twice: two starts could each make a key.
let starting: Promise<StoreStart> | null = null;

type GateState = { step: 'starting' } | { step: 'failed'; message: string } | StoreStart;

/**
 * Nothing of a case is readable until the store is unlocked: by the operating system's secret store on the desktop,
 * else by the user's passphrase. The rest of the app renders only inside an open store.
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ step: 'starting' });
  useEffect(() => {
    starting ??= startStore(keyring, bridge);
    starting.then(setState, (e: unknown) => setState({ step: 'failed', message: e instanceof Error ? e.message : String(e) }));
  }, []);
  const opened = (store: OpenStore) => setState({ step: 'open', store });
  useEffect(() => {
    // Speed figures (npm run bench) count from here, not from the passphrase being typed.
    if (state.step === 'open') performance.mark('store-open');
  }, [state.step]);

  const head = state.step === 'open' ? state.store.head : null;
  if (state.step === 'open' && head && !head.ok) {
    const { store } = state;
    const carryOn = async () => {
      await acceptHead(keyring, store.dataKey, await readHead(store.db));
      setState({ step: 'open', store: { ...store, head: { ok: true } } });
    };
    return (
      <div className="app">
        <header className="app-header">
          <span className="app-header__name">Foresight</span>
        </header>
        <main id="main" tabIndex={-1} className="app-main">
          <OlderStore check={head} onCarryOn={carryOn} />
        </main>
      </div>
    );
  }
  if (state.step === 'open') {
    return (
      <DbContext.Provider value={state.store.db}>
        <DataKeyContext.Provider value={state.store.dataKey}>{children}</DataKeyContext.Provider>
      </DbContext.Provider>
    );
  }
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-header__name">Foresight</span>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {state.step === 'starting' && <Opening />}
        {state.step === 'failed' && <CannotOpen message={state.message} />}
        {state.step === 'choosePassphrase' && <ChoosePassphrase reason={state.reason} onOpen={opened} />}
        {state.step === 'enterPassphrase' && <EnterPassphrase onOpen={opened} />}
      </main>
    </div>
  );
}

function CannotOpen({ message }: { message: string }) {
  usePageTitle('The case store cannot be opened');
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">The case store cannot be opened</h1>
      <p className="error-message" role="alert">{message}</p>
      <p>Nothing has been changed. Your cases stay encrypted on this computer; an exported case file or backup can be opened on another computer.</p>
    </div>
  );
}

function ChoosePassphrase({ reason, onOpen }: { reason: string; onOpen: (store: OpenStore) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [busy, setBusy] = useState(false);
  usePageTitle('Protect the cases on this computer');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = newPassphraseErrors(passphrase, again);
    setErrors(found);
    if (found.passphrase || found.again) return;
    setBusy(true);
    onOpen(await createWithPassphrase(keyring, passphrase));
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Protect the cases on this computer</h1>
      <p>Foresight encrypts every case it stores. {reason}</p>
      <p>Choose a passphrase. You will need it each time Foresight opens. <strong>If it is lost, the cases stored here cannot be read</strong>: keep exported case files or backups somewhere safe.</p>
      <ErrorSummary errors={errors} labels={{ passphrase: 'Passphrase', again: 'Passphrase again' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="passphrase" label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters. A few unrelated words are easy to remember and hard to guess.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
        <TextField id="again" label="Passphrase again" value={again} onChange={setAgain} error={errors.again} password="new" />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Protecting…' : 'Protect and open'}</button>
      </form>
    </div>
  );
}

function EnterPassphrase({ onOpen }: { onOpen: (store: OpenStore) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  usePageTitle('Unlock Foresight');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase) {
      setError('Enter your passphrase');
      return;
    }
    setBusy(true);
    const store = await unlockWithPassphrase(keyring, passphrase);
    setBusy(false);
    if (store) onOpen(store);
    else setError('That passphrase does not unlock the cases on this computer');
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Unlock Foresight</h1>
      <p>The cases on this computer are encrypted. Enter the passphrase chosen when Foresight was first used here.</p>
      <ErrorSummary errors={{ passphrase: error }} labels={{ passphrase: 'Passphrase' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="passphrase" label="Passphrase" value={passphrase} onChange={setPassphrase} error={error} password="current" />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Unlocking…' : 'Unlock'}</button>
      </form>
    </div>
  );
}
