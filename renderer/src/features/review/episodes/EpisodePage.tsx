import { useCallback, useState } from 'react';
import { removeItem } from '../../../../../shared/review/edits.js';
import { decisionParts, decisionText, describeEpisodeChange, readDecision, type DecisionParts } from '../../../../../shared/review/episodeEdits.js';
import { FINDING_KIND_NAMES } from '../../../../../shared/review/words.js';
import { anyOpen, episodeOfficer } from '../../../../../shared/review/flags.js';
import { reviewItemKey } from '../../../../../shared/review/reviewRows.js';
import { Episode } from '../../../../../shared/schemas/review.js';
import { count } from '../../../../../shared/domain/words.js';
import { useCaseViewState } from '../../case/caseViewState.js';
import { href, navigate } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import { startFinding } from '../findings/startFinding.js';
import { EpisodeFields } from './EpisodeFields.js';
import { TunnelView } from './TunnelView.js';
import { stateIn, StateNote, useDecisionView } from './decisionView.js';
import { AppraisalTag, DeleteWithConfirmation, recordLabel } from './parts.js';
import { useItemDraft } from './useItemDraft.js';
import { scrollToTopOf } from './scrolling.js';

/**
 * One key practice episode: its fields, edited in place and saved as they are changed, the findings about it, and
 * the view from the tunnel at its decision, live from the engine.
 */
export function EpisodePage({ episode }: { episode: Episode }) {
  const work = useReviewWork();
  const { review, caseId, index, checks, save } = work;
  const { state: viewState, update } = useCaseViewState();
  const name = useCallback((code: string) => index.staffMember(code).name || code, [index]);
  const store = useCallback(
    (next: Episode, before: Episode, what: string | undefined) => {
      // Only a whole episode is stored: one without a title, or with too much text, would leave the review unreadable.
      if (!Episode.safeParse(next).success) return Promise.resolve(false);
      const names = {
        officer: name,
        policy: (id: string) => review?.policies.find((p) => p.id === id)?.name ?? id,
        factor: (id: string) => review?.factors.find((f) => f.id === id)?.text ?? id,
        record: (id: string) => recordLabel(index, id),
      };
      return save({ what: what ?? describeEpisodeChange(before, next, names), changes: [{ key: reviewItemKey('episodes', next), after: next }] });
    },
    [save, review, index, name],
  );
  const { value: draft, set, flush } = useItemDraft(episode, store);
  const typed = useTypedDecision(draft.decisionAt);
  const decision = useDecisionView(index, draft);
  const { view, at } = decision;
  const when = decisionText(draft.decisionAt);
  const holder = at === null ? null : episodeOfficer(index, {}, at);
  const officerName = view ? view.officer.name || view.officer.code : '';
  const findings = (review?.findings ?? []).filter((f) => f.episode === episode.id);

  const show = (record?: string) => {
    if (at === null) return;
    update({ cursor: at, officer: draft.officer ?? null, ...(record ? { selectedId: record, revealed: new Set([...viewState.revealed, record]) } : {}) });
    navigate(href.case(caseId, 'timeline'));
  };
  const remove = async () => {
    if (!review) return;
    const edit = removeItem(review, 'episodes', episode.id);
    if (await save({ ...edit, what: `Key practice episode ${episode.id} deleted ("${episode.title}")${findings.length > 0 ? `; ${count(findings.length, 'finding')} no longer about it` : ''}` })) {
      navigate(href.review(caseId, 'episodes'));
    }
  };
  const toTunnel = () => {
    const heading = document.getElementById('tunnel-title');
    if (!heading) return;
    scrollToTopOf(heading);
    heading.focus({ preventScroll: true });
  };
  const leaveDecision = () => {
    const read = readDecision(typed.parts);
    if (!read.ok) return typed.setError({ field: read.field, message: read.message });
    typed.setError(undefined);
    if (read.decisionAt !== draft.decisionAt) set({ ...draft, decisionAt: read.decisionAt }, 'now');
  };
  return (
    <div className="episode-page">
      <a className="back-link" href={href.review(caseId, 'episodes')}>All key practice episodes</a>
      <div className="episode-page__head">
        <h2 className="heading-l">{draft.title || 'Untitled episode'}</h2>
        <p className="episode-page__meta">
          Episode {episode.id} · decision at <strong>{when}</strong>
          {view && <> · {officerName}{draft.officer ? '' : ', who held the case then'}</>} <AppraisalTag appraisal={draft.appraisal} />
        </p>
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={() => show()} disabled={at === null}>
            Show on the timeline
          </button>
          <button type="button" className="button button--secondary" onClick={() => void startFinding(work, episode)}>
            Add a finding about this episode
          </button>
          {/* Where the page is one column, the view from the tunnel comes after the episode's fields. */}
          <button type="button" className="link-button episode-page__to-tunnel" onClick={toTunnel}>
            Go to the view from the tunnel
          </button>
        </div>
      </div>
      <div className="episode-page__columns">
        <section className="episode-page__fields" aria-labelledby="episode-fields-title">
          <h3 id="episode-fields-title" className="heading-m">The episode</h3>
          <p className="hint">Each change is saved as you make it, and can be undone.</p>
          <EpisodeFields
            id={`episode-${episode.id}`}
            caseId={caseId}
            index={index}
            review={review}
            episode={draft}
            onChange={set}
            onLeave={flush}
            decision={typed.parts}
            onDecision={typed.setParts}
            onDecisionLeave={leaveDecision}
            errors={{ ...(draft.title.trim() ? {} : { title: 'Enter a title for the episode: it is not saved without one' }), ...(typed.error ? { decision: typed.error } : {}) }}
            holder={holder ? name(holder) : null}
            at={at}
            date={view?.date ?? null}
            beside={(record) => {
              const state = view ? stateIn(index, view, record) : null;
              return state ? <StateNote index={index} record={record} state={state} officer={officerName} when={when} /> : null;
            }}
          />
          <h3 className="heading-m">Findings about this episode</h3>
          {findings.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul className="list">
              {findings.map((f) => {
                const open = checks.of(f).filter((x) => x.dismissed === null).length;
                return (
                  <li key={f.id}>
                    <a href={href.review(caseId, `findings/${f.id}`)}>Finding {f.id}</a> ({FINDING_KIND_NAMES[f.kind].toLowerCase()}): {f.text.slice(0, 120) || 'no words yet'}
                    {f.text.length > 120 ? '…' : ''}
                    {anyOpen(checks.of(f)) && <strong className="tag tag--red tag--inline">{count(open, 'open flag')}</strong>}
                  </li>
                );
              })}
            </ul>
          )}
          <DeleteWithConfirmation
            what="this episode"
            consequence={findings.length > 0 ? `The ${count(findings.length, 'finding')} about it will keep their words but no longer name an episode.` : 'It has no findings.'}
            onDelete={() => void remove()}
          />
        </section>
        <div className="episode-page__tunnel">
          {at === null ? (
            <p>The decision moment cannot be read, so there is no view from the tunnel yet.</p>
          ) : view ? (
            <TunnelView caseId={caseId} index={index} review={review} episode={draft} view={view} when={when} onSelect={show} />
          ) : (
            <p>This case has no allocations or staff yet, so there is nobody to see the decision from.</p>
          )}
        </div>
      </div>
    </div>
  );
}

/** The decision moment's two fields as typed, following the saved moment when it changes (an undo). */
function useTypedDecision(decisionAt: string) {
  const [typed, setTyped] = useState<{ from: string; parts: DecisionParts; error?: { field: keyof DecisionParts; message: string } | undefined }>({ from: decisionAt, parts: decisionParts(decisionAt) });
  let now = typed;
  if (typed.from !== decisionAt) {
    const read = readDecision(typed.parts);
    // Our own change coming back keeps what was typed; anything else is shown as it now is.
    now = read.ok && read.decisionAt === decisionAt ? { ...typed, from: decisionAt } : { from: decisionAt, parts: decisionParts(decisionAt) };
    setTyped(now);
  }
  return {
    parts: now.parts,
    error: now.error,
    setParts: (parts: DecisionParts) => setTyped((t) => ({ ...t, parts })),
    setError: (error: { field: keyof DecisionParts; message: string } | undefined) => setTyped((t) => ({ ...t, error })),
  };
}
