import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useDb } from '../../store/context.js';
import { createIdentity, earlierName, MAX_NAME, readIdentity } from '../../store/identity.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { Opening } from '../shell/Opening.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { BareShell } from '../shell/BareShell.js';

type GateState = { step: 'checking' } | { step: 'failed'; message: string } | { step: 'askName'; earlier: string } | { step: 'ready' };

/** A name as Settings and first use take it: given, and short enough to read in every entry. */
function nameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter your full name';
  if (trimmed.length > MAX_NAME) return `Your name must be ${MAX_NAME} characters or fewer`;
  return undefined;
}

/**
 * First use, right after the store opens and before anything is written (the demo case included): the person gives
 * their name and Foresight makes their signing key, as a messaging app registers its user before the first message.
 * Every change after that is recorded under the name and signed with the key; nothing is ever written as no one.
 */
export function IdentityGate({ children }: { children: ReactNode }) {
  const db = useDb();
  const [state, setState] = useState<GateState>({ step: 'checking' });
  useEffect(() => {
    (async () => ((await readIdentity(db)) ? setState({ step: 'ready' }) : setState({ step: 'askName', earlier: await earlierName(db) })))().catch((e: unknown) =>
      setState({ step: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [db]);
  if (state.step === 'ready') return children;
  return (
    <BareShell>
      {state.step === 'checking' && <Opening />}
      {state.step === 'failed' && <CannotStart message={state.message} />}
      {state.step === 'askName' && <GiveName earlier={state.earlier} onDone={() => setState({ step: 'ready' })} />}
    </BareShell>
  );
}

function CannotStart({ message }: { message: string }) {
  usePageTitle('Foresight could not start');
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Foresight could not start</h1>
      <p className="error-message" role="alert">{message}</p>
    </div>
  );
}

function GiveName({ earlier, onDone }: { earlier: string; onDone: () => void }) {
  const db = useDb();
  const [name, setName] = useState(earlier);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  usePageTitle('Your name in the audit trail');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = nameError(name);
    setError(found);
    if (found) return;
    setBusy(true);
    try {
      await createIdentity(db, name);
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Your name in the audit trail</h1>
      <p>Foresight records every change you make to a case in the case’s audit trail, under your name.</p>
      <p>It also makes you a signing key, kept encrypted on this computer, and signs each change with it. Anyone you send a case to can then check that the changes are yours and have not been altered since.</p>
      <ErrorSummary errors={{ name: error }} labels={{ name: 'Your full name' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="name" label="Your full name" hint="As colleagues know you, for example Ann Smith. You can change it later in Settings; your key stays the same." value={name} onChange={setName} error={error} />
        <button type="submit" className="button" disabled={busy}>{busy ? 'Making your key…' : 'Continue'}</button>
      </form>
      <p>Used Foresight on another computer? Continue, then import the key you exported there in Settings, so your changes here are signed with the same key.</p>
    </div>
  );
}
