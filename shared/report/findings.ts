import type { CaseIndex } from '../engine/caseIndex.js';
import { count } from '../domain/words.js';
import type { HindsightChecks, HindsightFlag } from '../review/flags.js';
import { stateAtDecision } from '../review/stateWords.js';
import { dismisses } from '../review/findingEdits.js';
import { decisionText } from '../review/episodeEdits.js';
import { FINDING_KIND_NAMES, ACCIMAP_LEVEL_NAMES, RESPONSE_STATUS_NAMES } from '../review/words.js';
import type { Finding, Review } from '../schemas/review.js';
import { formatInstant, formatUkDate } from '../time/display.js';
import type { Block } from './document.js';
import { officerName, paragraphsOf, recordRef } from './words.js';

/** Text ended by one full stop, whether or not it had one. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** A flag in words, for the document. */
export function flagWords(index: CaseIndex, review: Review, flag: HindsightFlag): string {
  switch (flag.kind) {
    case 'outcomeLanguage':
      return `Outcome language: “${flag.text}”. Suggested instead: ${flag.suggestion}.`;
    case 'noSystemFactor':
      return 'A criticism of individual practice that names no factor above the practitioner.';
    case 'lateEvidence': {
      const episode = review.episodes.find((e) => e.id === flag.episode);
      const i = index.positionOf(flag.record);
      const record = flag.record === 'offence' ? 'offence' : i === undefined ? null : index.records[i]!;
      const when = episode ? decisionText(episode.decisionAt) : flag.at;
      const said = record ? stateAtDecision(record, flag.state, officerName(index, flag.officer), when) : `${flag.record}: ${flag.state}`;
      return `Late evidence: ${sentence(recordRef(index, flag.record))} ${sentence(said)}`;
    }
  }
}


/** One finding: its words, episode, evidence, factors and the hindsight checks on it. */
function findingBlocks(index: CaseIndex, review: Review, finding: Finding, flags: readonly HindsightFlag[]): Block[] {
  const anchor = `finding-${finding.id}`;
  const episode = review.episodes.find((e) => e.id === finding.episode);
  const open = flags.filter((f) => f.dismissed === null);
  const dismissed = flags.length - open.length;
  const factors = finding.factors.map((id) => {
    const f = review.factors.find((x) => x.id === id);
    return f ? `${f.id}: ${f.text} (${ACCIMAP_LEVEL_NAMES[f.level]})` : id;
  });
  return [
    { kind: 'heading', level: 2, text: `${finding.id}. ${FINDING_KIND_NAMES[finding.kind]}`, anchor },
    ...(paragraphsOf(finding.text).length ? paragraphsOf(finding.text) : ['(No text written.)']).map((p): Block => ({ kind: 'paragraph', runs: p, style: 'quote' })),
    {
      kind: 'facts',
      rows: [
        { label: 'Episode', value: episode ? `${episode.id}: ${episode.title} (${decisionText(episode.decisionAt)})` : 'None' },
        { label: 'Contributory factors', value: factors.join('\n') || 'None' },
        { label: 'Hindsight checks', value: open.length === 0 && dismissed === 0 ? 'No flag' : `${count(open.length, 'open flag')}${dismissed ? `, ${count(dismissed, 'dismissed flag')} (Appendix A)` : ''}` },
      ],
    },
    ...(finding.evidence.length > 0 ? [{ kind: 'heading', level: 3, text: 'Evidence', anchor: `${anchor}-evidence` } as Block, { kind: 'list', items: finding.evidence.map((id) => recordRef(index, id)) } as Block] : []),
    ...(open.length > 0 ? [{ kind: 'heading', level: 3, text: 'Open hindsight flags', anchor: `${anchor}-flags` } as Block, { kind: 'list', items: open.map((f) => flagWords(index, review, f)) } as Block] : []),
  ];
}

/** The findings, each with its evidence and flags. */
export function findingsBlocks(index: CaseIndex, review: Review, checks: HindsightChecks): Block[] {
  if (review.findings.length === 0) return [{ kind: 'paragraph', runs: 'The review has no findings yet.' }];
  return review.findings.flatMap((f) => findingBlocks(index, review, f, checks.of(f)));
}

/** The practitioner's responses, finding by finding, every version kept in order. */
export function responseBlocks(index: CaseIndex, review: Review): Block[] {
  if (review.responses.length === 0) return [{ kind: 'paragraph', runs: 'No practitioner has responded to the findings.' }];
  const findings = [...new Set(review.responses.map((r) => r.finding))];
  return findings.flatMap((id): Block[] => {
    const finding = review.findings.find((f) => f.id === id);
    const versions = review.responses.filter((r) => r.finding === id).sort((a, b) => a.version - b.version);
    return [
      { kind: 'heading', level: 2, text: `Response to ${id}${finding ? ` (${FINDING_KIND_NAMES[finding.kind].toLowerCase()})` : ''}`, anchor: `response-${id}` },
      ...versions.flatMap((r): Block[] => [
        { kind: 'heading', level: 3, text: `Version ${r.version}: ${RESPONSE_STATUS_NAMES[r.status]}, by ${officerName(index, r.by)}, ${formatInstant(r.at)}`, anchor: `response-${id}-${r.version}` },
        ...paragraphsOf(r.text).map((p): Block => ({ kind: 'paragraph', runs: p, style: 'quote' })),
        ...(r.evidence.length > 0 ? [{ kind: 'paragraph', runs: 'Evidence given:' } as Block, { kind: 'list', items: r.evidence.map((id) => recordRef(index, id)) } as Block] : []),
      ]),
    ];
  });
}

/** Appendix A: each dismissed flag with who dismissed it, when and why. */
export function dismissalBlocks(index: CaseIndex, review: Review, checks: HindsightChecks): Block[] {
  const rows = review.findings.flatMap((f) =>
    checks.of(f).flatMap((flag) => {
      if (!flag.dismissed) return [];
      const at = f.dismissed.find((d) => dismisses(d, flag))?.at;
      return [[f.id, flagWords(index, review, flag), flag.dismissed.reason, flag.dismissed.by, at ? formatInstant(at) : '']];
    }),
  );
  if (rows.length === 0) return [{ kind: 'paragraph', runs: 'No hindsight flag was dismissed.' }];
  return [
    {
      kind: 'table',
      caption: 'Hindsight flags dismissed',
      columns: [
        { label: 'Finding', weight: 6 },
        { label: 'Flag', weight: 38 },
        { label: 'Reason', weight: 30 },
        { label: 'By', weight: 12 },
        { label: 'When', weight: 14 },
      ],
      rows,
    },
  ];
}

/** The action plan as a table. */
export function actionBlocks(review: Review): Block[] {
  if (review.actions.length === 0) return [{ kind: 'paragraph', runs: 'The review has no actions yet.' }];
  const withoutAction = review.findings.filter((f) => !review.actions.some((a) => a.findings.includes(f.id)));
  return [
    {
      kind: 'table',
      caption: 'Action plan',
      columns: [
        { label: 'Action', weight: 6 },
        { label: 'What will be done', weight: 34 },
        { label: 'Owner', weight: 14 },
        { label: 'Due', weight: 11 },
        { label: 'How we will know', weight: 25 },
        { label: 'Findings', weight: 10 },
      ],
      rows: review.actions.map((a) => [a.id, a.action, a.owner, a.due ? formatUkDate(a.due) : 'No date', a.measure, a.findings.join(', ')]),
    },
    ...withoutAction.map((f): Block => ({ kind: 'paragraph', style: 'hint', runs: `${f.id} has no action${f.noActionReason?.trim() ? `: ${f.noActionReason.trim()}` : ', and no reason is given.'}` })),
  ];
}
