import type { ReactNode } from 'react';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import type { DecisionParts } from '../../../../../shared/review/episodeEdits.js';
import { APPRAISAL_NAMES } from '../../../../../shared/review/words.js';
import { inForceOn } from '../../../../../shared/review/policies.js';
import { APPRAISALS, type Appraisal, type Episode, type Review } from '../../../../../shared/schemas/review.js';
import { href } from '../../shell/useHashRoute.js';
import { RecordPicker } from './RecordPicker.js';
import { RegisterChoices } from './parts.js';

export interface EpisodeErrors {
  title?: string;
  decision?: { field: keyof DecisionParts; message: string };
}

/**
 * An episode's fields, for adding one and for editing it in place: title, decision moment (London time), officer,
 * records, what happened, appraisal, and the policies and factors of the review it draws on.
 */
export function EpisodeFields(props: {
  id: string;
  caseId: string;
  index: CaseIndex;
  review: Review | null;
  episode: Episode;
  onChange: (next: Episode, how: 'pause' | 'now') => void;
  /** The person left a text field: what they typed is saved now. */
  onLeave?: () => void;
  decision: DecisionParts;
  onDecision: (parts: DecisionParts) => void;
  onDecisionLeave?: () => void;
  errors: EpisodeErrors;
  /** Whoever held the case at the decision, by name (null: the moment cannot be read yet, or nobody held it). */
  holder: string | null;
  /** The decision as an instant, when it can be read. */
  at: number | null;
  /** The decision's London date, when it can be read: the policies not in force then are marked. */
  date: string | null;
  /** What is said beside each of the episode's records: its state at the decision. */
  beside?: (record: string) => ReactNode;
}) {
  const { id, episode, errors, decision } = props;
  const set = (change: Partial<Episode>, how: 'pause' | 'now' = 'now') => props.onChange({ ...episode, ...change }, how);
  const officers = props.index.officers();
  const chosenOfficer = episode.officer && !officers.some((o) => o.code === episode.officer) ? [props.index.staffMember(episode.officer)] : [];
  const decisionError = errors.decision;
  const decisionDescribed = [`${id}-when-hint`, decisionError && `${id}-when-error`].filter(Boolean).join(' ');
  return (
    <>
      <div className={`form-group${errors.title ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor={`${id}-title`}>Title</label>
        <div id={`${id}-title-hint`} className="hint">A few words for the stretch of practice, like “Decision not to recall after the police call-out”.</div>
        {errors.title && <p id={`${id}-title-error`} className="error-message"><span className="visually-hidden">Error:</span> {errors.title}</p>}
        <input
          id={`${id}-title`}
          className={`input${errors.title ? ' input--error' : ''}`}
          value={episode.title}
          onChange={(e) => set({ title: e.target.value }, 'pause')}
          onBlur={props.onLeave}
          aria-describedby={[`${id}-title-hint`, errors.title && `${id}-title-error`].filter(Boolean).join(' ')}
          aria-invalid={errors.title ? true : undefined}
          autoComplete="off"
        />
      </div>

      <div className={`form-group${decisionError ? ' form-group--error' : ''}`}>
        <fieldset
          className="form-fieldset"
          role="group"
          aria-describedby={decisionDescribed}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) props.onDecisionLeave?.();
          }}
        >
          <legend className="form-fieldset__legend">Decision moment</legend>
          <div id={`${id}-when-hint`} className="hint">UK time. The view from the tunnel is worked out at this moment. Leave the time blank if only the day is known: the end of that day is used.</div>
          {decisionError && <p id={`${id}-when-error`} className="error-message"><span className="visually-hidden">Error:</span> {decisionError.message}</p>}
          <div className="date-input">
            <div className="date-input__item">
              <label className="label date-input__label" htmlFor={`${id}-date`}>Date</label>
              <div id={`${id}-date-hint`} className="hint hint--s">For example, 22/06/2022</div>
              <input
                id={`${id}-date`}
                className={`input review-date${decisionError?.field === 'date' ? ' input--error' : ''}`}
                value={decision.date}
                onChange={(e) => props.onDecision({ ...decision, date: e.target.value })}
                aria-describedby={`${id}-date-hint`}
                aria-invalid={decisionError?.field === 'date' || undefined}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="date-input__item">
              <label className="label date-input__label" htmlFor={`${id}-time`}>Time (optional)</label>
              <div id={`${id}-time-hint`} className="hint hint--s">24-hour clock, like 14:30</div>
              <input
                id={`${id}-time`}
                className={`input review-time${decisionError?.field === 'time' ? ' input--error' : ''}`}
                value={decision.time}
                onChange={(e) => props.onDecision({ ...decision, time: e.target.value })}
                aria-describedby={`${id}-time-hint`}
                aria-invalid={decisionError?.field === 'time' || undefined}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          </div>
        </fieldset>
      </div>

      <div className="form-group">
        <label className="label" htmlFor={`${id}-officer`}>Officer</label>
        <div id={`${id}-officer-hint`} className="hint">Whose decision it was. By default, whoever held the case at the decision.</div>
        <select
          id={`${id}-officer`}
          className="select"
          value={episode.officer ?? ''}
          onChange={(e) => {
            const { officer: _, ...rest } = episode;
            props.onChange(e.target.value ? { ...rest, officer: e.target.value } : rest, 'now');
          }}
          aria-describedby={`${id}-officer-hint`}
        >
          <option value="">Whoever held the case then{props.holder ? ` (${props.holder})` : ''}</option>
          {[...officers, ...chosenOfficer].map((o) => (
            <option key={o.code} value={o.code}>{o.name ? `${o.name} (${o.code}${o.grade ? `, ${o.grade}` : ''})` : o.code}</option>
          ))}
        </select>
      </div>

      <RecordPicker
        id={`${id}-records`}
        legend="Records"
        hint="The records this episode is about: each shows what the officer could know of it at the decision."
        index={props.index}
        chosen={episode.records}
        onChange={(records) => set({ records })}
        near={props.at}
        beside={props.beside}
      />

      <div className="form-group">
        <label className="label" htmlFor={`${id}-what`}>What happened</label>
        <div id={`${id}-what-hint`} className="hint">What was done and decided, as it looked at the time.</div>
        <textarea
          id={`${id}-what`}
          className="textarea"
          rows={5}
          value={episode.whatHappened}
          onChange={(e) => set({ whatHappened: e.target.value }, 'pause')}
          onBlur={props.onLeave}
          aria-describedby={`${id}-what-hint`}
        />
      </div>

      <div className="form-group">
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Appraisal</legend>
          <div className="radios radios--review">
            {[undefined, ...APPRAISALS].map((a: Appraisal | undefined) => (
              <div key={a ?? 'none'} className="radio">
                <input
                  id={`${id}-appraisal-${a ?? 'none'}`}
                  type="radio"
                  name={`${id}-appraisal`}
                  checked={episode.appraisal === a}
                  onChange={() => {
                    const { appraisal: _, ...rest } = episode;
                    props.onChange(a ? { ...rest, appraisal: a } : rest, 'now');
                  }}
                />
                <label htmlFor={`${id}-appraisal-${a ?? 'none'}`}>{a ? APPRAISAL_NAMES[a] : 'Not yet appraised'}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>

      <RegisterChoices
        id={`${id}-policies`}
        legend="Policies it is judged by"
        items={(props.review?.policies ?? []).map((p) => ({
          id: p.id,
          label: (
            <>
              {p.name}{p.version ? ` (${p.version})` : ''}
              {props.date && !inForceOn(p, props.date) && <strong className="tag tag--yellow">Not in force on this date</strong>}
            </>
          ),
        }))}
        chosen={episode.policies}
        onChange={(policies) => set({ policies })}
        empty={<>None yet: add them in <a href={href.review(props.caseId, 'policies')}>Policies in force</a>.</>}
      />
      <RegisterChoices
        id={`${id}-factors`}
        legend="Contributory factors"
        items={(props.review?.factors ?? []).map((f) => ({ id: f.id, label: f.text }))}
        chosen={episode.factors}
        onChange={(factors) => set({ factors })}
        empty={<>None yet: add them in <a href={href.review(props.caseId, 'factors')}>Contributory factors</a>.</>}
      />
    </>
  );
}
