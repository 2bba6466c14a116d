import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { answerOf, stillToAnswer } from '../../shared/training/answers.js';
import { debrief, sessionCsv } from '../../shared/training/debrief.js';
import { choicesChartSvg, ratingsChartSvg } from '../../shared/training/debriefCharts.js';
import { presenterFrame } from '../../shared/training/presenter.js';
import { Session, Walkthrough } from '../../shared/training/walkthrough.js';
import { demoWithReview } from '../helpers/demoReview.js';
import { elementTexts, xmlProblems } from '../helpers/xml.js';

const { index } = demoWithReview(null);

const w = Walkthrough.parse({
  title: 'Case study',
  outcome: 'He attacked his partner.',
  points: [
    { id: 'D1', at: '2023-07-20', title: 'Home visit during cover', question: 'Visit now?', options: ['Visit this week', 'Wait for the officer back', 'Phone instead'], actual: 'Visited on 20 Jul.' },
    { id: 'D2', at: '2023-09-22T12:00', title: 'Recall or warn', question: 'What now?', options: ['Recall', 'Warn'], actual: '=HYPERLINK("x") warned him' },
  ],
});

const exercise = Session.parse({
  id: 'S1',
  at: '2026-12-01T10:00:00Z',
  mode: 'hindsightExercise',
  groups: [
    { id: 'A', name: 'Group A', toldOutcome: true },
    { id: 'B', name: 'Group B' },
    { id: 'C', name: '@Group C', toldOutcome: true },
  ],
  answers: [
    { point: 'D1', group: 'A', choice: 1 },
    { point: 'D1', group: 'A', choice: 0 },
    { point: 'D1', group: 'A', foreseeable: 70 },
    { point: 'D1', group: 'B', choice: 0, foreseeable: 20 },
    { point: 'D1', group: 'C', choice: 2, foreseeable: 90 },
    { point: 'D2', group: 'A', choice: 0, foreseeable: 85 },
    { point: 'D2', group: 'C', choice: 0 },
  ],
});

describe('the room’s answers', () => {
  it('a group’s answer is the last it gave, a rating given apart from the choice keeping the choice', () => {
    expect(answerOf(exercise, 'D1', 'A')).toEqual({ choice: 0, foreseeable: 70 });
    expect(answerOf(exercise, 'D2', 'B')).toEqual({ choice: null, foreseeable: null });
  });

  it('the room goes on only when every group has chosen, and in the exercise rated too', () => {
    expect(stillToAnswer(exercise, w.points[0]!)).toEqual([]);
    expect(stillToAnswer(exercise, w.points[1]!).map((s) => [s.group.id, s.choice, s.rating])).toEqual([
      ['B', true, true],
      ['C', false, true],
    ]);
    const walkthrough = { ...exercise, mode: 'walkthrough' as const };
    expect(stillToAnswer(walkthrough, w.points[1]!).map((s) => s.group.id)).toEqual(['B']);
    // A choice beyond the point's options is no choice.
    expect(stillToAnswer({ ...walkthrough, answers: [{ point: 'D2', group: 'A', choice: 4 }] }, w.points[1]!).map((s) => s.group.id)).toEqual(['A', 'B', 'C']);
  });
});

describe('the debrief', () => {
  const d = debrief(index, w, exercise);

  it('counts the groups’ choices by option, beside what the officer actually did', () => {
    expect(d.points[0]!.counts).toEqual([2, 0, 1]);
    expect(d.points[1]!.counts).toEqual([2, 0]);
    expect(d.points[1]!.groups.map((g) => g.option)).toEqual(['Recall', null, 'Recall']);
    expect(d.points[0]!.point.actual).toBe('Visited on 20 Jul.');
  });

  it('gives each side’s mean rating at each point and the gap, told minus not told; no gap where a side gave none', () => {
    expect(d.points[0]!.ratings).toEqual({ told: 80, notTold: 20, gap: 60 });
    expect(d.points[1]!.ratings).toEqual({ told: 85, notTold: null, gap: null });
    expect(d.overall).toEqual({ told: (70 + 90 + 85) / 3, notTold: 20, gap: (70 + 90 + 85) / 3 - 20 });
  });

  it('shows what the officer knew and carried at each point as the presenter showed it', () => {
    expect(d.points[1]!.officer).toEqual(presenterFrame(index, w, 2).officer);
    expect(d.points[0]!.officer!.code).toBe('N07P377');
    expect(d.points[1]!.when).toBe('22 Sep 2023, 12:00');
  });

  it('draws the choices and the ratings as standalone SVG with a title and a description that says every value', () => {
    const choices = choicesChartSvg(d.points[0]!);
    expect(xmlProblems(choices.svg)).toEqual([]);
    expect(elementTexts(choices.svg, 'title')).toEqual(['Point 1: how the groups chose']);
    expect(elementTexts(choices.svg, 'desc')[0]).toContain('Option 1, Visit this week: 2 of 3 groups; Option 2, Wait for the officer back: 0 of 3 groups');
    expect(elementTexts(choices.svg, 'text')).toContain('2 of 3');
    const ratings = ratingsChartSvg(d);
    expect(xmlProblems(ratings.svg)).toEqual([]);
    expect(elementTexts(ratings.svg, 'desc')[0]).toContain('Point 1, Home visit during cover: told the outcome 80, not told 20, gap +60');
    expect(elementTexts(ratings.svg, 'text')).toContain('no gap: a side gave no rating');
  });
});

describe('the session’s results as CSV', () => {
  const csv = sessionCsv(w, exercise);
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  it('starts with a byte-order mark, ends its lines CRLF, and has a row for each group at each point', () => {
    expect(csv.startsWith('\uFEFFPoint,Title,When,Question,Group,Told the outcome first,Option chosen,Choice,How foreseeable (0 to 100),What the officer did\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(rows).toHaveLength(1 + 2 * 3);
    expect(rows[1]).toEqual(['1', 'Home visit during cover', '20 Jul 2023', 'Visit now?', 'Group A', 'Yes', '1', 'Visit this week', '70', 'Visited on 20 Jul.']);
    expect(rows[5]).toEqual(['2', 'Recall or warn', '22 Sep 2023, 12:00', 'What now?', 'Group B', 'No', '', 'No choice recorded', '', `'=HYPERLINK("x") warned him`]);
  });

  it('no cell can start a formula', () => {
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(rows[3]![4]).toBe("'@Group C");
  });
});
