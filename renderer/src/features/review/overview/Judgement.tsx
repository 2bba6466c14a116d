import { useReviewWork } from '../reviewContext.js';
import { ANSWER_NAMES, Choice } from './Choice.js';
import { SavedText } from './SavedText.js';
import { useHeadSaver } from './useHeadSaver.js';

export const JUDGEMENT_HEADING = 'judgement-title';

/** The review's overall judgement: were all reasonable steps taken, and why the reviewer says so. */
export function Judgement() {
  const { review } = useReviewWork();
  const saveHead = useHeadSaver();
  const judgement = review?.judgement;
  return (
    <section className="section-break review-form" aria-labelledby={JUDGEMENT_HEADING}>
      <h3 id={JUDGEMENT_HEADING} className="heading-m" tabIndex={-1}>Judgement</h3>
      <Choice
        name="all-reasonable-steps"
        legend="Were all reasonable steps taken?"
        hint="To manage the risk of serious harm, judged by what was known, and the guidance in force, at the time."
        value={judgement?.allReasonableSteps}
        onChoose={(answer) =>
          void saveHead((head) => ({ judgement: { rationale: '', ...head.judgement, allReasonableSteps: answer } }), `Judgement: were all reasonable steps taken? ${ANSWER_NAMES[answer]}`)
        }
      />
      <SavedText
        id="judgement-rationale"
        label="The reasons for the judgement"
        hint="What the judgement rests on: the episodes and findings that bear on it. Saved when you leave the box or stop typing."
        value={judgement?.rationale ?? ''}
        onSave={(rationale) => saveHead((head) => ({ judgement: { ...head.judgement, rationale } }), 'Judgement: reasons changed')}
        rows={6}
      />
    </section>
  );
}
