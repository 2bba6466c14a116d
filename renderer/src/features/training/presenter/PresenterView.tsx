import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { paragraphsOf } from '../../../../../shared/report/words.js';
import { createPortal } from 'react-dom';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { answerOf, stillToAnswer } from '../../../../../shared/training/answers.js';
import { pointAt, preparePresenter, presenterFrame, type FrameRecord, type PresenterFrame } from '../../../../../shared/training/presenter.js';
import type { DecisionPoint, Session, SessionAnswer, Walkthrough } from '../../../../../shared/training/walkthrough.js';
import { count } from '../../../../../shared/domain/words.js';
import { STATE_LABELS } from '../../case/knowledgeLegend.js';
import { OfficerPicture } from './OfficerPicture.js';
import { TimelineStrip } from './TimelineStrip.js';
import './presenter.css';

interface Props {
  index: CaseIndex;
  walkthrough: Walkthrough;
  session: Session;
  /** A group's answer at a point, whole (its choice and, in the hindsight exercise, its rating), to record. */
  onAnswer: (answer: SessionAnswer) => void;
  onClose: () => void;
}

const NEXT_KEYS = new Set([' ', 'ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp']);

/** Where a key means something of its own: typing a rating, or pressing a button with Space. */
const keyIsTheControls = (target: EventTarget, key: string) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (key === ' ' && target instanceof HTMLButtonElement);

/**
 * A walkthrough in front of a room: the whole window (or the screen), large type, a step at a time by keyboard or a
 * clicker (Space, → or Page Down on; ← or Page Up back; Esc leaves). At each decision point the room sees only what
 * the officer knew and carried then, and goes on only once every group's answer is recorded. The outcome, and what
 * others held, come at the end.
 */
export function PresenterView({ index, walkthrough, session, onAnswer, onClose }: Props) {
  const view = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The officer panel's lookups are found once, as the view opens, so no step waits for them.
  useMemo(() => preparePresenter(index), [index]);
  const [step, setStep] = useState(0);
  const [blocked, setBlocked] = useState(false);
  const [full, setFull] = useState(false);
  const frame = useMemo(() => presenterFrame(index, walkthrough, step), [index, walkthrough, step]);
  const point = pointAt(walkthrough, step);
  const waiting = point ? stillToAnswer(session, point) : [];
  const last = step >= frame.steps - 1;
  const exercise = session.mode === 'hindsightExercise';

  const next = useCallback(() => {
    if (last) return;
    if (waiting.length > 0) return setBlocked(true);
    setBlocked(false);
    setStep(step + 1);
  }, [last, waiting.length, step]);
  const back = useCallback(() => {
    setBlocked(false);
    setStep(Math.max(0, step - 1));
  }, [step]);

  useLayoutEffect(() => {
    const root = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.setAttribute('inert', '');
    return () => {
      root?.removeAttribute('inert');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      opener?.focus();
    };
  }, []);

  // Each step is announced by its heading, and keys go on working from there.
  useLayoutEffect(() => {
    heading.current?.focus();
    // A User Timing mark, read by the browser test: the step is on the page.
    performance.mark('presenter-step');
  }, [step]);

  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement === view.current);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);

  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void view.current?.requestFullscreen().catch(() => undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.altKey || event.ctrlKey || event.metaKey || keyIsTheControls(event.target, event.key)) {
      return;
    } else if (NEXT_KEYS.has(event.key)) {
      event.preventDefault();
      next();
    } else if (BACK_KEYS.has(event.key)) {
      event.preventDefault();
      back();
    }
  };

  const where = frame.kind === 'point' ? `Decision point ${frame.point!.number} of ${walkthrough.points.length}` : frame.kind === 'opening' ? 'Opening' : frame.kind === 'outcome' ? 'The outcome' : 'The hindsight view';
  return createPortal(
    <div className="presenter" ref={view} role="dialog" aria-modal="true" aria-label={`Presenting: ${walkthrough.title}`} onKeyDown={onKeyDown}>
      <div className="presenter__bar">
        <p className="presenter__where">
          {where} <span className="presenter__quiet">· step {step + 1} of {frame.steps}</span>
        </p>
        <p className="presenter__keys">→, Space or Page Down: next · ← or Page Up: back · ↑ ↓: scroll · Esc: leave</p>
        <div className="presenter__bar-buttons">
          <button type="button" className="presenter__button presenter__button--plain" onClick={toggleFullScreen} aria-pressed={full}>
            Full screen
          </button>
          <button type="button" className="presenter__button presenter__button--plain" onClick={onClose}>
            Leave
          </button>
        </div>
      </div>

      {/* Scrolled by ↑ and ↓ (the other keys step): a tab stop of its own, so a long step can be read by keyboard. */}
      <main className="presenter__body" tabIndex={0}>
        {frame.moment && <p className="presenter__moment">{frame.moment.text}</p>}
        <h1 className="presenter__title" ref={heading} tabIndex={-1}>
          {frame.title}
        </h1>
        {frame.kind === 'opening' && <Opening walkthrough={walkthrough} session={session} />}
        {frame.kind === 'point' && point && <Point frame={frame} point={point} session={session} onAnswer={onAnswer} />}
        {frame.kind === 'outcome' && frame.outcome && <Outcome outcome={frame.outcome} />}
        {frame.kind === 'hindsight' && <Hindsight frame={frame} />}
      </main>

      <div className="presenter__foot">
        <button type="button" className="presenter__button presenter__button--plain" onClick={back} disabled={step === 0}>
          Back
        </button>
        <p className="presenter__waiting" role="status">
          {point && waiting.length > 0
            ? `${blocked ? 'Not yet' : 'Waiting for the room'}: record ${exercise ? 'each group’s choice and rating' : 'each group’s choice'} before going on. Still to answer: ${waiting.map((w) => w.group.name).join(', ')}.`
            : point
              ? 'Every group has answered.'
              : last
                ? 'The end of the session. Leave (or Esc) opens the debrief: what the officer actually did.'
                : ''}
        </p>
        <button type="button" className="presenter__button" onClick={next} disabled={last || waiting.length > 0}>
          {last ? 'The end' : 'Next'}
        </button>
      </div>
    </div>,
    document.body,
  );
}

function Opening({ walkthrough, session }: { walkthrough: Walkthrough; session: Session }) {
  const exercise = session.mode === 'hindsightExercise';
  return (
    <div className="presenter__text">
      <p>
        {count(walkthrough.points.length, 'decision point')}. At each, you see what the officer knew and carried at that moment, and nothing
        that came later. Each group records its choice{exercise ? ', and how foreseeable the outcome looks,' : ''} before the next.
      </p>
      {exercise ? (
        <>
          <ul className="presenter__groups">
            {session.groups.map((g) => (
              <li key={g.id}>
                <strong>{g.name}:</strong> {g.toldOutcome ? 'read the outcome card now.' : 'do not read the outcome card.'}
              </li>
            ))}
          </ul>
          <p>This screen shows the outcome only at the end.</p>
        </>
      ) : (
        <p>The outcome is shown at the end.</p>
      )}
    </div>
  );
}

function Records({ records, label }: { records: readonly FrameRecord[]; label: string }) {
  if (records.length === 0) return null;
  return (
    <ul className="presenter__records" aria-label={label}>
      {records.map((r) => (
        <li key={r.id}>
          <span className="picture__when">{r.when}</span> {r.what}: {r.summary}
        </li>
      ))}
    </ul>
  );
}

function Point({ frame, point, session, onAnswer }: { frame: PresenterFrame; point: DecisionPoint; session: Session; onAnswer: (a: SessionAnswer) => void }) {
  const exercise = session.mode === 'hindsightExercise';
  return (
    <>
      <p className="presenter__question">{point.question}</p>
      <ol className="presenter__options">
        {point.options.map((o, k) => <li key={k}>{o}</li>)}
      </ol>
      <div className="presenter__columns">
        {frame.officer ? <OfficerPicture picture={frame.officer} /> : <p>No officer held the case or is named for this moment.</p>}
        {frame.timeline && (
          <section aria-labelledby="presenter-timeline">
            <h2 id="presenter-timeline">The record in the eight weeks to this moment</h2>
            <TimelineStrip strip={frame.timeline} label="What the officer knew or could read" />
            <h3>The latest they knew or could read</h3>
            <Records records={[...frame.records].reverse().slice(0, 6)} label="The latest records the officer knew or could read" />
          </section>
        )}
      </div>
      <section className="presenter__answers" aria-labelledby="presenter-answers">
        <h2 id="presenter-answers">The room’s answers</h2>
        {session.groups.map((g) => (
          <GroupAnswer key={`${point.id}-${g.id}`} point={point} group={g} session={session} exercise={exercise} onAnswer={onAnswer} />
        ))}
      </section>
    </>
  );
}

function GroupAnswer({ point, group, session, exercise, onAnswer }: { point: DecisionPoint; group: Session['groups'][number]; session: Session; exercise: boolean; onAnswer: (a: SessionAnswer) => void }) {
  const given = answerOf(session, point.id, group.id);
  const [typed, setTyped] = useState(given.foreseeable === null ? '' : String(given.foreseeable));
  const [error, setError] = useState<string | null>(null);
  // Each answer is sent whole, so a store that keeps one answer per group and point loses neither part; whole with
  // what this group sent last, since a rating typed straight after a choice comes before the choice is read back.
  const [sent, setSent] = useState(given);
  const send = (part: { choice?: number; foreseeable?: number }) => {
    const choice = part.choice ?? sent.choice;
    const foreseeable = part.foreseeable ?? sent.foreseeable;
    setSent({ choice, foreseeable });
    onAnswer({ point: point.id, group: group.id, ...(choice !== null ? { choice } : {}), ...(foreseeable !== null ? { foreseeable } : {}) });
  };
  const rate = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(typed.trim());
    if (typed.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) return setError('Enter a whole number from 0 to 100');
    setError(null);
    send({ foreseeable: value });
  };
  const inputId = `rating-${group.id}`;
  return (
    <fieldset className="presenter__group">
      <legend>{group.name}</legend>
      <div className="presenter__choices">
        {point.options.map((o, k) => (
          <button
            key={k}
            type="button"
            className={`presenter__choice${given.choice === k ? ' presenter__choice--chosen' : ''}`}
            aria-pressed={given.choice === k}
            aria-label={`${group.name}: option ${k + 1}, ${o}`}
            onClick={() => send({ choice: k })}
          >
            {k + 1}
          </button>
        ))}
        <span className="presenter__chosen">{given.choice !== null ? `Chose ${given.choice + 1}` : 'No choice yet'}</span>
      </div>
      {exercise && (
        <form className="presenter__rating" onSubmit={rate} noValidate>
          <label htmlFor={inputId}>How foreseeable is the outcome now, 0 to 100?</label>
          {error && <p className="presenter__error" id={`${inputId}-error`}>{error}</p>}
          <input
            id={inputId}
            className="presenter__input"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={typed}
            aria-invalid={error !== null}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="presenter__button presenter__button--plain">
            Record {group.name}’s rating
          </button>
          <span className="presenter__chosen">{given.foreseeable !== null ? `Recorded: ${given.foreseeable}` : 'No rating yet'}</span>
        </form>
      )}
    </fieldset>
  );
}

function Outcome({ outcome }: { outcome: NonNullable<PresenterFrame['outcome']> }) {
  return (
    <div className="presenter__text">
      <p className="presenter__lead">The further offence: {outcome.offence}.</p>
      {paragraphsOf(outcome.text).map((para, i) => <p key={i}>{para}</p>)}
    </div>
  );
}

function Hindsight({ frame }: { frame: PresenterFrame }) {
  return (
    <>
      <p className="presenter__text">Everything, up to the further offence ({frame.outcome?.offence}): what probation had, what other agencies held, and what came to light only afterwards.</p>
      {frame.timeline && <TimelineStrip strip={frame.timeline} label="The whole case as it stood just before the further offence" />}
      <h2>The latest of what probation did not have before the further offence</h2>
      <Records records={[...frame.records].reverse()} label="The latest records probation did not have before the further offence" />
      <h2>What each officer could not know</h2>
      <ol className="presenter__hindsight">
        {frame.hindsight?.map((p) => (
          <li key={p.id}>
            <h3>
              {p.number}. {p.title} <span className="presenter__quiet">({p.when}, {p.officer})</span>
            </h3>
            {(
              [
                ['heldElsewhere', p.heldElsewhere, 'held by other agencies, never shared with probation by then'],
                ['notYetRecorded', p.notYetRecorded, 'had happened but were not yet on the record'],
                ['hindsightOnly', p.cameToLightLater, 'came to light only after the further offence'],
              ] as const
            ).map(([state, part, words]) => (
              <div key={state}>
                <p>
                  <strong>{count(part.count, 'record')}</strong> {words}.
                </p>
                <Records records={part.latest.slice(0, 3)} label={`${STATE_LABELS[state]} at point ${p.number}`} />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
