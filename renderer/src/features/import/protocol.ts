import type { AllocationProposal } from '../../../../shared/domain/allocationProposals.js';
import type { FileSummary, ChangedRow } from '../../../../shared/import/plan.js';
import type { Allocation } from '../../../../shared/schemas/index.js';
import type { ColumnMap, FileKind } from '../../../../shared/import/columns.js';
import type { RowIssue } from '../../../../shared/import/issues.js';
import type { ReadFileResult } from '../../../../shared/import/readFile.js';

/** Messages between the import screen and its worker, which reads, checks and writes off the main thread. */
export type ToWorker =
  | { type: 'read'; caseId: string; crn: string; files: File[]; dataKey: Uint8Array }
  | { type: 'mapped'; answers: MappingAnswer[]; remember: boolean }
  | { type: 'accept'; acceptedChangeKeys: string[]; confirmedAllocations: Allocation[] };

/** A file whose kind or some of whose columns the tool does not know: the user is asked once. */
export interface MappingQuestion {
  index: number;
  file: string;
  /** The recognised kind, or null when the user must choose it. */
  kind: FileKind | null;
  header: string[];
  /** Up to three example values for each header, for the user to recognise the column. */
  samples: string[][];
  /** Answers already saved for this kind of file. */
  saved: ColumnMap;
}

export interface MappingAnswer {
  index: number;
  kind: FileKind;
  columnMap: ColumnMap;
}

export interface FilePreview extends FileSummary {
  file: string;
  sha256: string;
  encoding: ReadFileResult['encoding'];
  rows: number;
  accepted: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  added: number;
  unchanged: number;
  otherCaseRows: number;
  /** A file already imported into this case, byte for byte. */
  alreadyImported: boolean;
}

export interface ImportPreview {
  files: FilePreview[];
  changed: ChangedRow[];
  /** Rows that will be written on Accept, before any changed rows the user accepts. */
  toAdd: number;
  /** Who held the case, proposed from transfer contacts when the case has no allocations: stored only if confirmed. */
  proposedAllocations: AllocationProposal[];
}

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'writing'; file: string; done: number; total: number }
  | { type: 'needsMapping'; questions: MappingQuestion[] }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'stored'; written: number }
  | { type: 'failed'; message: string };

export const changeKey = (c: Pick<ChangedRow, 'table' | 'key'>) => `${c.table}:${c.key}`;
