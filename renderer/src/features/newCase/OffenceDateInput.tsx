import type { OffenceErrors, OffenceParts } from '../../../../shared/domain/offenceMoment.js';

/**
 * The GOV.UK date input for the further offence (day, month and year apart, each numeric), and its time if known.
 * An error goes with the part it is about; an error about the whole date marks every part.
 */
export function OffenceDateInput({ parts, errors, onChange }: { parts: OffenceParts; errors: OffenceErrors; onChange: (parts: OffenceParts) => void }) {
  const dateError = errors.date ?? errors.day ?? errors.month ?? errors.year;
  const field = (key: 'day' | 'month' | 'year', label: string, width: string) => (
    <div className="date-input__item">
      <label className="label date-input__label" htmlFor={`offence-${key}`}>{label}</label>
      <input
        id={`offence-${key}`}
        className={`input date-input__input ${width}${errors.date || errors[key] ? ' input--error' : ''}`}
        inputMode="numeric"
        value={parts[key]}
        onChange={(e) => onChange({ ...parts, [key]: e.target.value })}
        aria-invalid={errors.date || errors[key] ? true : undefined}
      />
    </div>
  );
  return (
    <>
      <div className={`form-group${dateError ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset date-input" role="group" aria-describedby={`offence-hint${dateError ? ' offence-error' : ''}`}>
          <legend className="label">When did the further offence happen?</legend>
          <div id="offence-hint" className="hint">For example, 12 11 2023</div>
          {dateError && <p id="offence-error" className="error-message"><span className="visually-hidden">Error:</span> {dateError}</p>}
          <div className="date-input__row">
            {field('day', 'Day', 'input--width-2')}
            {field('month', 'Month', 'input--width-2')}
            {field('year', 'Year', 'input--width-4')}
          </div>
        </fieldset>
      </div>
      <div className={`form-group${errors.time ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="offence-time">Time (optional)</label>
        <div id="offence-time-hint" className="hint">24-hour clock, like 02:17. Leave it blank if only the day is known: the offence then counts as the end of that day.</div>
        {errors.time && <p id="offence-time-error" className="error-message"><span className="visually-hidden">Error:</span> {errors.time}</p>}
        <input
          id="offence-time"
          className={`input input--width-5${errors.time ? ' input--error' : ''}`}
          value={parts.time}
          onChange={(e) => onChange({ ...parts, time: e.target.value })}
          aria-describedby={`offence-time-hint${errors.time ? ' offence-time-error' : ''}`}
          aria-invalid={errors.time ? true : undefined}
        />
      </div>
    </>
  );
}
