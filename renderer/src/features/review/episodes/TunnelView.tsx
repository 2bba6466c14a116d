import { useMemo } from 'react';
import type { CaseIndex, OfficerView } from '../../../../../shared/engine/caseIndex.js';
import { KNOWLEDGE_RULES, type KnowledgeState } from '../../../../../shared/engine/knowledge.js';
import { countStates, recordsIn } from '../../../../../shared/engine/officerSummary.js';
import { count } from '../../../../../shared/domain/words.js';
import { citedOutOfDate, policiesInForce, policyDates, POLICY_RULE } from '../../../../../shared/review/policies.js';
import type { Episode, Policy, Review } from '../../../../../shared/schemas/review.js';
import { formatUkDate } from '../../../../../shared/time/display.js';
import { RecordLinks } from '../../case/RecordLinks.js';
import { OfficerPanel } from '../../timeline/OfficerPanel.js';
import { caseRecalls } from '../../timeline/model.js';
import { RecallTiming } from '../RecallTiming.js';
import { recallSequencesBy, recallSequencesForEpisode } from '../../../../../shared/review/recallTiming.js';
import { latestInstant } from '../../../../../shared/time/london.js';
import { href } from '../../shell/useHashRoute.js';

const NOTHING_REVEALED: ReadonlySet<string> = new Set();
const NO_POLICIES: readonly Policy[] = [];
// The review sees the case with the whole story known: nothing is held back, so there is nothing to reveal.
const NO_REVEAL = () => undefined;

// What others held and what was not yet recorded are in the officer panel below.
const STATE_ROWS: { state: KnowledgeState; label: string }[] = [
  { state: 'known', label: 'Knew' },
  { state: 'onRecord', label: 'On the record' },
  { state: 'hindsightOnly', label: 'Came to light later' },
];

/**
 * The view from the tunnel at an episode's decision, live from the engine: what the officer knew, what was on the
 * record, what others held; what they carried (the officer panel of the timeline); and the policies in force that
 * day, with any the episode cites that were not. Each figure opens to its rule and its records.
 */
export function TunnelView(props: { caseId: string; index: CaseIndex; review: Review | null; episode: Episode; view: OfficerView; when: string; onSelect: (id: string) => void }) {
  const { index, view, episode } = props;
  const counts = useMemo(() => countStates(view.states), [view]);
  const rows = useMemo(
    () => STATE_ROWS.filter((r) => r.state !== 'hindsightOnly' || counts.hindsightOnly > 0).map((r) => ({ ...r, latest: recordsIn(index, view, r.state, 8).latest })),
    [index, view, counts],
  );
  const name = view.officer.name || view.officer.code;
  const recalls = useMemo(() => recallSequencesForEpisode(caseRecalls(index, props.review?.policies ?? NO_POLICIES), episode), [index, props.review, episode]);
  const laterSteps = recalls.some((s) => [...s.breaches, ...s.hits].some((h) => latestInstant(h.time) > view.at));
  const policies = props.review?.policies ?? [];
  const inForce = policiesInForce(policies, view.date);
  const outOfDate = episode.policies.flatMap((id) => {
    const p = policies.find((x) => x.id === id);
    return p && citedOutOfDate(p, view.date) !== null ? [p] : [];
  });
  return (
    <section className="tunnel" aria-labelledby="tunnel-title" data-at={view.at}>
      <h3 id="tunnel-title" className="heading-m" tabIndex={-1}>The view from the tunnel</h3>
      <p className="tunnel__lead">
        What <strong>{name}</strong> could know and carried at <strong>{props.when}</strong>, worked out from the case as it stands now: if its
        records change, this follows.
      </p>
      <dl className="summary-list summary-list--compact" aria-label="What they could know">
        {rows.map(({ state, label, latest }) => {
          return (
            <div key={state} className="summary-list__row">
              <dt className="summary-list__key">{label}</dt>
              <dd className="summary-list__value" data-state={state}>
                <strong>{count(counts[state], 'record')}</strong>
                <details className="why">
                  <summary>How this is worked out<span className="visually-hidden">: {label.toLowerCase()}</span></summary>
                  <p className="why__rule">{KNOWLEDGE_RULES[state]}</p>
                  <RecordLinks records={latest} total={counts[state]} onSelect={props.onSelect} />
                </details>
              </dd>
            </div>
          );
        })}
      </dl>

      <h4 className="heading-s">Policies in force on {formatUkDate(view.date)}</h4>
      {outOfDate.map((p) => (
        <div key={p.id} className="warning-text warning-text--s" data-flag="citedOutOfDate">
          <span className="warning-text__icon" aria-hidden="true">!</span>
          <p className="warning-text__text">
            <span className="visually-hidden">Warning: </span>This episode cites <strong>{p.name}</strong>, which was not in force on {formatUkDate(view.date)}: it applied {policyDates(p)}.
          </p>
        </div>
      ))}
      {policies.length === 0 ? (
        <p className="hint">
          The review has no policies yet: add them in <a href={href.review(props.caseId, 'policies')}>Policies in force</a>.
        </p>
      ) : inForce.length === 0 ? (
        <p>None of the review’s policies was in force that day.</p>
      ) : (
        <ul className="list tunnel__policies">
          {inForce.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.version ? ` (${p.version})` : ''}, {policyDates(p)}
              {p.requires && <span className="tunnel__requires">{p.requires}</span>}
            </li>
          ))}
        </ul>
      )}
      <details className="why">
        <summary>How this is worked out<span className="visually-hidden">: policies in force</span></summary>
        <p className="why__rule">{POLICY_RULE}</p>
      </details>

      <h4 className="heading-s">Recall and enforcement</h4>
      {recalls.length === 0 ? (
        <p>No breach, enforcement or recall in the 12 weeks up to the decision.</p>
      ) : (
        <>
          <p className="hint">As the record stood at the decision: each step by then, the time between steps, and the targets of the policies in force.</p>
          <RecallTiming sequences={recallSequencesBy(recalls, view.at)} onOpenRecord={props.onSelect} />
          {laterSteps && (
            <details className="why">
              <summary>What happened next (after the decision)</summary>
              <RecallTiming sequences={recalls} onOpenRecord={props.onSelect} />
            </details>
          )}
        </>
      )}

      <OfficerPanel index={index} view={view} hindsight revealed={NOTHING_REVEALED} onReveal={NO_REVEAL} onSelect={props.onSelect} />
    </section>
  );
}
