const HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Encode text as Windows-1252, as Excel does when a CSV is re-saved on Windows. Throws on characters it cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const high = HIGH.indexOf(ch);
    if (high === -1) throw new Error(`'${ch}' has no Windows-1252 byte`);
    return 0x80 + high;
  });
}
