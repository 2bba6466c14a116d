import { Unzip, UnzipInflate } from 'fflate';

export interface ZipLimits {
  /** Most bytes any one part may decompress to. */
  maxEntryBytes: number;
  /** Most bytes all parts together may decompress to. */
  maxTotalBytes: number;
}

/** An XLSX of a 100,000-row export decompresses to well under this; a zip bomb does not. */
export const XLSX_LIMITS: ZipLimits = { maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/**
 * Decompress every part of a zip while counting real (not declared) bytes, and stop at the first part past the
 * limits. Returns null when the archive is within them, or the reason it is refused.
 */
export function checkZipSize(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): string | null {
  let total = 0;
  let refusal: string | null = null;
  const unzip = new Unzip((file) => {
    let size = 0;
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) {
        refusal = 'the workbook is damaged (a part cannot be decompressed)';
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        refusal = `the workbook decompresses to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB: refused as unsafe`;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 1 << 16;
  try {
    for (let i = 0; i < bytes.length && !refusal; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch {
    return 'the workbook is damaged or not a real .xlsx file';
  }
  return refusal;
}

/** A zip (and so an XLSX) starts with the local file header signature PK\3\4. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
