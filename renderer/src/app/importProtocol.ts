import { trailKey } from '../../../shared/audit/rowKeys.js';
import type { AllocationProposal } from '../../../shared/domain/allocationProposals.js';
import type { FileSummary, ChangedRow, RowsByTable } from '../../../shared/import/plan.js';
import type { ImportSurvey } from '../../../shared/import/survey.js';
import type { Allocation, Case } from '../../../shared/schemas/index.js';
import type { ColumnMap, FileKind } from '../../../shared/import/columns.js';
import type { RowIssue } from '../../../shared/import/issues.js';
import type { ReadFileResult } from '../../../shared/import/readFile.js';

/** Messages between the import screen and its worker, which reads, checks and writes off the main thread. */
export type ToWorker =
  /** Read files into a case; with no case yet (`into: null`), survey them for the CRNs they hold first. */
  | { type: 'read'; into: ImportTarget | null; files: File[]; dataKey: Uint8Array }
  | { type: 'mapped'; answers: MappingAnswer[]; remember: boolean }
  /** After a survey: check the files for the case chosen. */
  | { type: 'checkFor'; into: ImportTarget }
  /** Store what was checked; `newCase` is created in the same transaction (a case made from its export files). */
  | { type: 'accept'; acceptedChangeKeys: string[]; confirmedAllocations: Allocation[]; newCase?: Case };

/** The case an import goes into, and its CRN: rows of other CRNs are other work, or left out. */
export interface ImportTarget {
  caseId: string;
  crn: string;
}


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
  /** The file's rows by where they go in the case, new or already held. */
  byTable: RowsByTable;
  /** A file already imported into this case, byte for byte. */
  alreadyImported: boolean;
}

export interface ImportPreview {
  files: FilePreview[];
  changed: ChangedRow[];
  /** Rows that will be written on Accept, before any changed rows the user accepts. */
  toAdd: number;
  /** The same, by where they go in the case. */
  toAddByTable: RowsByTable;
  /** Who held the case, proposed from transfer contacts when the case has no allocations: stored only if confirmed. */
  proposedAllocations: AllocationProposal[];
}

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'writing'; file: string; done: number; total: number }
  | { type: 'needsMapping'; questions: MappingQuestion[] }
  | { type: 'survey'; survey: ImportSurvey }
  | { type: 'preview'; preview: ImportPreview }
  /** Stored: the new rows by table, and how many stored rows the user chose to replace. */
  | { type: 'stored'; written: RowsByTable; replaced: number }
  | { type: 'failed'; message: string };

export const changeKey = (c: Pick<ChangedRow, 'table' | 'key'>) => trailKey(c.table, c.key);
