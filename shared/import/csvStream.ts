import { parseCsvPiece, type CsvProblem, type CsvRow } from './csv.js';
import { decodeWindows1252, hasUtf8Bom, Utf8Check, type TextEncoding } from './decode.js';

/** Synchronous access to a file's bytes (FileReaderSync in a worker, a buffer in Node). */
export type ReadBytes = (start: number, end: number) => Uint8Array;

export const STREAM_CHUNK = 1 << 20;

/** Decide a file's encoding by passing its bytes through a strict UTF-8 decoder, a chunk at a time. */
export function detectEncoding(read: ReadBytes, size: number, chunk = STREAM_CHUNK): { encoding: TextEncoding; hadBom: boolean } {
  const check = new Utf8Check();
  for (let at = 0; at < size && check.valid; at += chunk) check.feed(read(at, Math.min(size, at + chunk)));
  return check.finish() ? { encoding: 'utf-8', hadBom: hasUtf8Bom(read(0, Math.min(3, size))) } : { encoding: 'windows-1252', hadBom: false };
}

export interface CsvChunk {
  /** Records of this chunk (the header is not among them). */
  rows: CsvRow[];
  problems: CsvProblem[];
  /** Bytes read so far, for progress. */
  bytesRead: number;
}

function* pieces(read: ReadBytes, size: number, encoding: TextEncoding, hadBom: boolean, chunk: number): Generator<CsvChunk> {
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8') : null;
  let carry = '';
  let line = 1;
  let header: string[] | undefined;
  for (let at = hadBom ? 3 : 0; ; at += chunk) {
    const last = at + chunk >= size;
    const bytes = read(at, Math.min(size, at + chunk));
    const text = carry + (decoder ? decoder.decode(bytes, { stream: !last }) : decodeWindows1252(bytes));
    const piece = parseCsvPiece(text, line, last, header);
    header ??= piece.rows[0]?.cells;
    carry = text.slice(piece.consumed);
    line = piece.nextLine;
    yield { rows: piece.rows, problems: piece.problems, bytesRead: Math.min(size, at + chunk) };
    if (piece.stopped) {
      // Nothing after a quote never closed can be read as records, but every byte is still read, for the file's
      // hash and the check of its encoding that the reader's caller makes as the bytes go by.
      for (let rest = at + chunk; rest < size; rest += chunk) read(rest, Math.min(size, rest + chunk));
      return;
    }
    if (last) return;
  }
}

export interface CsvStream {
  header: string[];
  /** The records after the header, a chunk at a time. */
  chunks: Generator<CsvChunk>;
}

/**
 * Read a CSV file a chunk at a time, so memory is bounded by the chunk and not the file. Synchronous, so a worker
 * can read inside one IndexedDB transaction. Records are cut only at line breaks outside quoted fields, and a quoted
 * field is bounded (see parseCsvPiece), so a stray quote costs one bounded field, not the rest of the file. UTF-8 is decoded in stream mode, so a character split between chunks survives.
 */
export function streamCsv(read: ReadBytes, size: number, encoding: TextEncoding, hadBom: boolean, chunk = STREAM_CHUNK): CsvStream {
  const source = pieces(read, size, encoding, hadBom, chunk);
  let header: string[] = [];
  let first: CsvChunk | null = null;
  // Pulled by hand: leaving a for-of early would close the generator and lose the rest of the file.
  for (let next = source.next(); !next.done; next = source.next()) {
    const piece = next.value;
    if (piece.rows.length === 0 && piece.problems.length === 0) continue;
    header = piece.rows[0]?.cells ?? [];
    first = { ...piece, rows: piece.rows.slice(1) };
    break;
  }
  function* chunks(): Generator<CsvChunk> {
    if (first) yield first;
    yield* source;
  }
  return { header, chunks: chunks() };
}
