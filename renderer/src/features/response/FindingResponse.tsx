import { useMemo, useState } from 'react';
import { paragraphsOf } from '../../../../shared/report/words.js';
import { decisionText } from '../../../../shared/review/episodeEdits.js';
import { FINDING_KIND_NAMES } from '../../../../shared/review/words.js';
import type { Finding } from '../../../../shared/schemas/review.js';
import { useCaseViewState } from '../case/caseViewState.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { useReviewWork } from '../review/reviewContext.js';
import { stateIn, StateNote, useDecisionView } from '../review/episodes/decisionView.js';
import { TunnelView } from '../review/episodes/TunnelView.js';
import { FlagItem } from '../review/findings/FlagItem.js';
import { RecordLine } from '../review/episodes/parts.js';
import { ResponseForm, type ResponseDraft } from './ResponseForm.js';
import { EscalationEvidence, Statements, type Addition } from './FromTheData.js';
import { ResponseVersions } from './ResponseVersions.js';

const EMPTY_DRAFT: ResponseDraft = { status: null, text: '', evidence: [] };

/**
 * One finding as the practitioner answers it: the finding and its decision, the flags the tool raised (dismissed ones
 * with the reviewer's reason), their own view from the tunnel at the decision, and their response, every version kept.
 */
export function FindingResponse({ finding }: { finding: Finding }) {
  const { caseId, index, review, checks } = useReviewWork();
  const episode = review?.episodes.find((e) => e.id === finding.episode);
  const decision = useDecisionView(index, episode ?? null);
  const { view, at } = decision;
  const when = episode ? decisionText(episode.decisionAt) : '';
  const officerName = view ? view.officer.name || view.officer.code : 'the officer';
  const flags = useMemo(() => checks.of(finding), [checks, finding]);
  const whenById = useMemo(() => new Map((review?.episodes ?? []).map((e) => [e.id, decisionText(e.decisionAt)])), [review]);
  const versions = useMemo(() => (review?.responses ?? []).filter((r) => r.finding === finding.id), [review, finding.id]);
  const [draft, setDraft] = useState<ResponseDraft>(EMPTY_DRAFT);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  // A sentence from the data joins the response as a paragraph of its own; the records it rests on join its evidence.
  const add = (key: string, { text, records }: Addition) => {
    setAdded((was) => new Set([...was, key]));
    setDraft((d) => ({
      ...d,
      text: d.text.trim() ? `${d.text.trimEnd()}\n\n${text}` : text,
      evidence: [...d.evidence, ...records.filter((r) => index.positionOf(r) !== undefined && !d.evidence.includes(r))],
    }));
  };
  const onDraft = (d: ResponseDraft) => {
    setDraft(d);
    // Once saved (or cleared), what was added can be added again to the next version.
    if (!d.text) setAdded(new Set());
  };
  const { state: viewState, update } = useCaseViewState();
  // A record opens on the timeline at the decision, as the officer saw the case then.
  const show = (record?: string) => {
    if (at === null) return;
    update({ cursor: at, officer: episode?.officer ?? null, ...(record ? { selectedId: record, revealed: new Set([...viewState.revealed, record]) } : {}) });
    navigate(href.case(caseId, 'timeline'));
  };

  return (
    <article className="finding-response" aria-labelledby={`finding-${finding.id}`}>
      <h2 id={`finding-${finding.id}`} className="heading-l">
        Finding {finding.id} <strong className="tag tag--grey">{FINDING_KIND_NAMES[finding.kind]}</strong>
      </h2>
      <blockquote className="finding-response__text">
        {paragraphsOf(finding.text).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </blockquote>

      {episode ? (
        <section aria-labelledby={`decision-${finding.id}`}>
          <h3 id={`decision-${finding.id}`} className="heading-m">The decision it is about</h3>
          <p>
            <strong>{episode.title}</strong>, {when}, by {officerName}.
          </p>
          {episode.whatHappened && (
            <>
              <p className="hint">What happened, in the reviewer’s words:</p>
              <blockquote className="finding-response__quote">{episode.whatHappened}</blockquote>
            </>
          )}
        </section>
      ) : (
        <p className="hint">This finding is not about one decision, so there is no single moment to show the case as you saw it.</p>
      )}

      <section aria-labelledby={`evidence-${finding.id}`}>
        <h3 id={`evidence-${finding.id}`} className="heading-m">The evidence it cites</h3>
        {finding.evidence.length === 0 ? (
          <p className="hint">The finding cites no records.</p>
        ) : (
          <ul className="finding-response__evidence-list">
            {finding.evidence.map((record) => {
              const state = view ? stateIn(index, view, record) : null;
              return (
                <li key={record} className="finding-response__evidence">
                  <p className="finding-response__record">
                    <RecordLine index={index} id={record} />
                  </p>
                  {state && view && <StateNote index={index} record={record} state={state} officer={officerName} when={when} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby={`flags-${finding.id}`}>
        <h3 id={`flags-${finding.id}`} className="heading-m">Hindsight flags the tool raised</h3>
        <p className="hint">Foresight checks every finding for hindsight. A flag the reviewer dismissed is shown with their reason.</p>
        {flags.length === 0 ? (
          <p>The checks raised no flag on this finding.</p>
        ) : (
          <ul className="flag-list">
            {flags.map((flag) => (
              <FlagItem key={flag.kind === 'lateEvidence' ? flag.record : flag.kind === 'outcomeLanguage' ? flag.offset : flag.kind} flag={flag} index={index} when={whenById} />
            ))}
          </ul>
        )}
      </section>

      {episode && view && <TunnelView caseId={caseId} index={index} review={review} episode={episode} view={view} when={when} onSelect={show} />}

      {review && episode && view && at !== null && (
        <>
          <Statements index={index} review={review} findingId={finding.id} added={added} onAdd={add} />
          <EscalationEvidence index={index} officer={view.officer.code} until={at} findingId={finding.id} added={added} onAdd={add} />
        </>
      )}

      <section aria-labelledby={`respond-${finding.id}`} className="finding-response__respond">
        <h3 id={`respond-${finding.id}`} className="heading-m">Your response</h3>
        <ResponseVersions index={index} finding={finding} versions={versions} headingLevel={4} />
        <ResponseForm finding={finding} draft={draft} onDraft={onDraft} near={at} versions={versions} />
      </section>
    </article>
  );
}
