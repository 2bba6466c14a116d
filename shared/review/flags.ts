import { defaultOfficer } from '../engine/allocations.js';
import { OFFENCE_ID, type CaseIndex } from '../engine/caseIndex.js';
import { knowledgeState, type KnowledgeState } from '../engine/knowledge.js';
import { parseDateTime } from '../import/dates.js';
import type { Dismissal, Episode, Finding, Review } from '../schemas/review.js';
import { latestInstant, toLondonIso } from '../time/london.js';
import { outcomeLanguage } from './outcomeLanguage.js';

/** The knowledge states that make a record late evidence: the officer could not have read it at the decision. */
export const LATE_STATES: ReadonlySet<KnowledgeState> = new Set(['notYetHappened', 'hindsightOnly', 'heldElsewhere', 'notYetRecorded', 'notHeld']);

type FlagDismissal = { reason: string; by: string } | null;

export type HindsightFlag =
  | { finding: string; kind: 'lateEvidence'; record: string; state: KnowledgeState; episode: string; officer: string | null; at: string; dismissed: FlagDismissal }
  | { finding: string; kind: 'outcomeLanguage'; phrase: string; offset: number; text: string; suggestion: string; dismissed: FlagDismissal }
  | { finding: string; kind: 'noSystemFactor'; dismissed: FlagDismissal };

/** The rule behind each kind of flag, in plain words, for the flag to open to. */
export const FLAG_RULES: Record<HindsightFlag['kind'], string> = {
  lateEvidence:
    'A record cited as evidence that the officer could not have read at the decision: it had not happened or been recorded, came to light later, was held by another agency, or was on a case they did not hold. A record the officer knew or could read on the record gives no flag.',
  outcomeLanguage:
    'Words that judge with the outcome known ("should have known", "failed to", "clearly"...). Each comes with plainer wording that says what was known at the time.',
  noSystemFactor:
    'A criticism of individual practice that names no factor above the practitioner (team, region, national policy, systems...). Name one, or say why none applies.',
};

/** The moment an episode's decision was made: its decisionAt as a local time, a date alone meaning the end of that day. */
export function decisionInstant(episode: Pick<Episode, 'decisionAt'>): number | null {
  const parsed = parseDateTime(episode.decisionAt);
  return parsed.ok ? latestInstant(parsed.value) : null;
}

/** Whose decision an episode is: its officer, or whoever held the case at its decision (as the timeline's default). */
export function episodeOfficer(index: CaseIndex, episode: Pick<Episode, 'officer'>, at: number): string | null {
  return episode.officer ?? defaultOfficer(index.data.allocations, index.data.staff, at);
}

function dismissalOf(dismissed: readonly Dismissal[], matches: (d: Dismissal) => boolean): FlagDismissal {
  const d = dismissed.find(matches);
  return d ? { reason: d.reason, by: d.by } : null;
}

/**
 * The hindsight checks of a review (the review's rules, docs/review.md), against the case's engine. Each episode's officer and moment are
 * worked out once and kept, and a cited record's state is worked out on its own (not the whole case's), so checking
 * the finding being typed costs only its own words and records.
 */
export class HindsightChecks {
  private readonly decisions = new Map<string, { officer: string | null; at: number; holds: boolean; offenceHappened: boolean } | null>();

  constructor(
    private readonly index: CaseIndex,
    private readonly review: Pick<Review, 'episodes' | 'factors'>,
  ) {}

  /** Every flag of the review, finding by finding in the review's order. */
  all(findings: readonly Finding[]): HindsightFlag[] {
    return findings.flatMap((f) => this.of(f));
  }

  /** A finding's flags: evidence in the order of `evidence`, then language by position, then the system factor. */
  of(finding: Finding): HindsightFlag[] {
    return [...this.lateEvidence(finding), ...this.language(finding), ...this.systemFactor(finding)];
  }

  /** The knowledge state of a record for the episode's officer at its decision (null: no such record or moment). */
  stateAt(episodeId: string, record: string): KnowledgeState | null {
    const view = this.episodeView(episodeId);
    if (!view) return null;
    if (record === OFFENCE_ID) return view.offenceHappened ? null : 'notYetHappened';
    const i = this.index.positionOf(record);
    return i === undefined ? null : knowledgeState(this.index.times[i]!, view.officer ?? '', view.at, view.holds);
  }

  private episodeView(episodeId: string) {
    if (this.decisions.has(episodeId)) return this.decisions.get(episodeId) ?? null;
    const episode = this.review.episodes.find((e) => e.id === episodeId);
    const at = episode ? decisionInstant(episode) : null;
    let view = null;
    if (episode && at !== null) {
      const officer = episodeOfficer(this.index, episode, at);
      const holds = officer !== null && this.index.holdsCaseAt(officer, at).length > 0;
      view = { officer, at, holds, offenceHappened: this.index.offenceHappened <= at };
    }
    this.decisions.set(episodeId, view);
    return view;
  }

  private lateEvidence(finding: Finding): HindsightFlag[] {
    if (finding.episode === undefined) return [];
    const view = this.episodeView(finding.episode);
    if (!view) return [];
    const flags: HindsightFlag[] = [];
    for (const record of finding.evidence) {
      const state = this.stateAt(finding.episode, record);
      if (state === null || !LATE_STATES.has(state)) continue;
      flags.push({
        finding: finding.id,
        kind: 'lateEvidence',
        record,
        state,
        episode: finding.episode,
        officer: view.officer,
        at: toLondonIso(view.at),
        dismissed: dismissalOf(finding.dismissed, (d) => d.kind === 'lateEvidence' && d.record === record),
      });
    }
    return flags;
  }

  private language(finding: Finding): HindsightFlag[] {
    return outcomeLanguage(finding.text).map((m) => ({
      finding: finding.id,
      kind: 'outcomeLanguage',
      ...m,
      dismissed: dismissalOf(finding.dismissed, (d) => d.kind === 'outcomeLanguage' && d.phrase === m.phrase),
    }));
  }

  private systemFactor(finding: Finding): HindsightFlag[] {
    if (finding.kind !== 'problem') return [];
    const levels = finding.factors.map((id) => this.review.factors.find((f) => f.id === id)?.level);
    if (levels.some((level) => level !== undefined && level !== 'practitioner')) return [];
    return [{ finding: finding.id, kind: 'noSystemFactor', dismissed: dismissalOf(finding.dismissed, (d) => d.kind === 'noSystemFactor') }];
  }
}

/** Whether any flag is still open: not dismissed. */
export const anyOpen = (flags: readonly HindsightFlag[]) => flags.some((f) => f.dismissed === null);
