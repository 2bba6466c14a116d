import type { CaseIndex } from '../engine/caseIndex.js';
import { oneLineSummary, whatHappened } from '../domain/summary.js';
import { ANNOTATION_TEXTS, annotationsByRecord, FACTORS_LABEL, KEY_LABEL } from '../review/annotations.js';
import type { CaseRecord } from '../schemas/record.js';
import type { Annotation, Review } from '../schemas/review.js';
import { formatTime } from '../time/display.js';
import type { Block, TableColumn } from './document.js';
import { officerName } from './words.js';

/**
 * The chronology in the tabular timeline's columns (the NPSA tabular timeline): in the document, the key events; in
 * the CSV, every record of the case.
 */

const factorNames = (review: Pick<Review, 'factors'>, a: Annotation | undefined) =>
  (a?.factors ?? []).map((id) => {
    const f = review.factors.find((x) => x.id === id);
    return f ? `${f.id}: ${f.text}` : id;
  });

/** Who did or knew a record: the contact's officer, or the agency that held the information. */
function whoOf(index: CaseIndex, r: CaseRecord): string {
  return r.kind === 'contact' ? officerName(index, r.staffCode) : r.sourceAgency;
}

/** The records the document's chronology shows: the key events; with none marked, every record the review wrote on. */
export function keyEventRecords(index: CaseIndex, review: Review): { records: CaseRecord[]; marked: boolean } {
  const annotations = annotationsByRecord(review);
  const marked = review.annotations.some((a) => a.key);
  const records = index.records.filter((r) => {
    const a = annotations.get(r.id);
    return a !== undefined && (a.key === true || !marked);
  });
  return { records, marked };
}

const DOCUMENT_COLUMNS: TableColumn[] = [
  { label: 'When', weight: 9 },
  { label: 'What happened', weight: 20 },
  { label: 'Officer or agency', weight: 9 },
  ...ANNOTATION_TEXTS.map(({ label }) => ({ label, weight: 13 })),
  { label: FACTORS_LABEL, weight: 10 },
];

/** The chronology of key events, as the document's table. */
export function chronologyBlocks(index: CaseIndex, review: Review): Block[] {
  const annotations = annotationsByRecord(review);
  const { records, marked } = keyEventRecords(index, review);
  const lead: Block = {
    kind: 'paragraph',
    style: 'hint',
    runs: marked
      ? 'The records the review marked as key events, in time order, with the review’s notes in the columns of the tabular timeline.'
      : 'No record is marked as a key event, so this is every record the review wrote notes on, in time order.',
  };
  if (records.length === 0) return [lead, { kind: 'paragraph', runs: 'The review has written no notes on the chronology yet.' }];
  const rows = records.map((r) => {
    const a = annotations.get(r.id);
    return [
      formatTime(r.occurred),
      `${whatHappened(r)}\n${oneLineSummary(r, 400)}`,
      whoOf(index, r),
      ...ANNOTATION_TEXTS.map(({ field }) => a?.[field]?.trim() ?? ''),
      factorNames(review, a).join('\n'),
    ];
  });
  return [lead, { kind: 'table', caption: 'Chronology of key events', columns: DOCUMENT_COLUMNS, rows }];
}

export const CSV_HEADER = [
  'Record',
  'When',
  'When recorded or shared',
  'Agency',
  'What happened',
  'Officer or agency',
  'Summary',
  'Notes',
  KEY_LABEL,
  ...ANNOTATION_TEXTS.map(({ label }) => label),
  FACTORS_LABEL,
] as const;

/** When a record reached the probation record: written (a contact), shared (information), or never. */
function recordedOf(r: CaseRecord): string {
  if (r.kind === 'contact') return formatTime(r.recorded);
  return r.reachedProbation ? formatTime(r.reachedProbation) : 'Not shared before the further offence';
}

/** One CSV row of the chronology, in CSV_HEADER's order. */
export function csvRow(index: CaseIndex, review: Review | null, annotations: ReadonlyMap<string, Annotation>, r: CaseRecord): string[] {
  const a = annotations.get(r.id);
  return [
    r.id,
    formatTime(r.occurred),
    recordedOf(r),
    r.sourceAgency,
    whatHappened(r),
    whoOf(index, r),
    r.summary,
    r.notes ?? '',
    a?.key ? 'Yes' : '',
    ...ANNOTATION_TEXTS.map(({ field }) => a?.[field] ?? ''),
    review ? factorNames(review, a).join('; ') : '',
  ];
}
