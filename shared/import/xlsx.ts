import { readSheet } from 'read-excel-file/universal';
import type { CsvTable } from './csv.js';
import { checkZipSize, XLSX_LIMITS, type ZipLimits } from './zipGuard.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV would hold. Numbers keep their stored digits (an Excel serial date stays a serial, which
 * the date reader understands); date-formatted cells become `YYYY-MM-DD`, with the time when there is one.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours(), m = value.getUTCMinutes(), s = value.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export type XlsxRead = { ok: true; table: CsvTable } | { ok: false; message: string };

/** Read the first sheet of a workbook (WMT extracts are workbooks) into the same table a CSV gives. */
export async function readXlsxTable(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): Promise<XlsxRead> {
  const refusal = checkZipSize(bytes, limits);
  if (refusal) return { ok: false, message: refusal };
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer, 1, { parseNumber: (s: string) => s, trim: false })) as unknown[][];
  } catch {
    return { ok: false, message: 'the workbook is damaged or not a real .xlsx file' };
  }
  const rows = data.map((cells, i) => ({ line: i + 1, cells: cells.map(cellText) }));
  while (rows.length > 0 && rows[rows.length - 1]?.cells.every((c) => c === '')) rows.pop();
  const [header, ...body] = rows;
  return {
    ok: true,
    table: { header: header?.cells ?? [], rows: body.filter((r) => r.cells.some((c) => c !== '')), problems: [] },
  };
}
