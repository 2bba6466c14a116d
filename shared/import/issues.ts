/** A problem with one cell or row of an import file, as the preview table and `check --json` show it. */
export interface RowIssue {
  row: number;
  column?: string;
  value?: string;
  message: string;
}
