/** Text encodings the importer reads: what nDelius exports and what Excel writes when a CSV is re-saved on Windows. */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
}

/**
 * Decode a file's bytes. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252,
 * which decodes any byte, so a spreadsheet re-saved on Windows reads without question marks.
 */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Checks that bytes fed in order, a chunk at a time, are valid UTF-8 (a leading BOM allowed): how a file too large
 * to hold is found to be Windows-1252 instead.
 */
export class Utf8Check {
  private readonly strict = new TextDecoder('utf-8', { fatal: true });
  private first = true;
  valid = true;

  feed(bytes: Uint8Array): void {
    if (!this.valid) return;
    const body = this.first && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    this.first = false;
    try {
      this.strict.decode(body, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  /** Whether the whole file was valid, including its last character. */
  finish(): boolean {
    if (!this.valid) return false;
    try {
      this.strict.decode();
    } catch {
      this.valid = false;
    }
    return this.valid;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const hadBom = hasUtf8Bom(bytes);
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', hadBom };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252', hadBom: false };
  }
}

/** Excel's "Unicode text" saves UTF-16 with a byte-order mark; the importer reads UTF-8 and Windows-1252 only. */
export function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Bytes that no text file holds: NUL, and most C0 controls. A binary file renamed .csv is refused on this. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, the euro sign). Decoded by table
// because some runtimes' TextDecoder treats the label as Latin-1 and loses exactly these characters.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
