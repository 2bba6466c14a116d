import type { CaseIndex } from '../engine/caseIndex.js';
import { count } from '../domain/words.js';
import { HindsightChecks } from '../review/flags.js';
import { byDecision } from '../review/episodeEdits.js';
import { systemsMap } from '../review/systemsMap.js';
import { ACCIMAP_LEVEL_NAMES, SEIPS_NAMES } from '../review/words.js';
import type { CaseBundle } from '../schemas/bundle.js';
import type { Review } from '../schemas/review.js';
import { formatTime, formatUkDate } from '../time/display.js';
import { londonDateOf } from '../time/london.js';
import { chronologyBlocks } from './chronology.js';
import type { Block, DocumentMark, ReportDocument } from './document.js';
import { episodeBlocks } from './episodes.js';
import { policyDates } from '../review/policies.js';
import { staffingChart, workloadChart } from './figures.js';
import { actionBlocks, dismissalBlocks, findingsBlocks, responseBlocks } from './findings.js';
import { provenanceBlocks, type TrailFinding } from './provenance.js';
import { officerName, paragraphsOf } from './words.js';

/** What a document is made from: the case as a bundle holds it, indexed, and its review. */
export interface ReportInput {
  bundle: Pick<CaseBundle, 'case' | 'sources' | 'audit'>;
  index: CaseIndex;
  review: Review | null;
  /** What checking the trail found, for the provenance appendix; null: not checked. */
  trail: TrailFinding | null;
  now: Date;
}

/** How far a document has got, for a progress bar: `done` of `total` steps, and what is being done. */
export interface ReportProgress {
  done: number;
  total: number;
  what: string;
}

const REASONABLE_STEPS_WORDS = { yes: 'Yes', no: 'No', partly: 'Partly' } as const;

function summaryBlocks(input: ReportInput, review: Review, checks: HindsightChecks): Block[] {
  const { index } = input;
  const c = input.bundle.case;
  const holders = [...index.data.allocations].sort((a, b) => a.from.value.localeCompare(b.from.value));
  const flags = checks.all(review.findings);
  const open = flags.filter((f) => f.dismissed === null).length;
  const kinds = (['problem', 'good', 'condition'] as const).map((k) => review.findings.filter((f) => f.kind === k).length);
  const appraised = review.episodes.filter((e) => e.appraisal).length;
  const j = review.judgement;
  return [
    {
      kind: 'facts',
      rows: [
        { label: 'Person on probation', value: c.subject || 'Not named' },
        { label: 'CRN', value: c.crn },
        { label: 'Further offence', value: formatTime(c.offenceAt) },
        {
          label: 'Who held the case',
          value: holders.length === 0 ? 'No allocation in the data' : holders.map((a) => `${officerName(index, a.staffCode)}${a.cover ? ', cover' : ''}: from ${formatTime(a.from)}${a.to ? ` to ${formatTime(a.to)}` : ''}`).join('\n'),
        },
        { label: 'Reviewer', value: review.reviewer || 'Not named' },
      ],
    },
    {
      kind: 'paragraph',
      runs: `The review looked at ${count(review.episodes.length, 'key practice episode')} (${appraised} appraised) and made ${count(review.findings.length, 'finding')}: ${kinds[0]} about problems, ${kinds[1]} of good practice and ${kinds[2]} about conditions. The hindsight checks raised ${count(flags.length, 'flag')}, ${open} still open. The action plan has ${count(review.actions.length, 'action')}.`,
    },
    { kind: 'heading', level: 2, text: 'Were all reasonable steps taken?', anchor: 'judgement' },
    { kind: 'paragraph', runs: [{ text: j?.allReasonableSteps ? REASONABLE_STEPS_WORDS[j.allReasonableSteps] : 'Not yet answered', bold: true }] },
    ...(j?.rationale.trim() ? paragraphsOf(j.rationale).map((p): Block => ({ kind: 'paragraph', runs: p })) : [{ kind: 'paragraph', style: 'hint', runs: 'No reasons are given yet.' } as Block]),
  ];
}

function registerBlocks(review: Review): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Contributory factors', anchor: 'factors' },
    review.factors.length === 0
      ? { kind: 'paragraph', runs: 'The review names no contributory factors.' }
      : {
          kind: 'table',
          caption: 'Contributory factors',
          columns: [
            { label: 'Factor', weight: 6 },
            { label: 'What it is', weight: 44 },
            { label: 'Level (AcciMap)', weight: 18 },
            { label: 'Work system (SEIPS)', weight: 14 },
            { label: 'Pattern', weight: 18 },
          ],
          rows: review.factors.map((f) => [f.id, f.text, ACCIMAP_LEVEL_NAMES[f.level], f.seips ? SEIPS_NAMES[f.seips] : '', f.pattern ?? '']),
        },
    { kind: 'heading', level: 2, text: 'Policies and guidance', anchor: 'policies' },
    review.policies.length === 0
      ? { kind: 'paragraph', runs: 'The review names no policies.' }
      : {
          kind: 'table',
          caption: 'Policies and guidance',
          columns: [
            { label: 'Policy', weight: 6 },
            { label: 'Name and version', weight: 26 },
            { label: 'In force', weight: 22 },
            { label: 'What it requires', weight: 46 },
          ],
          rows: review.policies.map((p) => [p.id, `${p.name}${p.version ? ` (${p.version})` : ''}`, policyDates(p), p.requires ?? '']),
        },
  ];
}

const h1 = (text: string, anchor: string): Block => ({ kind: 'heading', level: 1, text, anchor });

/**
 * The review as a document (REVIEW.md §1; docs/report.md), built a step at a time so the window can show progress
 * and stay responsive: the caller runs each step, and may stop between any two.
 */
export function* reportSteps(input: ReportInput): Generator<ReportProgress, ReportDocument> {
  const { index } = input;
  const review: Review = input.review ?? { title: `Review of ${input.bundle.case.title}`, reviewer: '', termsOfReference: '', policies: [], factors: [], episodes: [], annotations: [], findings: [], actions: [], responses: [] };
  const checks = new HindsightChecks(index, review);
  const episodes = byDecision(review.episodes);
  const total = 6 + episodes.length;
  let done = 0;
  const step = (what: string): ReportProgress => ({ done: done++, total, what });
  const blocks: Block[] = [{ kind: 'contents' }];

  yield step('Terms of reference and summary');
  blocks.push(h1('Terms of reference', 'terms-of-reference'));
  const terms = paragraphsOf(review.termsOfReference);
  blocks.push(...(terms.length ? terms.map((p): Block => ({ kind: 'paragraph', runs: p })) : [{ kind: 'paragraph', style: 'hint', runs: 'No terms of reference are written.' } as Block]));
  blocks.push(h1('Summary and judgement', 'summary'), ...summaryBlocks(input, review, checks));

  yield step('Chronology of key events');
  blocks.push(h1('Chronology of key events', 'chronology'), ...chronologyBlocks(index, review));

  yield step('Workload and staffing');
  const workload = workloadChart(index, review);
  const staffing = staffingChart(index, review);
  blocks.push(
    h1('Workload and staffing', 'workload'),
    { kind: 'paragraph', runs: `HMPPS counts a workload as excessive when it stays over ${workload.threshold}% of capacity (WMT) for four weeks. The chart shows the capacity of each officer who held the case, from their workload snapshots; shading marks runs counted as excessive, and each episode’s decision is marked by its number.` },
    workload.lines.length
      ? { kind: 'figure', figure: { type: 'workload', ...workload }, caption: 'Capacity over the case', alt: `Capacity of ${workload.lines.map((l) => l.officer).join(', ')} from ${formatUkDate(workload.from)} to ${formatUkDate(workload.to)}, with the ${workload.threshold}% line${workload.excessive.length ? ` and ${count(workload.excessive.length, 'excessive run')}` : ''}.` }
      : { kind: 'paragraph', runs: 'The case has no workload snapshots for the officers who held it: no data.' },
    staffing.teams.length
      ? { kind: 'figure', figure: { type: 'staffing', ...staffing }, caption: 'Team staffing over the case', alt: `Staffing of ${staffing.teams.map((t) => t.team).join(', ')} from ${formatUkDate(staffing.from)} to ${formatUkDate(staffing.to)}, as a share of the target, with each recorded delivery status.` }
      : { kind: 'paragraph', runs: 'The case has no team staffing snapshots: no data.' },
  );

  blocks.push(h1('Key practice episodes', 'episodes'));
  if (episodes.length === 0) blocks.push({ kind: 'paragraph', runs: 'The review has no key practice episodes yet.' });
  for (const e of episodes) {
    yield step(`Episode ${e.id}: the view from the tunnel`);
    blocks.push(...episodeBlocks(index, review, e));
  }

  yield step('Systems map and findings');
  const graph = systemsMap(review);
  blocks.push(
    h1('Systems map', 'systems-map'),
    graph.nodes.length
      ? { kind: 'figure', figure: { type: 'systemsMap', id: 'systems-map', graph }, caption: 'The systems map (AcciMap)', alt: `The review's ${count(review.factors.length, 'contributory factor')} by level, from government to the work environment, linked to its findings and episodes.` }
      : { kind: 'paragraph', runs: 'The review has no factors, findings or episodes to map yet.' },
    ...registerBlocks(review),
    h1('Findings', 'findings'),
    ...findingsBlocks(index, review, checks),
    h1('The practitioner’s responses', 'responses'),
    ...responseBlocks(index, review),
    h1('Action plan', 'actions'),
    ...actionBlocks(review),
  );

  yield step('Appendices');
  blocks.push(
    h1('Appendix A: hindsight flags dismissed', 'appendix-dismissed'),
    ...dismissalBlocks(index, review, checks),
    h1('Appendix B: provenance', 'appendix-provenance'),
    ...provenanceBlocks(input.bundle.sources, input.bundle.audit, input.trail),
  );

  const marks: DocumentMark[] = [...(input.bundle.case.synthetic ? (['synthetic'] as const) : []), ...(input.bundle.case.trainingCopy ? (['training'] as const) : [])];
  done = total;
  return {
    title: review.title,
    titlePage: { caseTitle: input.bundle.case.title, crn: input.bundle.case.crn, reviewer: review.reviewer, written: londonDateOf(input.now.getTime()), marks },
    blocks,
  };
}

/** The whole document at once, for the command line and tests. */
export function buildReport(input: ReportInput): ReportDocument {
  const steps = reportSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

