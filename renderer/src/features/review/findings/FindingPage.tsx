import { useCallback, useMemo, useRef } from 'react';
import { removeItem } from '../../../../../shared/review/edits.js';
import { byDecision, decisionText } from '../../../../../shared/review/episodeEdits.js';
import {
  describeFindingChange,
  dismissalWhat,
  FINDING_KIND_WORDS,
  reopenWhat,
  withDismissal,
  withoutDismissal,
  withSuggestion,
} from '../../../../../shared/review/findingEdits.js';
import { decisionInstant, episodeOfficer, FLAG_RULES, type HindsightFlag } from '../../../../../shared/review/flags.js';
import { reviewItemKey } from '../../../../../shared/review/reviewRows.js';
import { Finding, FINDING_KINDS } from '../../../../../shared/schemas/review.js';
import { count } from '../../../../../shared/domain/words.js';
import { href, navigate } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import { StateNote } from '../episodes/decisionView.js';
import { DeleteWithConfirmation, recordLabel, RegisterChoices, useSignedInName } from '../episodes/parts.js';
import { RecordPicker } from '../episodes/RecordPicker.js';
import { useItemDraft } from '../episodes/useItemDraft.js';
import { FlagActions } from './FlagActions.js';
import { LanguageFlags } from './LanguageFlags.js';

/**
 * One finding, written in place: its kind, the episode it is about, its words, its evidence and its factors, saved as
 * they change. The hindsight checks run on the words as typed, and each flag is shown beside what it is about.
 */
export function FindingPage({ finding }: { finding: Finding }) {
  const { review, caseId, index, checks, save } = useReviewWork();
  const me = useSignedInName();
  const label = useCallback((id: string) => recordLabel(index, id), [index]);
  const store = useCallback(
    (next: Finding, before: Finding, what: string | undefined) => {
      // Only a whole finding is stored: one with more text than a review holds would leave the review unreadable.
      if (!Finding.safeParse(next).success) return Promise.resolve(false);
      const names = {
        episode: (id: string) => {
          const e = review?.episodes.find((x) => x.id === id);
          return e ? `${id} ("${e.title}")` : id;
        },
        factor: (id: string) => review?.factors.find((f) => f.id === id)?.text ?? id,
        record: label,
      };
      return save({ what: what ?? describeFindingChange(before, next, names), changes: [{ key: reviewItemKey('findings', next), after: next }] });
    },
    [save, review, label],
  );
  const { value: draft, set, flush } = useItemDraft(finding, store);
  const text = useRef<HTMLTextAreaElement>(null);
  // The checks of the finding as it is being written: they cost its words and its few records, not the case's.
  const flags = useMemo(() => checks.of(draft), [checks, draft]);
  const language = flags.filter((f): f is Extract<HindsightFlag, { kind: 'outcomeLanguage' }> => f.kind === 'outcomeLanguage');
  const systemFactor = flags.find((f) => f.kind === 'noSystemFactor');
  const open = flags.filter((f) => f.dismissed === null).length;
  const episodes = useMemo(() => byDecision(review?.episodes ?? []), [review]);
  const episode = episodes.find((e) => e.id === draft.episode);
  const at = episode ? decisionInstant(episode) : null;
  const officer = episode && at !== null ? episodeOfficer(index, episode, at) : null;
  const officerName = officer ? index.staffMember(officer).name || officer : '';
  const id = `finding-${finding.id}`;

  const dismiss = (flag: HindsightFlag, reason: string) => set(withDismissal(draft, flag, reason, me ?? '', new Date()), 'now', dismissalWhat(draft, flag, reason, label));
  const reopen = (flag: HindsightFlag) => set(withoutDismissal(draft, flag), 'now', reopenWhat(draft, flag, label));
  const actions = (flag: HindsightFlag, about: string, key: string) => (
    <FlagActions id={`${id}-${key}`} flag={flag} finding={draft} about={about} ready={Boolean(me)} onDismiss={(reason) => dismiss(flag, reason)} onReopen={() => reopen(flag)} />
  );
  const remove = async () => {
    if (!review) return;
    if (await save({ ...removeItem(review, 'findings', finding.id), what: `Finding ${finding.id} deleted` })) navigate(href.review(caseId, 'findings'));
  };

  return (
    <div className="finding-page">
      <a className="back-link" href={href.review(caseId, 'findings')}>All findings</a>
      <h2 className="heading-l">
        Finding {finding.id}
        {open > 0 ? <strong className="tag tag--red">{count(open, 'open flag')}</strong> : <strong className="tag tag--green">No open flags</strong>}
      </h2>
      <p className="hint">Each change is saved as you make it, and can be undone. The hindsight checks run as you write.</p>

      <div className="form-group">
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Kind</legend>
          <div className="radios">
            {FINDING_KINDS.map((k) => (
              <div key={k} className="radio">
                <input id={`${id}-kind-${k}`} type="radio" name={`${id}-kind`} checked={draft.kind === k} onChange={() => set({ ...draft, kind: k }, 'now')} />
                <label htmlFor={`${id}-kind-${k}`}>{FINDING_KIND_WORDS[k]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>

      <div className="form-group">
        <label className="label" htmlFor={`${id}-episode`}>Episode</label>
        <div id={`${id}-episode-hint`} className="hint">The decision it is about: its evidence is checked against what was known then.</div>
        <select
          id={`${id}-episode`}
          className="select"
          value={draft.episode ?? ''}
          aria-describedby={`${id}-episode-hint`}
          onChange={(e) => {
            const { episode: _, ...rest } = draft;
            set(e.target.value ? { ...rest, episode: e.target.value } : rest, 'now');
          }}
        >
          <option value="">Not about one episode</option>
          {episodes.map((e) => (
            <option key={e.id} value={e.id}>{`${e.title} (${decisionText(e.decisionAt)})`}</option>
          ))}
        </select>
        {episodes.length === 0 && (
          <p className="hint">
            There are no episodes yet: <a href={href.review(caseId, 'episodes/new')}>add one</a>.
          </p>
        )}
      </div>

      <div className="form-group">
        <label className="label" htmlFor={`${id}-text`}>The finding</label>
        <div id={`${id}-text-hint`} className="hint">Say what happened and why, as it looked at the time.</div>
        <textarea
          id={`${id}-text`}
          ref={text}
          className="textarea"
          rows={7}
          value={draft.text}
          onChange={(e) => set({ ...draft, text: e.target.value }, 'pause')}
          onBlur={flush}
          aria-describedby={`${id}-text-hint ${id}-language`}
        />
        <LanguageFlags
          id={`${id}-language`}
          text={draft.text}
          flags={language}
          finding={draft}
          ready={Boolean(me)}
          onUseSuggestion={(f) => {
            set({ ...draft, text: withSuggestion(draft.text, f) }, 'now', `Finding ${draft.id}: "${f.text.replace(/\s+/g, ' ')}" replaced with the suggested "${f.suggestion}"`);
            text.current?.focus();
          }}
          onDismiss={dismiss}
          onReopen={reopen}
        />
      </div>

      <RecordPicker
        id={`${id}-evidence`}
        legend="Evidence"
        hint={
          episode
            ? `Records the finding rests on, each checked against what ${officerName || 'the officer'} could know at ${decisionText(episode.decisionAt)}.`
            : 'Records the finding rests on. Choose the episode above to check each against what was known at its decision.'
        }
        index={index}
        chosen={draft.evidence}
        onChange={(evidence) => set({ ...draft, evidence }, 'now')}
        near={at}
        beside={(record) => {
          const state = draft.episode ? checks.stateAt(draft.episode, record) : null;
          if (!state || !episode) return null;
          const flag = flags.find((f) => f.kind === 'lateEvidence' && f.record === record);
          return (
            <StateNote index={index} record={record} state={state} officer={officerName} when={decisionText(episode.decisionAt)} rule={flag ? FLAG_RULES.lateEvidence : undefined}>
              {flag && actions(flag, label(record), `late-${record}`)}
            </StateNote>
          );
        }}
      />

      <RegisterChoices
        id={`${id}-factors`}
        legend="Contributory factors"
        items={(review?.factors ?? []).map((f) => ({ id: f.id, label: <>{f.text} <span className="hint">({f.level})</span></> }))}
        chosen={draft.factors}
        onChange={(factors) => set({ ...draft, factors }, 'now')}
        empty={<>None yet: add them in <a href={href.review(caseId, 'factors')}>Contributory factors</a>.</>}
        after={
          systemFactor && (
            <div className={`flag flag--system${systemFactor.dismissed ? ' flag--dismissed' : ''}`} data-flag="noSystemFactor">
              <p className="flag__what">
                <strong>No system factor.</strong> {FLAG_RULES.noSystemFactor}
              </p>
              {actions(systemFactor, 'naming no system factor', 'system')}
            </div>
          )
        }
      />

      <DeleteWithConfirmation what="this finding" consequence="Its words, evidence and dismissals go with it, and actions stop naming it." onDelete={() => void remove()} />
    </div>
  );
}
