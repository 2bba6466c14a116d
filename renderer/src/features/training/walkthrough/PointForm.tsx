import { checkPoint, MAX_OPTIONS, pointFields, type PointFields } from '../../../../../shared/training/walkthroughEdits.js';
import { decisionText } from '../../../../../shared/review/episodeEdits.js';
import type { Episode } from '../../../../../shared/schemas/review.js';
import type { DecisionPoint } from '../../../../../shared/training/walkthrough.js';
import { ErrorSummary } from '../../cases/fields.js';
import { fieldId, SelectField, TextArea, TextInput } from '../../review/registers/fields.js';
import { useRegisterForm } from '../../review/registers/useRegisterForm.js';

const FORM = 'point';

/** Where each error of the form sends the user: its field (the options' to the first option). */
const targetOf = (key: string) => fieldId(FORM, key === 'options' ? 'options.0' : key);

/**
 * Adding a decision point, or changing one: where it comes from (a key practice episode of the review, or any moment
 * of the case), the question and the options put to the room, and what the officer actually did.
 */
export function PointForm({ id, point, at, episodes, onSave, onClose }: {
  id: string;
  point: DecisionPoint | undefined;
  /** A moment chosen on the timeline, for a new point. */
  at?: string;
  episodes: readonly Episode[];
  onSave: (point: DecisionPoint) => Promise<boolean>;
  onClose: () => void;
}) {
  const { fields, setFields, errors, saving, set, submit } = useRegisterForm(() => pointFields(point, undefined, at), (f: PointFields) => checkPoint(id, f), onSave, onClose);
  const messages = Object.fromEntries(Object.entries(errors).map(([key, e]) => [key, e.message]));
  const fromEpisode = (episodeId: string) => {
    const episode = episodes.find((e) => e.id === episodeId);
    // The episode gives the title, the moment and the officer; what was written for the room stays.
    setFields((f) => (episode ? { ...pointFields(undefined, episode), question: f.question, options: f.options, actual: f.actual } : { ...f, episode: '', officer: '' }));
  };
  const setOption = (i: number) => (value: string) => setFields((f) => ({ ...f, options: f.options.map((o, j) => (j === i ? value : o)) }));
  const momentError = errors['moment.date'] ?? errors['moment.time'];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={messages} labels={messages} targets={Object.fromEntries(Object.keys(errors).map((key) => [key, targetOf(key)]))} />
      {episodes.length > 0 && (
        <SelectField
          id={fieldId(FORM, 'episode')}
          label="Key practice episode (optional)"
          hint="Choosing one fills in its title, its decision moment and its officer. Leave it to use any moment of the case."
          empty="None: a moment of my own"
          options={episodes.map((e) => ({ value: e.id, label: `${e.id}: ${e.title} (${decisionText(e.decisionAt)})` }))}
          value={fields.episode}
          onChange={fromEpisode}
        />
      )}
      <TextInput id={fieldId(FORM, 'title')} label="Title" hint="A few words the room sees with the question, like “The police call-out”. Word it so it does not give away what the officer decided." value={fields.title} onChange={set('title')} error={errors.title} />
      <div className={`form-group${momentError ? ' form-group--error' : ''}`}>
        <fieldset className="form-fieldset" aria-describedby={`${FORM}-moment-hint`}>
          <legend className="form-fieldset__legend">Moment the room stands at</legend>
          <div id={`${FORM}-moment-hint`} className="hint">UK time. The room sees only what could be known by then. Leave the time blank if only the day matters: the end of that day is used.</div>
          <div className="register-form__dates">
            <TextInput id={fieldId(FORM, 'moment.date')} label="Date" hint="For example, 30/10/2023" value={fields.moment.date} onChange={(date) => set('moment')({ ...fields.moment, date })} error={errors['moment.date']} width="short" />
            <TextInput id={fieldId(FORM, 'moment.time')} label="Time (optional)" hint="24-hour clock, like 14:30" value={fields.moment.time} onChange={(time) => set('moment')({ ...fields.moment, time })} error={errors['moment.time']} width="short" />
          </div>
        </fieldset>
      </div>
      <TextArea id={fieldId(FORM, 'question')} label="Question put to the room" hint="For example: What would you do now, and why?" value={fields.question} onChange={set('question')} error={errors.question} rows={3} />
      <div className={`form-group${errors.options ? ' form-group--error' : ''}`}>
        <fieldset className="form-fieldset" aria-describedby={[`${FORM}-options-hint`, errors.options && `${FORM}-options-error`].filter(Boolean).join(' ')}>
          <legend className="form-fieldset__legend">Options</legend>
          <div id={`${FORM}-options-hint`} className="hint">Two to {MAX_OPTIONS} choices for the room. Leave the rest blank.</div>
          {errors.options && <p id={`${FORM}-options-error`} className="error-message"><span className="visually-hidden">Error:</span> {errors.options.message}</p>}
          {fields.options.map((option, i) => (
            <TextInput key={i} id={fieldId(FORM, `options.${i}`)} label={`Option ${i + 1}`} value={option} onChange={setOption(i)} error={errors[`options.${i}`]} />
          ))}
        </fieldset>
      </div>
      <TextArea id={fieldId(FORM, 'actual')} label="What the officer actually did (optional)" hint="Shown to the room only in the debrief." value={fields.actual} onChange={set('actual')} rows={3} />
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>Save the decision point</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
