import { useMemo, useState, type ReactNode } from 'react';
import { filterActivity } from '../../../../shared/audit/activity.js';
import type { AuditKind } from '../../../../shared/audit/trail.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { parseDate } from '../../../../shared/import/dates.js';
import { readEntries, type StoredEntry } from '../../store/audit.js';
import { href } from '../shell/useHashRoute.js';
import { count } from '../../../../shared/domain/words.js';
import { DEPTH_DETAILS, DEPTH_WORDS, describeTrail, type TrailStatus } from './trailStatus.js';
import { fingerprintForPeople } from '../../../../shared/audit/fingerprints.js';
import type { EntrySignature } from '../../../../shared/audit/signatures.js';
import { describeBadSignatures, describeSignatures } from '../../../../shared/audit/trailWords.js';
import { useTrailSignatures, type SignatureStatus } from './useTrailSignatures.js';
import { useStored } from '../../app/useStored.js';

const KIND_LABELS: Record<AuditKind, string> = {
  import: 'Import',
  edit: 'Edit',
  note: 'Note',
  export: 'Export',
  bundleSent: 'Case file sent',
  bundleReceived: 'Case file received',
  restore: 'Restore',
  upgrade: 'Upgrade',
};

interface Filter {
  who: string;
  kind: AuditKind | '';
  from: string;
  to: string;
}

/** A typed UK date (23/11/2026) as YYYY-MM-DD; blank is no limit (undefined), and a date that cannot be read is null. */
const typedDay = (text: string): string | null | undefined => {
  if (!text.trim()) return undefined;
  const parsed = parseDate(text);
  return parsed.ok ? parsed.value : null;
};

/** The case's audit trail: every change, who made it and when, filterable, with the result of checking the chain. */
export function ActivityView({ caseId, status, onCheck }: { caseId: string; status: TrailStatus; onCheck: () => void }) {
  const trail = useStored((db) => readEntries(db, caseId), [caseId]);
  const signatures = useTrailSignatures(caseId);
  const [filter, setFilter] = useState<Filter>({ who: '', kind: '', from: '', to: '' });
  const people = useMemo(() => [...new Set((trail ?? []).map((e) => e.who))].sort(), [trail]);
  const from = typedDay(filter.from);
  const to = typedDay(filter.to);
  const shown = useMemo(
    () => filterActivity(trail ?? [], { who: filter.who || undefined, kind: filter.kind || undefined, from: from ?? undefined, to: to ?? undefined }),
    [trail, filter.who, filter.kind, from, to],
  );
  const set = (change: Partial<Filter>) => setFilter((f) => ({ ...f, ...change }));
  return (
    <div className="activity">
      <h2 className="heading-m">Activity</h2>
      <TrailPanel status={status} signatures={signatures} onCheck={onCheck} />
      <p><a href={href.export(caseId)}>Send this case as an encrypted file</a></p>
      <section className="filter-bar" aria-label="Filter the activity">
        <div className="filter">
          <label className="label" htmlFor="activity-who">Person</label>
          <select id="activity-who" className="select" value={filter.who} onChange={(e) => set({ who: e.target.value })}>
            <option value="">Everyone</option>
            {people.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </div>
        <div className="filter">
          <label className="label" htmlFor="activity-kind">Kind</label>
          <select id="activity-kind" className="select" value={filter.kind} onChange={(e) => set({ kind: e.target.value as Filter['kind'] })}>
            <option value="">All kinds</option>
            {(Object.keys(KIND_LABELS) as AuditKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <DateFilter id="activity-from" label="From" value={filter.from} wrong={from === null} onChange={(v) => set({ from: v })} />
        <DateFilter id="activity-to" label="To" value={filter.to} wrong={to === null} onChange={(v) => set({ to: v })} />
      </section>
      {trail && (
        <table className="table">
          <caption className="table__caption">
            {shown.length === trail.length ? count(trail.length, 'entry', 'entries') : `${shown.length.toLocaleString('en-GB')} of ${count(trail.length, 'entry', 'entries')}`}, newest first
          </caption>
          <thead>
            <tr><th scope="col">Entry</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Signature</th><th scope="col">Kind</th><th scope="col">What</th></tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.seq} data-entry={e.seq}>
                <td>{e.seq}</td>
                <td className="nowrap">{formatInstant(e.at)}</td>
                <td>{e.who}</td>
                <td><SignatureCell status={signatures} seq={e.seq} /></td>
                <td>{KIND_LABELS[e.kind]}</td>
                <td><EntryDetail entry={e} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A date filter; a date that cannot be read is reported under its own field. */
function DateFilter({ id, label, value, wrong, onChange }: { id: string; label: string; value: string; wrong: boolean; onChange: (value: string) => void }) {
  return (
    <div className={`filter${wrong ? ' filter--error' : ''}`}>
      <label className="label" htmlFor={id}>{label} <span className="visually-hidden">date, for example 23/11/2026</span></label>
      <input
        id={id}
        className={`input input--date${wrong ? ' input--error' : ''}`}
        placeholder="DD/MM/YYYY"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
      />
      {wrong && <p id={`${id}-error`} className="error-message filter__error" role="alert"><span className="visually-hidden">Error:</span> Enter a date like 23/11/2026</p>}
    </div>
  );
}

function TrailPanel({ status, signatures, onCheck }: { status: TrailStatus; signatures: SignatureStatus; onCheck: () => void }) {
  const invalid = signatures.state === 'done' ? signatures.signatures.invalid : 0;
  const broken = (status.state === 'done' && !status.trail.ok) || invalid > 0;
  return (
    <div className={`notification${broken || status.state === 'failed' ? ' notification--error' : status.state === 'done' ? ' notification--success' : ''}`} role="status">
      {status.state === 'checking' && <p>Checking the audit trail…</p>}
      {status.state === 'failed' && <p>The audit trail could not be checked: {status.message}</p>}
      {status.state === 'done' && (
        <>
          <p>
            {/* A signature that does not match is never shown as intact, whatever the hashes say. */}
            <strong>{invalid > 0 && status.trail.ok ? describeBadSignatures(invalid) : describeTrail(status.trail)}</strong> Checked {formatInstant(status.at.toISOString())}. {DEPTH_WORDS[status.depth]}
          </p>
          <p>{signatures.state === 'done' ? describeSignatures(signatures.signatures) : signatures.state === 'failed' ? `The signatures could not be checked: ${signatures.message}` : 'Checking the signatures…'}</p>
          <TechnicalDetails>
            <dt>How it was checked</dt><dd>{DEPTH_DETAILS[status.depth]}</dd>
            {status.trail.ok ? (
              <><dt>Checked</dt><dd>{count(status.trail.entries, 'entry', 'entries')}, {count(status.trail.rows, 'row')}</dd></>
            ) : (
              <>
                <dt>{'row' in status.trail ? 'Row' : 'Entry'}</dt><dd><code>{'row' in status.trail ? status.trail.row : status.trail.entry}</code></dd>
                <dt>Found</dt><dd>{status.trail.reason}</dd>
              </>
            )}
          </TechnicalDetails>
        </>
      )}
      <button type="button" className="button button--secondary button--small" onClick={onCheck} disabled={status.state === 'checking'}>Check the trail now</button>
    </div>
  );
}

/** GOV.UK details component: hashes, keys and raw values, out of the way of the plain account. */
function TechnicalDetails({ children }: { children: ReactNode }) {
  return (
    <details className="details">
      <summary>Technical details</summary>
      <dl className="details__text">{children}</dl>
    </details>
  );
}

function EntryDetail({ entry }: { entry: StoredEntry }) {
  return (
    <>
      {entry.what}
      {entry.recorded?.removed ? <strong> It took {count(entry.recorded.removed, 'row')} out of the case.</strong> : null}
      <TechnicalDetails>
        {entry.before !== undefined && <><dt>Before</dt><dd><pre>{JSON.stringify(entry.before, null, 2)}</pre></dd></>}
        {entry.after !== undefined && <><dt>After</dt><dd><pre>{JSON.stringify(entry.after, null, 2)}</pre></dd></>}
        <dt>Rows recorded</dt><dd>{(entry.recorded?.rows ?? 0).toLocaleString('en-GB')}</dd>
        {entry.recorded?.removed ? <><dt>Rows taken out</dt><dd>{entry.recorded.removed.toLocaleString('en-GB')}</dd></> : null}
        <dt>Entry hash (SHA-256)</dt><dd><code>{entry.hash}</code></dd>
        <dt>Previous entry’s hash</dt><dd><code>{entry.prev}</code></dd>
      </TechnicalDetails>
    </>
  );
}

/** The first two groups of a fingerprint, enough to tell keys apart at a glance; the whole of it is in the rule. */
const shortKey = (fingerprint: string) => `${fingerprintForPeople(fingerprint).slice(0, 9)} …`;

/** An entry's signature in plain words, with the rule behind it on opening. */
function SignatureCell({ status, seq }: { status: SignatureStatus; seq: number }) {
  if (status.state === 'checking') return <>Checking…</>;
  if (status.state === 'failed') return <>Not checked</>;
  const signature: EntrySignature | undefined = status.signatures.entries[seq];
  // An entry added since the check ran: the next check, already asked for, will say.
  if (!signature) return <>Checking…</>;
  return (
    <details className="details">
      {signature.state === 'signed' ? (
        <>
          <summary>Signed by {signature.signer.name} (key {shortKey(signature.fingerprint)})</summary>
          <p className="details__text">
            The entry’s signature holds for the key the case carries for {signature.signer.name}: whoever holds that key wrote this entry, and it has not changed since. The key’s fingerprint, a short code that identifies it, is <code className="nowrap">{fingerprintForPeople(signature.fingerprint)}</code>. To be sure the key is {signature.signer.name}’s own, ask them to read you theirs and compare (Settings lists the keys this computer knows). Technically: an Ed25519 signature over the entry’s SHA-256 hash.
          </p>
        </>
      ) : signature.state === 'unsigned' ? (
        <>
          <summary>Not signed</summary>
          <p className="details__text">The entry carries no signature: it was written before Foresight signed each change, or by a copy that did not sign. The trail’s hashes still show whether it was changed, but not who wrote it.</p>
        </>
      ) : (
        <>
          <summary><strong>Signature does not match: changed after signing</strong></summary>
          <p className="details__text">A signature is made over the entry’s hash with its author’s key; once the entry or its hash is changed, the signature no longer matches. Found: {signature.reason}.</p>
        </>
      )}
    </details>
  );
}
