import type { Grade } from '../schemas/common.js';
import { MAX_CELL_CHARS } from './csv.js';
import type { TimeValue } from '../time/precision.js';
import { GAP_WARNING, parseClock, parseDate, parseDateTime, skippedByClockChange } from './dates.js';
import type { RowIssue } from './issues.js';

const NDELIUS_GRADES: Record<string, Grade> = {
  PSM: 'PO', NPSM: 'PO', PO: 'PO',
  PSQ: 'PSO', NPSQ: 'PSO', PSO: 'PSO',
  PSP: 'PQiP', NPSP: 'PQiP', TPO: 'PQiP', PQIP: 'PQiP',
  NQO: 'NQO',
  PSC: 'SPO', NPSC: 'SPO', SPO: 'SPO',
};

/** Copy only the values that are present, so an optional field is absent rather than `undefined`. */
export function assignDefined<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) Object.assign(target, { [k]: v });
  return target;
}

/**
 * Reads one CSV record by canonical column name, collecting every problem instead of stopping at the first,
 * so the preview can show them all.
 */
export class RowReader {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly cells: readonly string[],
    readonly line: number,
  ) {
    for (const [column, i] of index) {
      const length = cells[i]?.length ?? 0;
      if (length > MAX_CELL_CHARS) this.errors.push({ row: line, column, message: `the cell is ${length.toLocaleString('en-GB')} characters long; Foresight accepts up to ${MAX_CELL_CHARS.toLocaleString('en-GB')}` });
    }
  }

  has(column: string): boolean {
    return this.text(column) !== undefined;
  }

  /** The trimmed cell, or undefined when the column is absent or the cell blank. */
  text(column: string): string | undefined {
    const i = this.index.get(column);
    if (i === undefined) return undefined;
    const v = this.cells[i]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  error(column: string | undefined, message: string, value = column ? this.text(column) : undefined): void {
    this.errors.push({ row: this.line, ...(column ? { column } : {}), ...(value !== undefined ? { value } : {}), message });
  }

  warn(column: string | undefined, message: string): void {
    this.warnings.push({ row: this.line, ...(column ? { column } : {}), message });
  }

  required(column: string): string | undefined {
    const v = this.text(column);
    if (v === undefined) this.error(column, 'required value is missing', '');
    return v;
  }

  pattern(column: string, re: RegExp, message: string, required: boolean): string | undefined {
    const v = required ? this.required(column) : this.text(column);
    if (v === undefined) return undefined;
    if (!re.test(v)) {
      this.error(column, message);
      return undefined;
    }
    return v;
  }

  date(column: string, required: boolean): string | undefined {
    const v = required ? this.required(column) : this.text(column);
    if (v === undefined) return undefined;
    const parsed = parseDate(v);
    if (!parsed.ok) this.error(column, parsed.message);
    return parsed.ok ? parsed.value : undefined;
  }

  dateTime(column: string, required: boolean): TimeValue | undefined {
    const v = required ? this.required(column) : this.text(column);
    if (v === undefined) return undefined;
    const parsed = parseDateTime(v);
    if (!parsed.ok) {
      this.error(column, parsed.message);
      return undefined;
    }
    const clock = /[T ](\d{1,2}):(\d{2})/.exec(v);
    if (clock && !/(Z|[+-]\d{2}:?\d{2})$/.test(v) && skippedByClockChange({ hour: Number(clock[1]), minute: Number(clock[2]) }, parsed.value)) {
      this.warn(column, GAP_WARNING);
    }
    return parsed.value;
  }

  clock(column: string): { hour: number; minute: number; second: number } | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    const parsed = parseClock(v);
    if (!parsed.ok) this.error(column, parsed.message);
    return parsed.ok ? parsed.value : undefined;
  }

  number(column: string, required = false): number | undefined {
    const v = required ? this.required(column) : this.text(column);
    if (v === undefined) return undefined;
    const n = Number(v.replace(/,/g, '').replace(/%$/, ''));
    if (!Number.isFinite(n)) {
      this.error(column, 'not a number');
      return undefined;
    }
    return n;
  }

  yesNo(column: string): boolean | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    const u = v.toUpperCase();
    if (u === 'Y' || u === 'YES' || u === 'TRUE') return true;
    if (u === 'N' || u === 'NO' || u === 'FALSE') return false;
    this.error(column, 'expected Y or N');
    return undefined;
  }

  grade(column: string): Grade | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    return NDELIUS_GRADES[v.toUpperCase()] ?? 'Other';
  }
}
