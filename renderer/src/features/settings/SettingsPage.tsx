import { useState, type FormEvent } from 'react';
import { BACKUPS_KEPT, DEFAULT_BACKUPS_KEPT } from '../../store/backups.js';
import { useDb } from '../../store/context.js';
import { readIdentity, renameIdentity, type Identity } from '../../store/identity.js';
import { getSetting, setSetting } from '../../store/settings.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { IDLE_CHOICES, IDLE_LOCK_SETTING, IdleMinutes } from '../unlock/idleLock.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { KnownSigners } from './KnownSigners.js';
import { YourKey } from './YourKey.js';
import { useStored } from '../../app/useStored.js';

/**
 * Who the audit trail names for changes made here and the key that signs them, how many backups each case keeps, when
 * Foresight locks itself, and the signers this computer knows.
 */
export function SettingsPage() {
  const saved = useStored(
    async (db) => ({
      identity: await readIdentity(db),
      kept: (await getSetting<number>(db, BACKUPS_KEPT)) ?? DEFAULT_BACKUPS_KEPT,
      idle: IdleMinutes.parse(await getSetting(db, IDLE_LOCK_SETTING)),
    }),
    [],
  );
  usePageTitle('Settings');
  // The identity gate lets no one this far without a key.
  if (!saved?.identity) return <p className="page">Loading…</p>;
  return <SettingsForm identity={saved.identity} initialKept={saved.kept} initialIdle={saved.idle} />;
}

const idleLabel = (minutes: number) => (minutes === 60 ? '1 hour' : `${minutes} minutes`);

function SettingsForm({ identity, initialKept, initialIdle }: { identity: Identity; initialKept: number; initialIdle: number }) {
  const db = useDb();
  const [name, setName] = useState(identity.name);
  // A key imported brings its own name: the field shows it.
  const [nameOf, setNameOf] = useState(identity.publicKey);
  if (nameOf !== identity.publicKey) {
    setNameOf(identity.publicKey);
    setName(identity.name);
  }
  const [kept, setKept] = useState(String(initialKept));
  const [idle, setIdle] = useState(initialIdle);
  const [errors, setErrors] = useState<{ name?: string; kept?: string }>({});
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const trimmed = name.trim();
    const count = Number(kept);
    if (!trimmed) found.name = 'Enter your name';
    else if (trimmed.length > 100) found.name = 'Your name must be 100 characters or fewer';
    if (!Number.isInteger(count) || count < 1 || count > 100) found.kept = 'Enter a whole number of backups from 1 to 100';
    setErrors(found);
    setDone(false);
    if (found.name || found.kept) return;
    await renameIdentity(db, trimmed);
    await setSetting(db, BACKUPS_KEPT, count);
    await setSetting(db, IDLE_LOCK_SETTING, idle);
    setDone(true);
  };
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">Settings</h1>
      {done && <div className="notification notification--success" role="status">Settings saved.</div>}
      <ErrorSummary errors={errors} labels={{ name: 'Your name', kept: 'Backups kept for each case' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="name" label="Your name" hint="Every change you make to a case is recorded in its audit trail under this name, and signed with your key. A new name keeps the same key." value={name} onChange={setName} error={errors.name} />
        <TextField id="kept" label="Backups kept for each case" hint="A backup is made after each import and once a day while a case is in use. Older ones are removed." value={kept} onChange={setKept} error={errors.kept} width="short" />
        <div className="form-group">
          <fieldset className="fieldset" aria-describedby="idle-hint">
            <legend className="label">Lock Foresight when it has not been used for</legend>
            <div id="idle-hint" className="hint">Locked, Foresight keeps nothing of the cases readable until it is unlocked again, and then returns to the page you were on.</div>
            <div className="radios radios--stacked">
              {IDLE_CHOICES.map((minutes) => (
                <span key={minutes} className="radio">
                  <input id={`idle-${minutes}`} type="radio" name="idle" value={minutes} checked={idle === minutes} onChange={() => setIdle(minutes)} />
                  <label htmlFor={`idle-${minutes}`}>{idleLabel(minutes)}</label>
                </span>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="button">Save settings</button>
      </form>
      <YourKey identity={identity} />
      <KnownSigners ownKey={identity.publicKey} />
    </div>
  );
}
