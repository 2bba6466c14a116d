import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { bridge } from '../../bridge/index.js';
import { DbContext, DataKeyContext } from '../../store/context.js';
import { openKeyring } from '../../store/keyring.js';
import { getSetting } from '../../store/settings.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { Opening } from '../shell/Opening.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { ChoosePassphrase } from './ChoosePassphrase.js';
import { IDLE_LOCK_SETTING, IdleMinutes, useIdleLock } from './idleLock.js';
import { closeStore, startStore, unlockWithOs, unlockWithPassphrase, whyNotOpened, type OpenStore, type StoreStart } from './openStore.js';
import { acceptHead, readHead } from '../../store/storeHead.js';
import { OlderStore } from './OlderStore.js';
import { useStored } from '../../app/useStored.js';
import { BareShell } from '../shell/BareShell.js';

const keyring = openKeyring();
// Started once per window, even when React runs effects twice: two starts could each make a key.
let starting: Promise<StoreStart> | null = null;

type GateState =
  | { step: 'starting' }
  | { step: 'failed'; message: string }
  | { step: 'choosePassphrase'; reason: string }
  /** `lockedAfter`: the minutes of idle time after which the window locked itself, if it did. */
  | { step: 'enterPassphrase'; lockedAfter?: number }
  | { step: 'osLocked'; lockedAfter: number }
  | { step: 'open'; store: OpenStore };

/**
 * Nothing of a case is readable until the store is unlocked: by the operating system's secret store on the desktop,
 * else by the user's passphrase. The rest of the app renders only inside an open store, and the store locks again
 * after the idle time chosen in Settings. The route (the URL's hash) is left as it is, so unlocking returns to it.
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ step: 'starting' });
  useEffect(() => {
    starting ??= startStore(keyring, bridge);
    starting.then(setState, (e: unknown) => setState({ step: 'failed', message: whyNotOpened(e) }));
  }, []);
  const opened = (store: OpenStore) => setState({ step: 'open', store });
  const failed = (e: unknown) => setState({ step: 'failed', message: whyNotOpened(e) });
  useEffect(() => {
    // Speed figures (npm run bench) count from here, not from the passphrase being typed.
    if (state.step === 'open') performance.mark('store-open');
  }, [state.step]);

  const store = state.step === 'open' ? state.store : null;
  const lock = useCallback(
    (minutes: number) => {
      if (!store) return;
      // The pages holding the store and its key unmount first, so none is left using what is then overwritten.
      flushSync(() => setState(store.protection === 'os' ? { step: 'osLocked', lockedAfter: minutes } : { step: 'enterPassphrase', lockedAfter: minutes }));
      closeStore(store);
    },
    [store],
  );

  const head = store?.head ?? null;
  if (store && head && !head.ok) {
    const carryOn = async () => {
      await acceptHead(keyring, store.dataKey, await readHead(store.db));
      setState({ step: 'open', store: { ...store, head: { ok: true } } });
    };
    return (
      <BareShell>
        <OlderStore check={head} onCarryOn={carryOn} />
      </BareShell>
    );
  }
  if (state.step === 'open') {
    return (
      <DbContext.Provider value={state.store.db}>
        <DataKeyContext.Provider value={state.store.dataKey}>
          <IdleLock onIdle={lock} />
          {children}
        </DataKeyContext.Provider>
      </DbContext.Provider>
    );
  }
  return (
    <BareShell>
      {state.step === 'starting' && <Opening />}
      {state.step === 'failed' && <CannotOpen message={state.message} />}
      {state.step === 'choosePassphrase' && <ChoosePassphrase keyring={keyring} reason={state.reason} onOpen={opened} onFail={failed} />}
      {state.step === 'enterPassphrase' && <EnterPassphrase lockedAfter={state.lockedAfter} onOpen={opened} onFail={failed} />}
      {state.step === 'osLocked' && <OsLocked lockedAfter={state.lockedAfter} onOpen={opened} onFail={failed} />}
    </BareShell>
  );
}

/** Watches for idle time while the store is open, at the length chosen in Settings. */
function IdleLock({ onIdle }: { onIdle: (minutes: number) => void }) {
  // A damaged setting must not stop the lock: it falls back to the default time, and the Settings page reports it.
  const minutes = IdleMinutes.parse(useStored((db) => getSetting(db, IDLE_LOCK_SETTING).catch(() => undefined), []));
  useIdleLock(minutes, () => onIdle(minutes));
  return null;
}

function LockedNote({ minutes }: { minutes: number | undefined }) {
  if (minutes === undefined) return null;
  return (
    <div className="notification" role="status">
      <p>Foresight locked itself because it had not been used for {minutes} minutes. Unlock it to carry on where you were.</p>
    </div>
  );
}

function CannotOpen({ message }: { message: string }) {
  usePageTitle('The case store cannot be opened');
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">The case store cannot be opened</h1>
      <p className="error-message" role="alert">{message}</p>
      <p>Nothing has been changed by this. The cases stay encrypted on this computer.</p>
      <h2 className="heading-m">What you can do</h2>
      <ul>
        <li>Close Foresight and open it again.</li>
        <li>If it still cannot open the cases, open your exported case files or your &ldquo;export everything&rdquo; file in Foresight on another computer.</li>
        <li>Ask your IT service desk for help. Do not clear Foresight&rsquo;s data: the cases are still there, encrypted.</li>
      </ul>
    </div>
  );
}

interface UnlockProps {
  onOpen: (store: OpenStore) => void;
  onFail: (e: unknown) => void;
}

function EnterPassphrase({ lockedAfter, onOpen, onFail }: UnlockProps & { lockedAfter: number | undefined }) {
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
    try {
      const store = await unlockWithPassphrase(keyring, passphrase);
      if (store) onOpen(store);
      else setError('That passphrase does not unlock the cases on this computer');
    } catch (err) {
      onFail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Unlock Foresight</h1>
      <LockedNote minutes={lockedAfter} />
      <p>The cases on this computer are encrypted. Enter the passphrase chosen when Foresight was first used here.</p>
      <ErrorSummary errors={{ passphrase: error }} labels={{ passphrase: 'Passphrase' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="passphrase" label="Passphrase" value={passphrase} onChange={setPassphrase} error={error} password="current" />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Unlocking…' : 'Unlock'}</button>
      </form>
    </div>
  );
}

/** Locked on the desktop, where the operating system holds the key: one deliberate click reads it again. */
function OsLocked({ lockedAfter, onOpen, onFail }: UnlockProps & { lockedAfter: number }) {
  const [busy, setBusy] = useState(false);
  usePageTitle('Foresight is locked');
  const unlock = async () => {
    setBusy(true);
    try {
      onOpen(await unlockWithOs(keyring, bridge));
    } catch (err) {
      onFail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Foresight is locked</h1>
      <LockedNote minutes={lockedAfter} />
      <p>The cases on this computer are encrypted with a key your computer account protects.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void unlock()}>{busy ? 'Unlocking…' : 'Unlock'}</button>
    </div>
  );
}
