import type { MouseEvent } from 'react';
import type { HindsightFlag } from '../../../../../shared/review/flags.js';
import { checkStatus, qualitySelfCheck, type CheckStatus, type QualityCheckKey, type QualityItem, type StandardSelfCheck } from '../../../../../shared/review/quality.js';
import { startOf } from '../../../../../shared/review/registerForms.js';
import { href } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import type { ReviewSection } from '../sections.js';
import { useRecordName } from '../registers/ItemLinks.js';
import { ANSWER_NAMES, Choice } from './Choice.js';
import { JUDGEMENT_HEADING } from './Judgement.js';
import { SavedText } from './SavedText.js';
import { useHeadSaver } from './useHeadSaver.js';

/** Where each check's failing items are put right. */
const FIX_IN: Record<QualityCheckKey, ReviewSection> = {
  appraised: 'episodes',
  systemFactor: 'findings',
  hindsight: 'flags',
  judgement: 'overview',
  policiesInForce: 'episodes',
  actions: 'actions',
};

const STATUS: Record<CheckStatus, { text: string; tag: string }> = {
  met: { text: 'Met', tag: 'tag--green' },
  notMet: { text: 'Not met', tag: 'tag--red' },
  nothingYet: { text: 'Nothing to check yet', tag: 'tag--grey' },
};

/** HMIP's four standards: what the review itself shows for each, then the reviewer's own answer. */
export function QualitySelfCheck({ flags }: { flags: readonly HindsightFlag[] }) {
  const { review } = useReviewWork();
  const recordName = useRecordName();
  const standards = qualitySelfCheck(review, flags, recordName);
  return (
    <section className="section-break" aria-labelledby="quality-title">
      <h3 id="quality-title" className="heading-m">Quality self-check</h3>
      <p className="register__intro">
        HM Inspectorate of Probation rates SFO reviews against four standards. Foresight checks what the review itself can show; the rest is for you to
        answer. Each answer is saved as you give it.
      </p>
      {standards.map((s) => <Standard key={s.standard} standard={s} />)}
    </section>
  );
}

function Standard({ standard: s }: { standard: StandardSelfCheck }) {
  const saveHead = useHeadSaver();
  const id = `quality-${s.standard}`;
  return (
    <section className="quality-standard" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="heading-s">{s.name}</h4>
      {s.checks.length === 0 ? (
        <p className="register__meta">The review’s own data cannot show this standard: it is yours to answer.</p>
      ) : (
        <ul className="quality-checks">
          {s.checks.map((c) => {
            const status = STATUS[checkStatus(c)];
            return (
              <li key={c.key} className="quality-check" data-check={c.key}>
                <strong className={`tag tag--inline ${status.tag}`}>{status.text}</strong> {c.rule}
                {c.failing.length > 0 && (
                  <ul className="quality-check__failing">
                    {c.failing.map((item, i) => <li key={i}><ItemLink item={item} section={FIX_IN[c.key]} />: {item.problem}</li>)}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Choice
        name={`${id}-met`}
        legend={s.question}
        value={s.answer?.met}
        onChoose={(met) => void saveHead((head) => ({ quality: { ...head.quality, [s.standard]: { note: '', ...head.quality?.[s.standard], met } } }), `Quality self-check, ${s.name}: ${ANSWER_NAMES[met]}`)}
      />
      <SavedText
        id={`${id}-note`}
        label={<>Your note<span className="visually-hidden"> on {s.name.toLowerCase()}</span> (optional)</>}
        value={s.answer?.note ?? ''}
        onSave={(note) => saveHead((head) => ({ quality: { ...head.quality, [s.standard]: { ...head.quality?.[s.standard], note } } }), `Quality self-check, ${s.name}: note changed`)}
        rows={2}
      />
    </section>
  );
}

/** A failing item, named by id and its words, linking to where it is put right (the judgement is on this page). */
function ItemLink({ item, section }: { item: QualityItem; section: ReviewSection }) {
  const { caseId, review } = useReviewWork();
  if (item.kind === 'judgement') {
    const toJudgement = (e: MouseEvent) => {
      e.preventDefault();
      document.getElementById(JUDGEMENT_HEADING)?.focus();
    };
    return <a href={href.review(caseId, section)} onClick={toJudgement}>The judgement</a>;
  }
  const words = item.kind === 'episode' ? review?.episodes.find((e) => e.id === item.id)?.title : review?.findings.find((f) => f.id === item.id)?.text;
  return <a href={href.review(caseId, section)}>{item.kind === 'episode' ? 'Episode' : 'Finding'} {item.id}{words ? ` (${startOf(words, 50)})` : ''}</a>;
}
