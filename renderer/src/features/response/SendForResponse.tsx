import { useMemo, useState, type FormEvent } from 'react';
import { count } from '../../../../shared/domain/words.js';
import { decisionInstant, episodeOfficer } from '../../../../shared/review/flags.js';
import { useDataKey } from '../../store/context.js';
import { MIN_PASSPHRASE } from '../../store/keyring.js';
import { StoredValueDamaged } from '../../app/caseFileProtocol.js';
import { ErrorSummary, TextField } from '../cases/fields.js';
import { runCaseFileJob } from '../caseFiles/runCaseFileJob.js';
import { saveFile } from '../shell/saveFile.js';
import { newPassphraseErrors } from '../unlock/newPassphrase.js';
import { useReviewWork } from '../review/reviewContext.js';

type Errors = Partial<Record<'practitioner' | 'findings' | 'passphrase' | 'again', string>>;
type State = { step: 'form' } | { step: 'working' } | { step: 'done'; fileName: string; name: string } | { step: 'failed'; message: string };

const DEFAULT_NOTE = 'For your response to the findings of this review. You can accept each finding, dispute it, or add context, with records from the case.';

/**
 * The reviewer sends a practitioner their copy: the case and the review, read only, for a response to the findings
 * chosen. The copy is an encrypted case file; what was sent, to whom and when goes into the trail.
 */
export function SendForResponse() {
  const { caseId, index, review } = useReviewWork();
  const dataKey = useDataKey();
  const findings = useMemo(() => review?.findings ?? [], [review]);
  // Whose decision each finding is about: those are the people a review asks first.
  const officerOf = useMemo(() => {
    const byFinding = new Map<string, string>();
    for (const f of findings) {
      const e = review?.episodes.find((x) => x.id === f.episode);
      const at = e ? decisionInstant(e) : null;
      const officer = e && at !== null ? episodeOfficer(index, e, at) : null;
      if (officer) byFinding.set(f.id, officer);
    }
    return byFinding;
  }, [findings, review, index]);
  const officers = useMemo(() => {
    const named = new Set(officerOf.values());
    const all = index.officers();
    return [...all.filter((s) => named.has(s.code)), ...all.filter((s) => !named.has(s.code))];
  }, [index, officerOf]);
  const [practitioner, setPractitioner] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState(DEFAULT_NOTE);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<State>({ step: 'form' });
  const pick = (code: string) => {
    setPractitioner(code);
    // Their findings are offered: the reviewer may add any other.
    setChosen(findings.filter((f) => officerOf.get(f.id) === code).map((f) => f.id));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Errors = { ...newPassphraseErrors(passphrase, again) };
    if (!practitioner) problems.practitioner = 'Choose who the copy is for';
    if (chosen.length === 0) problems.findings = 'Choose at least one finding for them to answer';
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    const person = index.staffMember(practitioner);
    const fileName = `foresight-for-response-${new Date().toISOString().slice(0, 10)}.foresight`;
    setState({ step: 'working' });
    try {
      const { bytes } = await runCaseFileJob(dataKey, {
        type: 'sendForResponse',
        caseId,
        passphrase,
        request: {
          practitioner: { staffCode: person.code, name: person.name || person.code },
          findings: findings.filter((f) => chosen.includes(f.id)).map((f) => f.id),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      saveFile(bytes, fileName, 'application/octet-stream');
      setState({ step: 'done', fileName, name: person.name || person.code });
    } catch (err) {
      setState({ step: 'failed', message: err instanceof StoredValueDamaged ? 'A stored value of this case cannot be read: nothing has been sent. Restore a backup of the case first.' : err instanceof Error ? err.message : String(err) });
    }
  };
  if (findings.length === 0) return <p>The review has no findings yet: write them first, then send them for a response.</p>;
  if (state.step === 'done') {
    return (
      <div className="notification notification--success" role="status">
        <p>
          <strong>Saved {state.fileName}</strong>, the copy for {state.name}. Send it to them, and the passphrase by another route: by phone, not in the same
          e-mail. The trail records what was sent, to whom and when.
        </p>
        <p>
          <button type="button" className="link-button" onClick={() => setState({ step: 'form' })}>Send another copy</button>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="review-form">
      {state.step === 'failed' && <p className="error-message" role="alert">{state.message}</p>}
      <ErrorSummary
        errors={errors}
        labels={{ practitioner: 'Practitioner', findings: 'Findings', passphrase: 'Passphrase for the copy', again: 'Passphrase for the copy, again' }}
        targets={{ findings: `send-finding-${findings[0]?.id ?? ''}`, passphrase: 'send-passphrase', again: 'send-again' }}
      />
      <div className={`form-group${errors.practitioner ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="practitioner">Who is it for?</label>
        <div id="practitioner-hint" className="hint">The officers whose decisions the findings are about are listed first.</div>
        {errors.practitioner && <p id="practitioner-error" className="error-message">{errors.practitioner}</p>}
        <select id="practitioner" className="select" value={practitioner} onChange={(e) => pick(e.target.value)} aria-describedby={`practitioner-hint${errors.practitioner ? ' practitioner-error' : ''}`}>
          <option value="">Choose a practitioner</option>
          {officers.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name ? `${s.name} (${s.code}${s.grade ? `, ${s.grade}` : ''})` : s.code}
            </option>
          ))}
        </select>
      </div>
      <div className={`form-group${errors.findings ? ' form-group--error' : ''}`}>
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Findings to answer</legend>
          <div className="hint">They see the whole review, read only; these are the findings they are asked to answer.</div>
          {errors.findings && <p className="error-message">{errors.findings}</p>}
          <div className="checkboxes">
            <div className="checkbox">
              <input id="send-all" type="checkbox" checked={chosen.length === findings.length} onChange={(e) => setChosen(e.target.checked ? findings.map((f) => f.id) : [])} />
              <label htmlFor="send-all">All {count(findings.length, 'finding')}</label>
            </div>
            {findings.map((f) => (
              <div key={f.id} className="checkbox">
                <input
                  id={`send-finding-${f.id}`}
                  type="checkbox"
                  checked={chosen.includes(f.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, f.id] : chosen.filter((x) => x !== f.id))}
                />
                <label htmlFor={`send-finding-${f.id}`}>
                  <strong>{f.id}</strong> {f.text.length > 110 ? `${f.text.slice(0, 110)}…` : f.text || 'No words yet'}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="form-group">
        <label className="label" htmlFor="send-note">What it is for</label>
        <div id="send-note-hint" className="hint">Shown to them when they open the copy.</div>
        <textarea id="send-note" className="textarea" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="send-note-hint" />
      </div>
      <TextField id="send-passphrase" label="Passphrase for the copy" hint={`At least ${MIN_PASSPHRASE} characters. Give it to them by another route than the file.`} value={passphrase} onChange={setPassphrase} error={errors.passphrase} password="new" />
      <TextField id="send-again" label="Passphrase for the copy, again" value={again} onChange={setAgain} error={errors.again} password="new" />
      <button type="submit" className="button" disabled={state.step === 'working'}>
        {state.step === 'working' ? 'Encrypting…' : 'Save the copy for response'}
      </button>
    </form>
  );
}
