import { useMemo, useState, type FormEvent } from 'react';
import { nextId, putItem } from '../../../../shared/review/edits.js';
import { byDecision, decisionText, readDecision, type DecisionParts } from '../../../../shared/review/episodeEdits.js';
import { anyOpen, decisionInstant, episodeOfficer } from '../../../../shared/review/flags.js';
import type { Episode } from '../../../../shared/schemas/review.js';
import { count } from '../../../../shared/domain/words.js';
import { ErrorSummary } from '../cases/fields.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { EpisodeFields, type EpisodeErrors } from './episodes/EpisodeFields.js';
import { EpisodePage } from './episodes/EpisodePage.js';
import { stateIn, StateNote, useDecisionView } from './episodes/decisionView.js';
import { AppraisalTag } from './episodes/parts.js';
import { useReviewWork } from './reviewContext.js';

/**
 * Key practice episodes: the list in the order of their decisions, a form to add one, and each episode's own page
 * (`episodes/E1`) with the view from the tunnel at its decision.
 */
export function EpisodesSection({ item }: { item?: string | undefined }) {
  const { review, caseId } = useReviewWork();
  if (item === 'new') return <AddEpisode />;
  if (item) {
    const episode = review?.episodes.find((e) => e.id === item);
    if (!episode) {
      return (
        <>
          <h2 className="heading-m">Episode {item} is not in the review</h2>
          <p>It may have been deleted, or its adding undone. <a href={href.review(caseId, 'episodes')}>All key practice episodes</a></p>
        </>
      );
    }
    return <EpisodePage key={episode.id} episode={episode} />;
  }
  return <EpisodeList />;
}

function EpisodeList() {
  const { review, caseId, index, checks } = useReviewWork();
  const episodes = useMemo(() => byDecision(review?.episodes ?? []), [review]);
  const findings = review?.findings ?? [];
  return (
    <>
      <h2 className="heading-m">Key practice episodes</h2>
      <p className="lede">
        Stretches of practice that mattered, good or poor, each judged by what the officer knew and carried at the moment of the decision.
      </p>
      <a className="button" href={href.review(caseId, 'episodes/new')}>Add an episode</a>
      {episodes.length === 0 ? (
        <p>There are no episodes yet.</p>
      ) : (
        <table className="table review-table">
          <caption className="visually-hidden">Key practice episodes, in the order of their decisions</caption>
          <thead>
            <tr>
              <th scope="col">Episode</th>
              <th scope="col">Decision</th>
              <th scope="col">Officer</th>
              <th scope="col">Appraisal</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {episodes.map((e) => {
              const at = decisionInstant(e);
              const officer = at === null ? null : episodeOfficer(index, e, at);
              const about = findings.filter((f) => f.episode === e.id);
              const flagged = about.filter((f) => anyOpen(checks.of(f))).length;
              return (
                <tr key={e.id}>
                  <td>
                    <a href={href.review(caseId, `episodes/${e.id}`)}>{e.title}</a>
                  </td>
                  <td className="nowrap">{decisionText(e.decisionAt)}</td>
                  <td>
                    {officer ? index.staffMember(officer).name || officer : 'Nobody held the case'}
                    {!e.officer && <span className="hint review-table__note">held the case then</span>}
                  </td>
                  <td>
                    <AppraisalTag appraisal={e.appraisal} />
                  </td>
                  <td>
                    {about.length === 0 ? 'None' : count(about.length, 'finding')}
                    {flagged > 0 && <span className="hint review-table__note">{count(flagged, 'with open flags', 'with open flags')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

const ERROR_LABELS = { title: 'Title', decision: 'Decision moment' };

/** A new episode: every field at once; saved (one trail entry) when the reviewer adds it, then edited in place. */
function AddEpisode() {
  const { review, caseId, index, save } = useReviewWork();
  const [episode, setEpisode] = useState<Episode>(() => ({ id: nextId(review, 'episodes'), title: '', decisionAt: '', records: [], whatHappened: '', policies: [], factors: [] }));
  const [typed, setTyped] = useState<DecisionParts>({ date: '', time: '' });
  const [errors, setErrors] = useState<EpisodeErrors>({});
  const [saving, setSaving] = useState(false);
  const read = readDecision(typed);
  const decision = useDecisionView(index, read.ok ? { ...episode, decisionAt: read.decisionAt } : null);
  const holder = decision.at === null ? null : episodeOfficer(index, {}, decision.at);
  const name = (code: string) => index.staffMember(code).name || code;
  const when = read.ok ? decisionText(read.decisionAt) : '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: EpisodeErrors = {};
    if (!episode.title.trim()) found.title = 'Enter a title for the episode';
    if (!read.ok) found.decision = { field: read.field, message: read.message };
    setErrors(found);
    if (found.title || found.decision || !read.ok) return;
    setSaving(true);
    // The id is worked out again now: another window may have added an episode since the form opened.
    const added = { ...episode, id: nextId(review, 'episodes'), title: episode.title.trim(), decisionAt: read.decisionAt };
    const edit = putItem('episodes', added, true);
    if (await save({ ...edit, what: `Key practice episode ${added.id} added: "${added.title}", decision at ${decisionText(added.decisionAt)}` })) {
      navigate(href.review(caseId, `episodes/${added.id}`));
    } else setSaving(false);
  };
  return (
    <form className="review-form" onSubmit={submit} noValidate>
      <a className="back-link" href={href.review(caseId, 'episodes')}>All key practice episodes</a>
      <h2 className="heading-m">Add a key practice episode</h2>
      <ErrorSummary
        errors={{ title: errors.title, decision: errors.decision?.message }}
        labels={ERROR_LABELS}
        targets={{ title: 'new-episode-title', decision: `new-episode-${errors.decision?.field ?? 'date'}` }}
      />
      <EpisodeFields
        id="new-episode"
        caseId={caseId}
        index={index}
        review={review}
        episode={episode}
        onChange={(next) => setEpisode(next)}
        decision={typed}
        onDecision={setTyped}
        errors={errors}
        holder={holder ? name(holder) : null}
        at={decision.at}
        date={decision.view?.date ?? null}
        beside={(record) => {
          const state = decision.view ? stateIn(index, decision.view, record) : null;
          return state && decision.view ? <StateNote index={index} record={record} state={state} officer={decision.view.officer.name || decision.view.officer.code} when={when} /> : null;
        }}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>{saving ? 'Adding…' : 'Add the episode'}</button>
        <a className="link-button" href={href.review(caseId, 'episodes')}>Cancel</a>
      </div>
    </form>
  );
}
