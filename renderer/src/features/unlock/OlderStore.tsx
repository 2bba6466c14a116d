import { useState } from 'react';
import type { HeadCheck } from '../../store/storeHead.js';
import { usePageTitle } from '../shell/usePageTitle.js';

/**
 * The store opened, but it is older than the newest this computer has recorded beside its key (an older copy of the
 * whole store was put back), or that record itself was changed. Nothing is shown of it until the user chooses.
 */
export function OlderStore({ check, onCarryOn }: { check: Exclude<HeadCheck, { ok: true }>; onCarryOn: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const title = check.reason === 'older' ? 'These cases are an older copy' : 'The record of the newest change has been altered';
  usePageTitle(title);
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">{title}</h1>
      {check.reason === 'older' ? (
        <p>
          This computer has recorded {check.seen.toLocaleString('en-GB')} changes to its cases, but the cases stored here have {check.store.toLocaleString('en-GB')}. An older copy of
          Foresight&apos;s store has been put back, so changes made since then (imports, corrections, findings) are missing, whoever put it back.
        </p>
      ) : (
        <p>The record of the newest change, which Foresight keeps beside the key to these cases, no longer matches that key: it has been changed outside Foresight.</p>
      )}
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">Do not rely on these cases until you know why. Ask whoever looks after this computer, and compare with exported case files kept elsewhere.</strong>
      </div>
      <p>If you know why (you restored this computer from a backup yourself), you can carry on with these cases as they are. Foresight then takes them as the newest.</p>
      <p>If you do not know why, close Foresight now and keep this computer as it is until someone has looked at it.</p>
      {failed && (
        <div className="notification notification--error" role="alert">
          <p>Foresight could not take these cases as the newest: {failed}</p>
        </div>
      )}
      <button
        type="button"
        className="button button--warning"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailed(null);
          onCarryOn().catch((e: unknown) => {
            setBusy(false);
            setFailed(e instanceof Error ? e.message : String(e));
          });
        }}
      >
        Carry on with these cases
      </button>
    </div>
  );
}
