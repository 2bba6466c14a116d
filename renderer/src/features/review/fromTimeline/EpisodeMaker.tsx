import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { FULL } from '../../../../../shared/engine/foresight.js';
import { whatHappened } from '../../../../../shared/domain/summary.js';
import { count } from '../../../../../shared/domain/words.js';
import { decisionAtOf, newEpisode, recordsBetween } from '../../../../../shared/review/episodeFromTimeline.js';
import { episodeOfficer } from '../../../../../shared/review/flags.js';
import { putItem } from '../../../../../shared/review/edits.js';
import { FINDING_KIND_NAMES } from '../../../../../shared/review/words.js';
import { parseDateTime } from '../../../../../shared/import/dates.js';
import { formatTime, ukNumericMoment } from '../../../../../shared/time/display.js';
import { latestInstant } from '../../../../../shared/time/london.js';
import { useReview, useReviewEditor } from '../../../app/review.js';
import { stepDays } from '../../case/cursorSteps.js';
import { ErrorSummary, TextField } from '../../cases/fields.js';
import { href } from '../../shell/useHashRoute.js';
import type { EpisodeTray } from './useEpisodeTray.js';

const MOMENT_HINT = 'A date and time like 22/09/2023 14:30. A date alone means the end of that day.';
const BAD_MOMENT = 'Enter the decision moment as a date like 22/09/2023, or a date and time like 22/09/2023 14:30';

/** What the Timeline knows when an episode is made from it. */
export interface TimelineMoment {
  caseId: string;
  index: CaseIndex;
  cursor: number;
  /** The officer whose view it is; null: whoever held the case at the cursor. */
  officer: string | null;
  hindsight: boolean;
  /** How each record shows at the cursor (foresight.ts). */
  shown: Uint8Array;
}

type Making = { step: 'choosing' } | { step: 'form'; records: readonly string[] } | { step: 'saved'; id: string; title: string };

/**
 * "Make a key practice episode" on the Timeline: at the cursor, from the records collected in the tray (picked one by
 * one, or all those shown between two moments), through a short form; then a link to the episode in the review.
 */
export function EpisodeMaker({ at, tray }: { at: TimelineMoment; tray: EpisodeTray }) {
  const [making, setMaking] = useState<Making>({ step: 'choosing' });
  const { caseId } = at;
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (making.step === 'saved') savedRef.current?.focus();
  }, [making]);
  return (
    <section className="episode-maker" aria-labelledby="episode-maker-title">
      <h2 id="episode-maker-title" className="heading-s">Make a key practice episode</h2>
      {making.step === 'saved' && (
        <div className="notification notification--success" role="status" tabIndex={-1} ref={savedRef}>
          <p>
            <strong>Key practice episode {making.id} saved:</strong> {making.title}
          </p>
          <a href={href.review(caseId, 'episodes')}>Open the episode</a>
        </div>
      )}
      {making.step === 'form' ? (
        <EpisodeForm
          at={at}
          records={making.records}
          onCancel={() => setMaking({ step: 'choosing' })}
          onSaved={(id, title) => {
            if (making.records.length > 0) tray.clear();
            setMaking({ step: 'saved', id, title });
          }}
        />
      ) : (
        <>
          <div className="button-group episode-maker__actions">
            <button type="button" className="button button--secondary" onClick={() => setMaking({ step: 'form', records: [] })}>
              Episode at the cursor
            </button>
            <button type="button" className="button button--secondary" disabled={tray.records.length === 0} onClick={() => setMaking({ step: 'form', records: tray.records })}>
              Make episode from these{tray.records.length > 0 ? ` (${count(tray.records.length, 'record')})` : ''}
            </button>
            {tray.records.length > 0 && (
              <button type="button" className="link-button" onClick={tray.clear}>
                Empty the tray
              </button>
            )}
          </div>
          <Tray at={at} tray={tray} />
          {tray.records.length > 0 && <AddToFinding caseId={caseId} tray={tray} hindsight={at.hindsight} />}
          <SpanPicker at={at} tray={tray} />
        </>
      )}
    </section>
  );
}

/** One picked record: when, and what. A record the view now holds back (picked with hindsight) says only that. */
function PickedRecord({ at, id }: { at: TimelineMoment; id: string }) {
  const p = at.index.positionOf(id);
  const record = p === undefined ? undefined : at.index.records[p];
  if (!record || p === undefined) return <>A record no longer in the case</>;
  if (at.shown[p] !== FULL) return <>A record the officer could not know at the cursor (picked with hindsight)</>;
  return (
    <>
      <span className="episode-maker__when">{formatTime(record.occurred)}</span> {whatHappened(record)}
    </>
  );
}

function Tray({ at, tray }: { at: TimelineMoment; tray: EpisodeTray }) {
  const picking = at.hindsight ? '' : ' With hindsight off, only records the officer could know at the cursor can be picked.';
  return (
    <div className="episode-maker__tray">
      <h3 className="heading-s" id="episode-tray-title">Records for the episode ({tray.records.length})</h3>
      {tray.records.length === 0 ? (
        <p className="hint episode-maker__none">
          None yet: Ctrl-click (Cmd-click on a Mac) records on the chart or in the table, or choose "Add to the episode" beside a selected record.
          {picking}
        </p>
      ) : (
        <ul className="episode-maker__list" aria-labelledby="episode-tray-title">
          {tray.records.map((id) => (
            <li key={id}>
              <span><PickedRecord at={at} id={id} /></span>
              <button type="button" className="link-button" onClick={() => tray.toggle(id)}>
                Take out<span className="visually-hidden"> of the episode</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** All the records shown between two moments into the tray: by default the week before the cursor. */
function SpanPicker({ at, tray }: { at: TimelineMoment; tray: EpisodeTray }) {
  // Null: follow the cursor (the week before it), until the user types their own.
  const [typed, setTyped] = useState<{ from: string; to: string } | null>(null);
  const span = typed ?? { from: ukNumericMoment(stepDays(at.cursor, -7)), to: ukNumericMoment(at.cursor) };
  const [said, setSaid] = useState<{ error: boolean; text: string } | null>(null);
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    const from = parseDateTime(span.from);
    const to = parseDateTime(span.to);
    if (!from.ok || !to.ok) return setSaid({ error: true, text: 'Enter both moments as a date like 22/09/2023, or a date and time like 22/09/2023 14:30' });
    const [start, end] = [latestInstant(from.value), latestInstant(to.value)];
    if (start > end) return setSaid({ error: true, text: 'The first moment must be before the second' });
    const found = recordsBetween(at.index, at.shown, start, end);
    const added = tray.addAll(found);
    setSaid({ error: false, text: found.length === 0 ? 'No records are shown between these moments.' : `${count(added, 'record')} added${found.length > added ? ` (${found.length - added} already in)` : ''}.` });
  };
  return (
    <details className="details episode-maker__span">
      <summary>Add all records shown between two moments</summary>
      <form onSubmit={onAdd} noValidate>
        <p id="span-hint" className="hint">{MOMENT_HINT}{at.hindsight ? '' : ' With hindsight off, only records the officer could know at the cursor are added.'}</p>
        <div className="episode-maker__span-row" role="group" aria-label="Records shown between two moments" aria-describedby="span-hint">
          <label className="label" htmlFor="span-from">From</label>
          <input id="span-from" className="input episode-maker__moment" value={span.from} onChange={(e) => setTyped({ ...span, from: e.target.value })} autoComplete="off" spellCheck={false} />
          <label className="label" htmlFor="span-to">to</label>
          <input id="span-to" className="input episode-maker__moment" value={span.to} onChange={(e) => setTyped({ ...span, to: e.target.value })} autoComplete="off" spellCheck={false} />
          <button type="submit" className="button button--secondary button--small">Add them</button>
          {typed && (
            <button type="button" className="link-button" onClick={() => setTyped(null)}>
              The week before the cursor
            </button>
          )}
        </div>
        <p className={said?.error ? 'error-message' : 'episode-maker__said'} role="status">{said?.text}</p>
      </form>
    </details>
  );
}

type FormErrors = Partial<Record<'episode-title' | 'episode-moment', string>>;

/** The short form an episode is made with: its title, the decision moment and whose decision it was. */
function EpisodeForm({ at, records, onCancel, onSaved }: { at: TimelineMoment; records: readonly string[]; onCancel: () => void; onSaved: (id: string, title: string) => void }) {
  const { caseId } = at;
  const review = useReview(caseId);
  const { save, status } = useReviewEditor(caseId);
  const [title, setTitle] = useState('');
  const [moment, setMoment] = useState(() => ukNumericMoment(at.cursor));
  const [officer, setOfficer] = useState(at.officer ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  useEffect(() => {
    document.getElementById('episode-title')?.focus();
  }, []);
  const parsed = parseDateTime(moment);
  const decision = parsed.ok ? latestInstant(parsed.value) : at.cursor;
  const whoever = episodeOfficer(at.index, {}, decision);
  const officers = at.hindsight ? at.index.officers() : at.index.officersBy(at.cursor);
  const listed = officer && !officers.some((o) => o.code === officer) ? [...officers, at.index.staffMember(officer)] : officers;
  const name = (code: string) => at.index.staffMember(code).name || code;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FormErrors = {};
    if (!title.trim()) found['episode-title'] = 'Enter a title for the episode';
    if (!parsed.ok) found['episode-moment'] = BAD_MOMENT;
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.ok || review === undefined) return;
    const { episode, edit } = newEpisode(review, { title, decisionAt: decisionAtOf(parsed.value), officer: officer || null, records });
    if (await save(edit)) onSaved(episode.id, episode.title);
  };
  return (
    <form className="episode-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary errors={errors} labels={{ 'episode-title': 'Title', 'episode-moment': 'Decision moment' }} />
      <h3 className="heading-s">{records.length === 0 ? 'A new episode at the cursor' : `A new episode from ${count(records.length, 'record')}`}</h3>
      <TextField id="episode-title" label="Title" hint="What was decided, or not: for example, Decision not to recall" value={title} onChange={setTitle} error={errors['episode-title']} />
      <TextField id="episode-moment" label="Decision moment" hint={MOMENT_HINT} value={moment} onChange={setMoment} error={errors['episode-moment']} width="short" />
      <div className="form-group">
        <label className="label" htmlFor="episode-officer">Whose decision</label>
        <select id="episode-officer" className="select" value={officer} onChange={(e) => setOfficer(e.target.value)}>
          <option value="">whoever held the case at the decision{whoever ? ` (${name(whoever)})` : ''}</option>
          {listed.map((o) => (
            <option key={o.code} value={o.code}>{o.name ? `${o.name} (${o.code}${o.grade ? `, ${o.grade}` : ''})` : o.code}</option>
          ))}
        </select>
      </div>
      <h4 className="heading-s">Records</h4>
      {records.length === 0 ? (
        <p className="hint">None: add them to the episode in the review.</p>
      ) : (
        <ul className="episode-maker__list">
          {records.map((id) => <li key={id}><span><PickedRecord at={at} id={id} /></span></li>)}
        </ul>
      )}
      {status.state === 'failed' && <p className="error-message" role="alert">Not saved: {status.message}</p>}
      <div className="button-group">
        <button type="submit" className="button" disabled={status.state === 'saving' || review === undefined}>Save the episode</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * The records picked, as evidence for a finding already written: the finding's hindsight checks then say, beside each,
 * whether the officer could have read it at the decision.
 */
function AddToFinding({ caseId, tray, hindsight }: { caseId: string; tray: EpisodeTray; hindsight: boolean }) {
  const review = useReview(caseId);
  const { save, status } = useReviewEditor(caseId);
  const [chosen, setChosen] = useState('');
  const findings = review?.findings ?? [];
  if (findings.length === 0) return null;
  const finding = findings.find((f) => f.id === chosen) ?? findings[0];
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!finding) return;
    const added = tray.records.filter((id) => !finding.evidence.includes(id));
    if (added.length === 0) return;
    const edit = putItem('findings', { ...finding, evidence: [...finding.evidence, ...added] }, false);
    await save({ ...edit, what: `Finding ${finding.id}: ${count(added.length, 'record')} added to its evidence from the timeline` });
  };
  return (
    <form className="episode-maker__finding" onSubmit={(e) => void add(e)}>
      <label className="label" htmlFor="tray-finding">Or add them to a finding’s evidence</label>
      <span className="button-group">
        <select id="tray-finding" className="select" value={finding?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {findings.map((f) => (
            // A finding is written knowing the outcome: with hindsight off, only its id and kind are shown here.
            <option key={f.id} value={f.id}>{hindsight ? `${f.id}: ${f.text.trim().slice(0, 60) || 'no text yet'}` : `${f.id} (${FINDING_KIND_NAMES[f.kind].toLowerCase()})`}</option>
          ))}
        </select>
        <button type="submit" className="button button--secondary" disabled={status.state === 'saving'}>Add to the finding</button>
      </span>
      {status.state === 'saved' && (
        <p role="status">
          Saved: {status.what}. <a href={href.review(caseId, `findings/${finding?.id ?? ''}`)}>Open the finding</a>
        </p>
      )}
      {status.state === 'failed' && <p className="error-message" role="alert">Not saved: {status.message}</p>}
    </form>
  );
}

/** Beside the selected record's detail: put it in the episode tray, or take it out. */
export function AddToEpisode({ id, tray, hindsight }: { id: string; tray: EpisodeTray; hindsight: boolean }) {
  const inTray = tray.records.includes(id);
  if (!inTray && !tray.canPick(id)) {
    return hindsight ? null : <p className="hint episode-maker__pick">With hindsight off, only records the officer could know at the cursor can be added to an episode.</p>;
  }
  return (
    <p className="episode-maker__pick">
      <button type="button" className="button button--secondary button--small" onClick={() => tray.toggle(id)}>
        {inTray ? 'Take it out of the episode' : 'Add to the episode'}
      </button>
    </p>
  );
}
