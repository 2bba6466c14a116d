import { memo, useCallback, useMemo, useRef } from 'react';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { removeItem } from '../../../../../shared/review/edits.js';
import { byDecision, decisionText } from '../../../../../shared/review/episodeEdits.js';
import {
  describeFindingChange,
  dismissalWhat,
  reopenWhat,
  withDismissal,
  withoutDismissal,
  withSuggestion,
} from '../../../../../shared/review/findingEdits.js';
import { decisionInstant, episodeOfficer, FLAG_RULES, type HindsightChecks, type HindsightFlag } from '../../../../../shared/review/flags.js';
import { reviewItemKey } from '../../../../../shared/review/reviewRows.js';
import { FINDING_KIND_NAMES } from '../../../../../shared/review/words.js';
import { Finding, FINDING_KINDS, type Episode, type Factor } from '../../../../../shared/schemas/review.js';
import { count } from '../../../../../shared/domain/words.js';
import { href, navigate } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import { StateNote } from '../episodes/decisionView.js';
import { DeleteWithConfirmation, recordLabel, RegisterChoices, useSignedInName } from '../episodes/parts.js';
import { RecordPicker } from '../episodes/RecordPicker.js';
import { useItemDraft } from '../episodes/useItemDraft.js';
import { FlagActions } from './FlagActions.js';
import { LanguageFlags } from './LanguageFlags.js';
import { FindingResponses } from '../../response/FindingResponses.js';

type LanguageFlag = Extract<HindsightFlag, { kind: 'outcomeLanguage' }>;

interface FlagHandlers {
  ready: boolean;
  dismissed: Finding['dismissed'];
  onDismiss: (flag: HindsightFlag, reason: string) => void;
  onReopen: (flag: HindsightFlag) => void;
}

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
  const fid = finding.id;
  const { kind, episode: episodeId, evidence, factors, dismissed } = draft;
  // The flags that do not turn on the words (evidence, system factor) are worked out again only when what they read
  // changes; a keystroke costs the words' own check, and redraws only what shows them.
  const recordFlags = useMemo(
    () => checks.of({ id: fid, kind, episode: episodeId, evidence, factors, dismissed, text: '' }),
    [checks, fid, kind, episodeId, evidence, factors, dismissed],
  );
  const language = useMemo(() => checks.of(draft).filter((f): f is LanguageFlag => f.kind === 'outcomeLanguage'), [checks, draft]);
  const open = [...recordFlags, ...language].filter((f) => f.dismissed === null).length;
  const episodes = useMemo(() => byDecision(review?.episodes ?? []), [review]);
  const episode = episodes.find((e) => e.id === episodeId);
  const id = `finding-${fid}`;

  const onDismiss = useCallback(
    (flag: HindsightFlag, reason: string) => set((d) => withDismissal(d, flag, reason, me ?? '', new Date()), 'now', dismissalWhat({ id: fid }, flag, reason, label)),
    [set, me, fid, label],
  );
  const onReopen = useCallback((flag: HindsightFlag) => set((d) => withoutDismissal(d, flag), 'now', reopenWhat({ id: fid }, flag, label)), [set, fid, label]);
  const handlers = useMemo(() => ({ ready: Boolean(me), dismissed, onDismiss, onReopen }), [me, dismissed, onDismiss, onReopen]);
  const applySuggestion = useCallback(
    (f: LanguageFlag) => {
      set((d) => ({ ...d, text: withSuggestion(d.text, f) }), 'now', `Finding ${fid}: "${f.text.replace(/\s+/g, ' ')}" replaced with the suggested "${f.suggestion}"`);
      text.current?.focus();
    },
    [set, fid],
  );
  const onEvidence = useCallback((chosen: string[]) => set((d) => ({ ...d, evidence: chosen }), 'now'), [set]);
  const onFactors = useCallback((chosen: string[]) => set((d) => ({ ...d, factors: chosen }), 'now'), [set]);
  const remove = async () => {
    if (!review) return;
    if (await save({ ...removeItem(review, 'findings', fid), what: `Finding ${fid} deleted` })) navigate(href.review(caseId, 'findings'));
  };

  return (
    <div className="finding-page">
      <a className="back-link" href={href.review(caseId, 'findings')}>All findings</a>
      <h2 className="heading-l">
        Finding {fid}
        {open > 0 ? <strong className="tag tag--red">{count(open, 'open flag')}</strong> : <strong className="tag tag--green">No open flags</strong>}
      </h2>
      <p className="hint">Each change is saved as you make it, and can be undone. The hindsight checks run as you write.</p>

      <div className="form-group">
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Kind</legend>
          <div className="radios">
            {FINDING_KINDS.map((k) => (
              <div key={k} className="radio">
                <input id={`${id}-kind-${k}`} type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => set((d) => ({ ...d, kind: k }), 'now')} />
                <label htmlFor={`${id}-kind-${k}`}>{FINDING_KIND_NAMES[k]}</label>
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
          value={episodeId ?? ''}
          aria-describedby={`${id}-episode-hint`}
          onChange={(e) => {
            const chosen = e.target.value;
            set(({ episode: _, ...rest }) => (chosen ? { ...rest, episode: chosen } : rest), 'now');
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
          onChange={(e) => {
            const typed = e.target.value;
            set((d) => ({ ...d, text: typed }), 'pause');
          }}
          onBlur={flush}
          aria-describedby={`${id}-text-hint ${id}-language`}
        />
        <LanguageFlags
          id={`${id}-language`}
          text={draft.text}
          flags={language}
          dismissed={dismissed}
          ready={handlers.ready}
          onUseSuggestion={applySuggestion}
          onDismiss={onDismiss}
          onReopen={onReopen}
        />
      </div>

      <Evidence id={`${id}-evidence`} index={index} checks={checks} episode={episode} evidence={evidence} flags={recordFlags} onChange={onEvidence} label={label} handlers={handlers} />
      <Factors
        id={`${id}-factors`}
        caseId={caseId}
        register={review?.factors}
        chosen={factors}
        flag={recordFlags.find((f) => f.kind === 'noSystemFactor')}
        onChange={onFactors}
        handlers={handlers}
      />

      <FindingResponses finding={finding} />

      <DeleteWithConfirmation what="this finding" consequence="Its words, evidence and dismissals go with it, and actions stop naming it." onDelete={() => void remove()} />
    </div>
  );
}

/** A flag's state and its dismissal, beside what it is about. */
function Actions({ id, flag, about, handlers }: { id: string; flag: HindsightFlag; about: string; handlers: FlagHandlers }) {
  return (
    <FlagActions
      id={id}
      flag={flag}
      dismissed={handlers.dismissed}
      about={about}
      ready={handlers.ready}
      onDismiss={(reason) => handlers.onDismiss(flag, reason)}
      onReopen={() => handlers.onReopen(flag)}
    />
  );
}

/** The evidence, each record with its state at the episode's decision and, where the officer could not have read it, the flag. */
const Evidence = memo(function Evidence(props: {
  id: string;
  index: CaseIndex;
  checks: HindsightChecks;
  episode: Episode | undefined;
  evidence: string[];
  flags: readonly HindsightFlag[];
  onChange: (evidence: string[]) => void;
  label: (id: string) => string;
  handlers: FlagHandlers;
}) {
  const { index, checks, episode, flags, handlers } = props;
  const at = episode ? decisionInstant(episode) : null;
  const officer = episode && at !== null ? episodeOfficer(index, episode, at) : null;
  const officerName = officer ? index.staffMember(officer).name || officer : 'the officer';
  const when = episode ? decisionText(episode.decisionAt) : '';
  return (
    <RecordPicker
      id={props.id}
      legend="Evidence"
      hint={
        episode
          ? `Records the finding rests on, each checked against what ${officerName} could know at ${when}.`
          : 'Records the finding rests on. Choose the episode above to check each against what was known at its decision.'
      }
      index={index}
      chosen={props.evidence}
      onChange={props.onChange}
      near={at}
      beside={(record) => {
        const state = episode ? checks.stateAt(episode.id, record) : null;
        if (!state) return null;
        const flag = flags.find((f) => f.kind === 'lateEvidence' && f.record === record);
        return (
          <StateNote index={index} record={record} state={state} officer={officerName} when={when} rule={flag ? FLAG_RULES.lateEvidence : undefined}>
            {flag && <Actions id={`${props.id}-${record}`} flag={flag} about={props.label(record)} handlers={handlers} />}
          </StateNote>
        );
      }}
    />
  );
});

/** The factors, with the flag for naming none above the practitioner beside them. */
const Factors = memo(function Factors(props: {
  id: string;
  caseId: string;
  register: readonly Factor[] | undefined;
  chosen: string[];
  flag: HindsightFlag | undefined;
  onChange: (factors: string[]) => void;
  handlers: FlagHandlers;
}) {
  const { flag } = props;
  return (
    <RegisterChoices
      id={props.id}
      legend="Contributory factors"
      items={(props.register ?? []).map((f) => ({ id: f.id, label: <>{f.text} <span className="hint">({f.level})</span></> }))}
      chosen={props.chosen}
      onChange={props.onChange}
      empty={<>None yet: add them in <a href={href.review(props.caseId, 'factors')}>Contributory factors</a>.</>}
      after={
        flag && (
          <div className={`flag flag--system${flag.dismissed ? ' flag--dismissed' : ''}`} data-flag="noSystemFactor">
            <p className="flag__what">
              <strong>No system factor.</strong> {FLAG_RULES.noSystemFactor}
            </p>
            <Actions id={`${props.id}-system`} flag={flag} about="naming no system factor" handlers={props.handlers} />
          </div>
        )
      }
    />
  );
});
