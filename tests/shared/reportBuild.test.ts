import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { countStates } from '../../shared/engine/officerSummary.js';
import { buildReport, reportSteps, type ReportInput } from '../../shared/report/build.js';
import { runsText, type Block, type ReportDocument } from '../../shared/report/document.js';
import { makeReportWhole } from '../../shared/report/make.js';
import { decisionInstant } from '../../shared/review/flags.js';
import { DEMO_REVIEW, demoWithReview } from '../helpers/demoReview.js';
import ELK from 'elkjs/lib/elk.bundled.js';

// The review as a document (docs/report.md): the parts in order, each figure the engine's own, nothing invented.
const demo = demoWithReview();
const NOW = new Date('2026-12-01T12:00:00Z');
const input = (over: Partial<ReportInput> = {}): ReportInput => ({ ...demo, trail: { ...verifyBundle(demo.bundle), depth: 'full' }, now: NOW, ...over });

const headings = (doc: ReportDocument, level: number) => doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
/** Every word of a part of the document: from its level-1 heading to the next. */
function part(doc: ReportDocument, title: string): string {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === title);
  const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return doc.blocks.slice(start, end < 0 ? undefined : end).map(blockText).join('\n');
}
function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'paragraph':
      return runsText(b.runs);
    case 'list':
      return b.items.map(runsText).join('\n');
    case 'facts':
      return b.rows.map((r) => `${r.label}: ${runsText(r.value)}`).join('\n');
    case 'table':
      return [b.columns.map((c) => c.label).join(' | '), ...b.rows.map((r) => r.join(' | '))].join('\n');
    case 'figure':
      return `${b.caption} (${b.alt})`;
    default:
      return '';
  }
}

describe('the review as a document', () => {
  const doc = buildReport(input());

  it('has the parts a review holds, in order, and a title page that says the case is synthetic', () => {
    expect(headings(doc, 1)).toEqual([
      'Terms of reference',
      'Summary and judgement',
      'Chronology of key events',
      'Workload and staffing',
      'Key practice episodes',
      'Systems map',
      'Findings',
      'The practitioner’s responses',
      'Action plan',
      'Appendix A: hindsight flags dismissed',
      'Appendix B: provenance',
    ]);
    expect(doc.blocks[0]).toEqual({ kind: 'contents' });
    expect(doc.titlePage).toEqual({ caseTitle: demo.bundle.case.title, crn: 'X900417', reviewer: 'A. Reviewer', written: '2026-12-01', marks: ['synthetic'] });
    expect(buildReport(input({ bundle: { ...demo.bundle, case: { ...demo.bundle.case, trainingCopy: true } } })).titlePage.marks).toEqual(['synthetic', 'training']);
  });

  it('orders episodes by their decision, each with the view from the tunnel the engine gives at that moment', () => {
    expect(headings(doc, 2).filter((h) => /^E\d/.test(h))).toEqual(['E2. Home visit during cover', 'E1. Decision not to recall']);
    const e1 = demo.review!.episodes.find((e) => e.id === 'E1')!;
    const view = demo.index.view('N07P214', decisionInstant(e1)!);
    const counts = countStates(view.states);
    const words = part(doc, 'Key practice episodes');
    expect(words).toContain(`${counts.known} records known to the officer`);
    expect(words).toContain(`${counts.heldElsewhere} records held by other agencies`);
    expect(words).toContain(`Capacity (WMT): ${view.workload!.snapshot.capacityPct}%, excessive workload`);
    expect(words).toContain(`Caseload: ${view.workload!.snapshot.totalCases} cases (50 or more)`);
    expect(words).toContain(`${view.team!.staffingPct}% staffed, status ${view.team!.deliveryStatus}`);
    // The episode cites a policy that was not yet in force at its decision: the document says so.
    expect(words).toContain('The episode cites Local instruction on home visits, which was not yet in force: it applied from 1 Jan 2024.');
  });

  it('says "no data" where the case has no figure, never inventing one', () => {
    const noWorkload = demoWithReview({ ...DEMO_REVIEW, episodes: [{ id: 'E1', title: 'Before any snapshot', decisionAt: '2022-05-01T12:00', officer: 'N07P101' }], findings: [], responses: [], actions: [] });
    const words = part(buildReport({ ...noWorkload, trail: null, now: NOW }), 'Key practice episodes');
    expect(words).toContain('Capacity (WMT): No workload snapshot on or before this date: no data');
  });

  it('lists the key events in the chronology; with none marked, every record the review wrote on, saying so', () => {
    const chronology = part(doc, 'Chronology of key events');
    expect(chronology).toContain('The records the review marked as key events');
    expect(chronology).toContain('The notice is discussed with the SPO within a day.');
    const unmarked = demoWithReview({ ...DEMO_REVIEW, annotations: [{ record: 'info:HO-01', problems: 'No action recorded.' }] });
    const words = part(buildReport({ ...unmarked, trail: null, now: NOW }), 'Chronology of key events');
    expect(words).toContain('No record is marked as a key event');
    expect(words).toContain('No action recorded.');
  });

  it('gives each finding its open flags, and each dismissed flag its reason, who and when in Appendix A', () => {
    const findings = part(doc, 'Findings');
    expect(findings).toContain('Outcome language: “should have known”.');
    expect(findings).not.toContain('Outcome language: “Failed to”');
    expect(findings).toContain('3 open flags, 1 dismissed flag (Appendix A)');
    expect(part(doc, 'Appendix A: hindsight flags dismissed')).toContain('N1 | Outcome language: “Failed to”. Suggested instead: did not. | quoting the officer | A. Reviewer | 1 Dec 2026, 10:00');
  });

  it('gives each dismissal its own time, even when two share a reason', () => {
    const twice = demoWithReview({
      ...DEMO_REVIEW,
      findings: [
        {
          id: 'N1', kind: 'good', text: 'Clearly it was obviously a careful plan.',
          dismissed: [
            { kind: 'outcomeLanguage', phrase: 'clearly', reason: 'quoting the officer', by: 'A. Reviewer', at: '2026-12-01T10:00:00Z' },
            { kind: 'outcomeLanguage', phrase: 'obviously', reason: 'quoting the officer', by: 'B. Reviewer', at: '2026-12-05T15:30:00Z' },
          ],
        },
      ],
      actions: [],
      responses: [],
    });
    const appendix = part(buildReport({ ...twice, trail: null, now: NOW }), 'Appendix A: hindsight flags dismissed');
    expect(appendix).toContain('“Clearly”. Suggested instead: leave it out and give the evidence. | quoting the officer | A. Reviewer | 1 Dec 2026, 10:00');
    expect(appendix).toContain('“obviously”. Suggested instead: leave it out and give the evidence. | quoting the officer | B. Reviewer | 5 Dec 2026, 15:30');
  });

  it('counts what was on the record of a case the officer did not hold, apart from what they could read', () => {
    const spo = demoWithReview({ ...DEMO_REVIEW, episodes: [{ id: 'E1', title: 'The SPO’s view', decisionAt: '2023-09-22T12:00', officer: 'N07S020' }], findings: [], responses: [], actions: [] });
    const view = spo.index.view('N07S020', decisionInstant(spo.review!.episodes[0]!)!);
    const words = part(buildReport({ ...spo, trail: null, now: NOW }), 'Key practice episodes');
    expect(countStates(view.states).notHeld).toBeGreaterThan(0);
    expect(words).toContain(`${countStates(view.states).notHeld} records on the probation record of a case the officer did not hold then`);
  });

  it('keeps every version of a practitioner’s response, in order', () => {
    const responses = part(doc, 'The practitioner’s responses');
    expect(responses.indexOf('Version 1: Disputed, by James Whitfield')).toBeLessThan(responses.indexOf('Version 2: Context added, by James Whitfield'));
  });

  it('gives the provenance to check the document against the case: each source file’s SHA-256, the newest entry’s hash, and how the trail was checked', () => {
    const provenance = part(doc, 'Appendix B: provenance');
    for (const s of demo.bundle.sources) expect(provenance).toContain(s.sha256);
    expect(provenance).toContain(demo.bundle.audit.at(-1)!.hash);
    expect(provenance).toContain('Intact: every entry’s hash, link and signature, and every row’s content');
    expect(part(buildReport(input({ trail: null })), 'Appendix B: provenance')).toContain('Checked when written: Not checked');
    const broken = { ok: false, entries: 1, reason: 'row records:contact:1 differs', signers: [], unsigned: [1], depth: 'full' as const };
    expect(part(buildReport(input({ trail: broken })), 'Appendix B: provenance')).toContain('Not intact: row records:contact:1 differs');
    // A case with no trail at all still says what checking it found.
    const untrailed = part(buildReport(input({ bundle: { ...demo.bundle, audit: [] }, trail: { ...broken, entries: 0, reason: 'the case holds rows, but its trail is empty' } })), 'Appendix B: provenance');
    expect(untrailed).toContain('Entries: None: the case has no audit trail');
    expect(untrailed).toContain('Checked when written: Not intact: the case holds rows, but its trail is empty');
  });

  it('is built a step at a time, each step saying what it does, ending where it began counting', () => {
    const steps = reportSteps(input());
    const seen: { done: number; total: number; what: string }[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value);
    expect(seen.map((s) => s.done)).toEqual(seen.map((_, i) => i));
    expect(seen.every((s) => s.total === seen[0]!.total)).toBe(true);
    expect(seen.map((s) => s.what)).toContain('Episode E1: the view from the tunnel');
  });

  it('builds for a case with no review, saying what is not written yet', () => {
    const none = buildReport({ ...demoWithReview(null), trail: null, now: NOW });
    expect(part(none, 'Findings')).toContain('The review has no findings yet.');
  });
});

describe('the document written', () => {
  const ports = { elk: async () => new ELK(), rasterise: async (figures: readonly unknown[]) => figures.map(() => new Uint8Array(0)) };

  it('names its file from the title, safe on every system, and marks a redacted copy', async () => {
    const html = await makeReportWhole({ ...input() }, 'html', null, ports);
    expect(html.fileName).toBe('SFO review - X900417.html');
    const csv = await makeReportWhole({ ...input() }, 'csv', null, ports);
    expect(csv.fileName).toBe('SFO review - X900417 - chronology.csv');
  });

  it('a figure the platform cannot draw as a picture is said in words in Word, never left blank', async () => {
    const made = await makeReportWhole({ ...input() }, 'docx', null, ports);
    if (made.format !== 'docx') throw new Error('expected a Word document');
    const { default: mammoth } = await import('mammoth');
    const words = (await mammoth.extractRawText({ buffer: Buffer.from(made.bytes) })).value;
    expect(words).toContain('could not be drawn');
  });
});
