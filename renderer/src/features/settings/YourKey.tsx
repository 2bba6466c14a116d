import { useState, type FormEvent } from 'react';
import { fingerprintForPeople, fingerprintOf } from '../../../../shared/audit/fingerprints.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { useDb } from '../../store/context.js';
import { exportKey, importKey, type Identity } from '../../store/identity.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { saveFile } from '../shell/saveFile.js';
import { newPassphraseErrors, type NewPassphraseErrors } from '../unlock/newPassphrase.js';

/** This person's fingerprint as they read it aloud: eight groups of four. */
export const readableFingerprint = (publicKey: string) => fingerprintForPeople(fingerprintOf(publicKey));

/**
 * The person's signing key: its fingerprint, to read aloud and compare; exported sealed with a passphrase (the
 * command line's key file: `bundle` signs with it in FORESIGHT_KEY), or replaced by one brought from elsewhere.
 */
export function YourKey({ identity }: { identity: Identity }) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section id="your-key" className="settings-section" aria-labelledby="your-key-title">
      <h2 id="your-key-title" className="heading-m">Your signing key</h2>
      <p>Every change you make to a case is signed with this key. Its fingerprint is a short code that identifies it: someone you send a case to can compare it with the one they see, by phone or in person, to be sure the changes are yours.</p>
      {done && <div className="notification notification--success" role="status">{done}</div>}
      <dl className="summary-list">
        <div className="summary-list__row"><dt className="summary-list__key">Name</dt><dd className="summary-list__value">{identity.name}</dd></div>
        <div className="summary-list__row"><dt className="summary-list__key">Fingerprint</dt><dd className="summary-list__value"><code>{readableFingerprint(identity.publicKey)}</code></dd></div>
        <div className="summary-list__row"><dt className="summary-list__key">On this computer since</dt><dd className="summary-list__value">{formatInstant(identity.createdAt)}</dd></div>
      </dl>
      <div className="button-group">
        <button type="button" className="button button--secondary" aria-expanded={open === 'export'} onClick={() => setOpen(open === 'export' ? null : 'export')}>Export your key</button>
        <button type="button" className="button button--secondary" aria-expanded={open === 'import'} onClick={() => setOpen(open === 'import' ? null : 'import')}>Import a key</button>
      </div>
      {open === 'export' && <ExportKey identity={identity} onDone={(fileName) => { setOpen(null); setDone(`Key exported as ${fileName}. Keep it, and its passphrase, somewhere only you can reach.`); }} />}
      {open === 'import' && <ImportKey onDone={() => { setOpen(null); setDone('Key imported. Your changes are signed with it from now on.'); }} />}
    </section>
  );
}

/** A file name from the person's name, as keygen's `--out` might be given. */
const keyFileName = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my'}-signing.key`;

function ExportKey({ identity, onDone }: { identity: Identity; onDone: (fileName: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = newPassphraseErrors(passphrase, again);
    setErrors(found);
    if (found.passphrase || found.again) return;
    setBusy(true);
    const fileName = keyFileName(identity.name);
    saveFile(await exportKey(identity, passphrase), fileName, 'application/octet-stream');
    setBusy(false);
    onDone(fileName);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Export your key">
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">!</span>
        <strong className="warning-text__text"><span className="visually-hidden">Warning</span> Whoever has the file and its passphrase can sign as you. Keep them apart, and never send the file with a case.</strong>
      </div>
      <ErrorSummary errors={{ 'export-passphrase': errors.passphrase, 'export-again': errors.again }} labels={{ 'export-passphrase': 'Passphrase for the key file', 'export-again': 'Passphrase for the key file again' }} />
      <TextField id="export-passphrase" label="Passphrase for the key file" hint="You will need it to import the key on another computer, or to sign on the command line." value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
      <TextField id="export-again" label="Passphrase for the key file again" value={again} onChange={setAgain} error={errors.again} password="new" />
      <button type="submit" className="button" disabled={busy}>{busy ? 'Exporting…' : 'Export key file'}</button>
    </form>
  );
}

function ImportKey({ onDone }: { onDone: () => void }) {
  const db = useDb();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ 'key-file'?: string; 'key-passphrase'?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!file) found['key-file'] = 'Choose a key file';
    if (!passphrase) found['key-passphrase'] = 'Enter the passphrase the key file was exported with';
    setErrors(found);
    if (!file || !passphrase) return;
    setBusy(true);
    const taken = await importKey(db, new Uint8Array(await file.arrayBuffer()), passphrase);
    setBusy(false);
    // The key file's own words say whether the passphrase (or damage it cannot tell from one) or the file is at fault.
    if (!taken.ok) setErrors(/passphrase/.test(taken.message) ? { 'key-passphrase': 'That passphrase does not open the key file' } : { 'key-file': `The key file cannot be used: ${taken.message}` });
    else onDone();
  };
  const fileError = errors['key-file'];
  return (
    <form onSubmit={submit} noValidate aria-label="Import a key">
      <p>A key exported from Foresight on another computer, or made with Foresight’s command line. It replaces your key here: changes you have already made stay signed with the old one.</p>
      <ErrorSummary errors={errors} labels={{ 'key-file': 'Key file', 'key-passphrase': 'Passphrase of the key file' }} />
      <div className={`form-group${fileError ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="key-file">Key file</label>
        {fileError && <p id="key-file-error" className="error-message"><span className="visually-hidden">Error:</span> {fileError}</p>}
        <input id="key-file" type="file" className={`file-upload${fileError ? ' file-upload--error' : ''}`} accept=".key" aria-describedby={fileError ? 'key-file-error' : undefined} aria-invalid={fileError ? true : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <TextField id="key-passphrase" label="Passphrase of the key file" value={passphrase} onChange={setPassphrase} error={errors['key-passphrase']} password="current" />
      <button type="submit" className="button" disabled={busy}>{busy ? 'Importing…' : 'Import key file'}</button>
    </form>
  );
}
