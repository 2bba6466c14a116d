import { formatInstant } from '../../../../shared/time/display.js';
import { useDb } from '../../store/context.js';
import { confirmSigner, readKnownSigners } from '../../store/knownSigners.js';
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
                    'Your own key'
                  ) : k.confirmed ? (
                    'Confirmed'
                  ) : (
                    <>
                      Not confirmed{' '}
                      <button type="button" className="link-button" onClick={() => void confirmSigner(db, k.publicKey)}>
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
    </section>
  );
}
