import { verifyTrail } from '../../../../shared/audit/trail.js';
import { bundleRows } from '../../../../shared/bundle/bundleRows.js';
import { caseFileSizeRefusal, readCaseFileJson } from '../../../../shared/bundle/caseFile.js';
import { decryptBundle, looksEncrypted } from '../../../../shared/bundle/encryption.js';
import { verifyBundle } from '../../../../shared/bundle/verifyBundle.js';
import type { CaseBundle } from '../../../../shared/schemas/index.js';
import { CaseFileProblem } from './protocol.js';

const HEAD_BYTES = 64;

/**
 * Decrypt a case file and read every case in it, refusing any whose trail is broken; each refusal says which field it
 * is about. Its size is asked first: a file over the cap is refused before it is read whole.
 */
export async function readCaseFile(file: Blob, passphrase: string): Promise<CaseBundle[]> {
  if (file.size === 0) throw new CaseFileProblem('The selected file is empty', 'file');
  if (!looksEncrypted(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()))) throw new CaseFileProblem('The selected file is not a Foresight case file', 'file');
  const tooLarge = caseFileSizeRefusal(file.size);
  if (tooLarge) throw new CaseFileProblem(`The case file cannot be opened: ${tooLarge}. Nothing has been stored.`, 'file');
  const decrypted = await decryptBundle(new Uint8Array(await file.arrayBuffer()), passphrase);
  if (!decrypted.ok) throw new CaseFileProblem(`The case file cannot be opened: ${decrypted.message}. Nothing has been stored.`, decrypted.about);
  const read = readCaseFileJson(decrypted.json);
  if (!read.ok) throw new CaseFileProblem(`The case file cannot be opened: ${read.message}. Nothing has been stored.`, 'file');
  return read.cases.map(({ bundle, trail: kind }) => {
    // Every entry's hash, link and signature, and every row. (A version 1 file predates trails: it has none to check.)
    const trail = kind === 'none' ? verifyTrail(bundle.audit, bundleRows(bundle)) : verifyBundle(bundle);
    if (!trail.ok) throw new CaseFileProblem(`The case file's audit trail is broken (${trail.reason}): it has been changed since it was sent. Nothing has been stored.`, 'file');
    return bundle;
  });
}
