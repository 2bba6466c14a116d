import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fingerprintForPeople, fingerprintOf, publicKeyOf, signerOf } from '../../shared/audit/signatures.js';
import { appendEntry, canonicalJson, rowDigest, verifyTrail } from '../../shared/audit/trail.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/trail-format.md'), 'utf8');
const blocks = [...doc.matchAll(/```(?:text|json)\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());

/** The worked example of docs/trail-format.md, worked again: the page and the code must agree on every value. */
describe('the trail format, as the docs set it out', () => {
  const secretKey = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
  const key = { name: 'A. Reviewer', publicKey: publicKeyOf(secretKey), secretKey };
  const row = { id: 'contact:1', kind: 'contact', notes: 'Seen in the office.' };
  const [entry] = appendEntry([], { at: '2026-12-01T09:00:00.000Z', who: 'A. Reviewer', kind: 'import', what: 'Case built from 1 file', rows: { 'records:contact:1': rowDigest(row) } }, signerOf(key));
  if (!entry) throw new Error('no entry');

  it('gives the key, its fingerprint, the row and its hash the page shows', () => {
    expect(blocks[0]).toBe([`secret key   ${secretKey}`, `public key   ${key.publicKey}`, `fingerprint  ${fingerprintForPeople(fingerprintOf(key.publicKey))}`].join('\n'));
    expect(blocks[1]).toBe(`${canonicalJson(row)}\n${rowDigest(row)}`);
  });

  it('gives the entry the page shows, hash and signature included, and it checks out', () => {
    expect(JSON.parse(blocks[2] as string)).toEqual(entry);
    const { hash: _, signature: __, ...hashed } = entry;
    expect(blocks[3]).toBe(canonicalJson(hashed));
    expect(createHash('sha256').update(blocks[3] as string).digest('hex')).toBe(entry.hash);
    expect(ed25519.verify(hexToBytes(entry.signature as string), hexToBytes(entry.hash), hexToBytes(key.publicKey))).toBe(true);
    expect(verifyTrail([entry], new Map([['records:contact:1', row]]))).toEqual({ ok: true, entries: 1, rows: 1 });
  });
});
