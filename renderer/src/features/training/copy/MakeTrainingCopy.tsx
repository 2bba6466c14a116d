import { useEffect, useRef, useState } from 'react';
import { count } from '../../../../../shared/domain/words.js';
import { REPLACEMENT_KIND_WORDS, REPLACEMENT_KINDS, type Progress, type Replaced, type ReplacementKind, type TrainingKey } from '../../../../../shared/training/pseudonymise.js';
import { randomShiftDays } from '../../../../../shared/training/shiftDates.js';
import { StoredValueDamaged } from '../../../app/caseFileProtocol.js';
import { useDataKey } from '../../../store/context.js';
import { saveFile } from '../../shell/saveFile.js';
import { runTrainingCopyJob, TrainingCopyCancelled } from './runTrainingCopyJob.js';
import type { StoringProgress, TrainingChoices, TrainingPreview } from './trainingCopyProtocol.js';

/** What the trainer does with a word still to check. */
type Decision = { action: 'confirm' } | { action: 'replace'; replacement: string } | { action: 'redact' };

type Work = { state: 'idle' } | { state: 'working'; progress: Progress | StoringProgress | null } | { state: 'failed'; message: string };

const percent = (p: Progress | null) => (p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0);
/** How far a job has got, in words; null while its rows are counted (the bar says how far). */
const stageWords = (p: Progress | StoringProgress): string | null =>
  p.stage === 'store' ? 'Storing the copy as a new case…' : p.stage === 'trail' ? 'Recording the copy in its trail: every row is hashed…' : null;
const weeksWords = (days: number) => `${count(Math.abs(days) / 7, 'week')} ${days < 0 ? 'earlier' : 'later'}`;
/** A place as the trainer reads it: `contact:12 notes` is the notes of contact 12. */
const placeWords = (where: string) => {
  const [ref = where, field = ''] = where.split(' ');
  const [kind, n] = ref.split(':');
  const what = kind === 'contact' ? `contact ${n}` : kind === 'info' ? `information ${n}` : ref.replace(/^review:?/, 'review ').replace(/:/g, ' ');
  return `${what}, ${field.replace(/([A-Z])/g, ' $1').toLowerCase()}`;
};

/**
 * Make a training copy of a case (REVIEW.md §4): the trainer chooses how far dates move, sees every replacement and
 * every word still to check, decides what each of those words is, may redact passages and save the key, then makes the
 * copy, which opens as a new case. The original case is never changed.
 */
export function MakeTrainingCopy({ caseId, onMade }: { caseId: string; onMade: (newCaseId: string) => void }) {
  const dataKey = useDataKey();
  const [randomDays] = useState(() => randomShiftDays(Math.random));
  const [mode, setMode] = useState<'random' | 'weeks'>('random');
  const [weeks, setWeeks] = useState('4');
  const [direction, setDirection] = useState<'later' | 'earlier'>('later');
  const [preview, setPreview] = useState<TrainingPreview | null>(null);
  const [previewWork, setPreviewWork] = useState<Work>({ state: 'idle' });
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [redactions, setRedactions] = useState<TrainingChoices['redact']>([]);
  const [making, setMaking] = useState<Work>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const progressRef = useRef<HTMLDivElement>(null);
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (making.state === 'working' || previewWork.state === 'working') progressRef.current?.focus();
  }, [making.state, previewWork.state]);

  const weeksNumber = Number(weeks);
  const weeksError = mode === 'weeks' && !(Number.isInteger(weeksNumber) && weeksNumber >= 1 && weeksNumber <= 520) ? 'Enter a whole number of weeks from 1 to 520' : null;
  const shiftDays = mode === 'random' ? randomDays : weeksNumber * 7 * (direction === 'earlier' ? -1 : 1);
  const stale = preview !== null && preview.shiftDays !== shiftDays;

  const run = async <T,>(job: () => Promise<T>, set: (w: Work) => void): Promise<T | null> => {
    controller.current = new AbortController();
    set({ state: 'working', progress: null });
    try {
      const result = await job();
      set({ state: 'idle' });
      return result;
    } catch (e) {
      set(e instanceof TrainingCopyCancelled ? { state: 'idle' } : { state: 'failed', message: e instanceof StoredValueDamaged ? 'A stored value of this case cannot be read: it has been damaged or changed outside Foresight. Restore a backup of the case, then try again.' : e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const showPreview = async () => {
    if (weeksError) return;
    const signal = () => controller.current!.signal;
    const made = await run(() => runTrainingCopyJob(dataKey, { type: 'preview', caseId, shiftDays }, { signal: signal(), onProgress: (progress) => setPreviewWork({ state: 'working', progress }) }), setPreviewWork);
    if (made) {
      setPreview(made);
      setDecisions({});
      setRedactions([]);
    }
  };
  const choices = (): TrainingChoices => {
    const extra: Record<string, string> = {};
    const confirmed: string[] = [];
    for (const [word, d] of Object.entries(decisions)) {
      if (d.action === 'confirm') confirmed.push(word);
      else if (d.action === 'redact') extra[word] = '[redacted]';
      else if (d.replacement.trim()) extra[word] = d.replacement.trim();
    }
    return { shiftDays, extra, redact: redactions, confirmed };
  };
  const make = async () => {
    const made = await run(() => runTrainingCopyJob(dataKey, { type: 'make', caseId, choices: choices() }, { signal: controller.current!.signal, onProgress: (progress) => setMaking({ state: 'working', progress }) }), setMaking);
    if (made) onMade(made.caseId);
  };
  const saveKey = (key: TrainingKey) => {
    const { extra } = choices();
    saveFile(JSON.stringify({ ...key, names: { ...key.names, ...extra } }, null, 2), 'training-copy-key.json', 'application/json');
  };

  const busy = previewWork.state === 'working' || making.state === 'working';
  const undecided = preview ? preview.toCheck.filter((t) => !decisions[t.word] || (decisions[t.word]!.action === 'replace' && !(decisions[t.word] as { replacement: string }).replacement.trim())) : [];

  return (
    <section className="training-copy" aria-labelledby="training-copy-title">
      <h2 id="training-copy-title" className="heading-m">Make a training copy</h2>
      <p>
        A training copy is a new case for a room to work through: every name, code and case reference replaced, phone
        numbers, addresses and other details taken out, and every date moved by the same number of weeks. This case is not
        changed.
      </p>

      <fieldset className="fieldset">
        <legend className="label">How far the dates move</legend>
        <p className="hint">By whole weeks, so every date keeps its weekday; times of day stay as they were.</p>
        <div className="radio">
          <input type="radio" id="shift-random" name="shift" checked={mode === 'random'} onChange={() => setMode('random')} disabled={busy} />
          <label htmlFor="shift-random">A random number of weeks ({weeksWords(randomDays)})</label>
        </div>
        <div className="radio">
          <input type="radio" id="shift-weeks" name="shift" checked={mode === 'weeks'} onChange={() => setMode('weeks')} disabled={busy} />
          <label htmlFor="shift-weeks">A number of weeks I choose</label>
        </div>
        {mode === 'weeks' && (
          <div className={`form-group training-copy__weeks${weeksError ? ' form-group--error' : ''}`}>
            <label className="label" htmlFor="shift-weeks-number">Weeks</label>
            {weeksError && <p className="error-message" id="shift-weeks-error">{weeksError}</p>}
            <input id="shift-weeks-number" className={`input input--short${weeksError ? ' input--error' : ''}`} inputMode="numeric" value={weeks} onChange={(e) => setWeeks(e.target.value)} aria-describedby={weeksError ? 'shift-weeks-error' : undefined} disabled={busy} />
            <label className="label" htmlFor="shift-direction">Earlier or later</label>
            <select id="shift-direction" className="select" value={direction} onChange={(e) => setDirection(e.target.value as 'later' | 'earlier')} disabled={busy}>
              <option value="later">Later</option>
              <option value="earlier">Earlier</option>
            </select>
          </div>
        )}
      </fieldset>
      <div className="button-group">
        <button type="button" className={preview && !stale ? 'button button--secondary' : 'button'} onClick={() => void showPreview()} disabled={busy || weeksError !== null}>
          {preview ? 'Show the preview again' : 'Show what the copy replaces'}
        </button>
      </div>

      {busy && (
        <div className="report-progress" aria-live="polite" tabIndex={-1} ref={progressRef}>
          {(() => {
            const w = (making.state === 'working' ? making : previewWork) as Extract<Work, { state: 'working' }>;
            const what = making.state === 'working' ? 'Making the training copy' : 'Working out what the copy replaces';
            return (
              <>
                {w.progress && stageWords(w.progress) ? (
                  <>
                    <progress aria-label={`${what}: ${stageWords(w.progress)}`} className="progress" />
                    <p>{`${what}: ${stageWords(w.progress)}`}</p>
                  </>
                ) : (
                  <>
                    <progress max={100} value={percent(w.progress as Progress | null)} aria-label={`${what}: ${percent(w.progress as Progress | null)}%`} className="progress" />
                    <p>{w.progress ? `${what} (${percent(w.progress as Progress)}%)` : 'Reading the case…'}</p>
                  </>
                )}
              </>
            );
          })()}
          <button type="button" className="button button--secondary" onClick={() => controller.current?.abort()}>Cancel</button>
        </div>
      )}
      {[previewWork, making].map((w, i) => w.state === 'failed' && (
        <div key={i} className="notification notification--error" role="alert"><p>{w.message}</p></div>
      ))}

      {preview && !stale && (
        <>
          <h3 className="heading-s">What the copy replaces</h3>
          <p>Dates move by {count(Math.abs(preview.shiftDays), 'day')} ({weeksWords(preview.shiftDays)}). Records are numbered again in time order ({count(preview.replaced.records, 'place')} refer to them).</p>
          {REPLACEMENT_KINDS.filter((k) => k !== 'records' && k !== 'extra' && k !== 'redacted').map((kind) => (
            <KindTable key={kind} kind={kind} rows={preview.replacements.filter((r) => r.kind === kind)} />
          ))}

          <h3 className="heading-s" id="to-check-title">Words still to check</h3>
          {preview.toCheck.length === 0 ? (
            <p>No word that looks like a name is left.</p>
          ) : (
            <>
              <p className="hint">These look like names and were not replaced. Decide what each one is: it is not a name, replace it with a word you type, or redact it.</p>
              {preview.toCheck.map((t, i) => (
                <WordToCheck key={t.word} id={`word-${i}`} word={t.word} where={t.where} decision={decisions[t.word]} onDecide={(d) => setDecisions({ ...decisions, [t.word]: d })} />
              ))}
            </>
          )}

          <h3 className="heading-s">Redact a passage</h3>
          <p className="hint">Select words in a note below (with the mouse, or with Shift and the arrow keys), then choose Redact the selected words. They become [redacted] in the copy.</p>
          {Object.entries(preview.texts).map(([where, text], i) => (
            <Passage key={where} id={`passage-${i}`} where={where} text={text} onRedact={(selected) => setRedactions([...redactions, { record: where.split(' ')[0]!, field: where.split(' ')[1]!, text: selected }])} />
          ))}
          {redactions.length > 0 && (
            <ul className="list training-copy__redactions" aria-label="Passages to redact">
              {redactions.map((r, i) => (
                <li key={i}>
                  “{r.text}” in {placeWords(`${r.record} ${r.field}`)}{' '}
                  <button type="button" className="button button--secondary button--small" onClick={() => setRedactions(redactions.filter((_, j) => j !== i))}>
                    Keep<span className="visually-hidden"> “{r.text}”</span>
                  </button>
                </li>
              ))}
            </ul>
          )}

          <h3 className="heading-s">The key</h3>
          <div className="warning-text">
            <span className="warning-text__icon" aria-hidden="true">!</span>
            <strong>The key says who everyone in the copy really is. Save it only if you need it, and keep it apart from the copy.</strong>
          </div>
          <button type="button" className="button button--secondary" onClick={() => saveKey(preview.key)} disabled={busy}>Save the key</button>

          <h3 className="heading-s">Make the copy</h3>
          {undecided.length > 0 && <p>{count(undecided.length, 'word')} still to decide: {undecided.map((t) => t.word).join(', ')}. Left undecided, they stay as they are.</p>}
          <div className="button-group">
            <button type="button" className="button" onClick={() => void make()} disabled={busy}>Make the training copy</button>
          </div>
        </>
      )}
    </section>
  );
}

function KindTable({ kind, rows }: { kind: ReplacementKind; rows: Replaced[] }) {
  if (rows.length === 0) return null;
  const places = rows.reduce((n, r) => n + r.places, 0);
  return (
    <details className="details training-copy__kind">
      <summary>
        {REPLACEMENT_KIND_WORDS[kind]}: {count(rows.length, 'replacement')}, in {count(places, 'place')}
      </summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{REPLACEMENT_KIND_WORDS[kind]}: what is found, what it becomes, and in how many places</caption>
        <thead>
          <tr>
            <th scope="col">Found</th>
            <th scope="col">Becomes</th>
            <th scope="col" className="numeric">Places</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.original}>
              <td>{r.original}</td>
              <td>{r.replacement}</td>
              <td className="numeric">{r.places.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function WordToCheck({ id, word, where, decision, onDecide }: { id: string; word: string; where: string[]; decision: Decision | undefined; onDecide: (d: Decision) => void }) {
  const shown = where.slice(0, 5);
  return (
    <fieldset className="fieldset training-copy__word" aria-describedby={`${id}-where`}>
      <legend className="label">{word}</legend>
      <p className="hint" id={`${id}-where`}>
        In {shown.map(placeWords).join('; ')}
        {where.length > shown.length ? `, and ${count(where.length - shown.length, 'place')} more` : ''}
      </p>
      <div className="radios">
        <div className="radio">
          <input type="radio" id={`${id}-confirm`} name={id} checked={decision?.action === 'confirm'} onChange={() => onDecide({ action: 'confirm' })} />
          <label htmlFor={`${id}-confirm`}>Not a name</label>
        </div>
        <div className="radio">
          <input type="radio" id={`${id}-replace`} name={id} checked={decision?.action === 'replace'} onChange={() => onDecide({ action: 'replace', replacement: '' })} />
          <label htmlFor={`${id}-replace`}>Replace</label>
        </div>
        <div className="radio">
          <input type="radio" id={`${id}-redact`} name={id} checked={decision?.action === 'redact'} onChange={() => onDecide({ action: 'redact' })} />
          <label htmlFor={`${id}-redact`}>Redact</label>
        </div>
      </div>
      {decision?.action === 'replace' && (
        <div className="form-group">
          <label className="label" htmlFor={`${id}-with`}>Replace “{word}” with</label>
          <input id={`${id}-with`} className="input input--short" value={decision.replacement} onChange={(e) => onDecide({ action: 'replace', replacement: e.target.value })} />
        </div>
      )}
    </fieldset>
  );
}

/** A note shown read-only, its words selectable by mouse or keyboard, with a button to redact the selection. */
function Passage({ id, where, text, onRedact }: { id: string; where: string; text: string; onRedact: (selected: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const redact = () => {
    const a = area.current!;
    const selected = a.value.slice(a.selectionStart, a.selectionEnd).trim();
    if (!selected) return setProblem('Select the words to redact in this note first');
    setProblem(null);
    onRedact(selected);
  };
  return (
    <div className={`form-group training-copy__passage${problem ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>{placeWords(where)}</label>
      {problem && <p className="error-message" id={`${id}-error`}>{problem}</p>}
      <textarea id={id} ref={area} className="textarea" readOnly value={text} rows={Math.min(6, Math.max(2, Math.ceil(text.length / 90)))} aria-describedby={problem ? `${id}-error` : undefined} />
      <button type="button" className="button button--secondary button--small" onClick={redact}>
        Redact the selected words<span className="visually-hidden"> in {placeWords(where)}</span>
      </button>
    </div>
  );
}
