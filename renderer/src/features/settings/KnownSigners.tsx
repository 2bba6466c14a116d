import { useState } from 'react';
import { formatInstant } from '../../../../shared/time/display.js';
import { useDb } from '../../store/context.js';
import { confirmSigner, readKnownSigners, type KnownSigner } from '../../store/knownSigners.js';
import { readableFingerprint } from './YourKey.js';
import { useStored } from '../../app/useStored.js';

/**
 * The keys this computer has seen sign case files. A key is marked confirmed only once the user has compared its
 * fingerprint with the one its holder reads out to them (as Signal's safety numbers): the name in a case file is only
 * what the sender typed.
 */
export function KnownSigners({ ownKey }: { ownKey: string }) {
  const db = useDb();
  const known = useStored((db) => readKnownSigners(db), []);
  // Confirming is asked once more, by the key in question: it cannot be taken back.
  const [asking, setAsking] = useState<KnownSigner | null>(null);
  const confirm = async (k: KnownSigner) => {
    setAsking(null);
    await confirmSigner(db, k.publicKey);
  };
  return (
    <section id="known-signers" className="settings-section" aria-labelledby="known-signers-title">
      <h2 id="known-signers-title" className="heading-m">Signers known to this computer</h2>
      <p>The people whose keys have signed case files opened here. Before you mark someone’s key as confirmed, ask them to read their fingerprint to you, by phone or in person, and check it matches the one below.</p>
      {known && (
        <table className="table">
          <caption className="visually-hidden">Signers known to this computer</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Fingerprint</th><th scope="col">First seen</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {known.map((k) => (
              <tr key={k.publicKey}>
                <td className="nowrap">{k.name}</td>
                <td><code className="nowrap">{readableFingerprint(k.publicKey)}</code></td>
                <td className="nowrap">{formatInstant(k.firstSeen)}</td>
                <td>
                  {k.publicKey === ownKey ? (
                    <span className="nowrap">Your own key</span>
                  ) : k.confirmed ? (
                    'Confirmed'
                  ) : (
                    <>
                      Not confirmed{' '}
                      <button type="button" className="link-button" aria-expanded={asking?.publicKey === k.publicKey} onClick={() => setAsking(k)}>
                        Mark as confirmed<span className="visually-hidden">: {k.name}, fingerprint {readableFingerprint(k.publicKey)}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <div className="notification" role="alertdialog" aria-labelledby="confirm-signer">
          <p id="confirm-signer">
            <strong>Has {asking.name} read you their fingerprint, and is it exactly <code className="nowrap">{readableFingerprint(asking.publicKey)}</code>?</strong> Only
            confirm a key you have compared by phone or in person: it cannot be undone.
          </p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => void confirm(asking)}>Yes, it matches</button>
            <button type="button" className="link-button" onClick={() => setAsking(null)}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
