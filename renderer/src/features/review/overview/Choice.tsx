import { useState, type ReactNode } from 'react';
import { REASONABLE_STEPS } from '../../../../../shared/schemas/review.js';

export type Answer = (typeof REASONABLE_STEPS)[number];
export const ANSWER_NAMES: Record<Answer, string> = { yes: 'Yes', no: 'No', partly: 'Partly' };

/**
 * A yes / no / partly question, GOV.UK radios, saved the moment an answer is chosen. The choice shows at once and
 * follows the stored answer (an undo) afterwards.
 */
export function Choice({ name, legend, hint, value, onChoose }: { name: string; legend: ReactNode; hint?: ReactNode; value: Answer | undefined; onChoose: (answer: Answer) => void }) {
  const [chosen, setChosen] = useState(value);
  const [stored, setStored] = useState(value);
  if (value !== stored) {
    setStored(value);
    setChosen(value);
  }
  return (
    <div className="form-group">
      <fieldset className="form-fieldset" aria-describedby={hint ? `${name}-hint` : undefined}>
        <legend className="form-fieldset__legend">{legend}</legend>
        {hint && <div id={`${name}-hint`} className="hint">{hint}</div>}
        <div className="radios radios--inline">
          {REASONABLE_STEPS.map((answer) => (
            <label key={answer} className="radio" htmlFor={`${name}-${answer}`}>
              <input
                id={`${name}-${answer}`}
                type="radio"
                name={name}
                value={answer}
                checked={chosen === answer}
                onChange={() => {
                  setChosen(answer);
                  onChoose(answer);
                }}
              />
              {ANSWER_NAMES[answer]}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
