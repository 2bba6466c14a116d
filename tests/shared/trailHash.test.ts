import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, rowDigest, type AuditEntry } from '../../shared/audit/trail.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the hashes the audit trail records', () => {
  // Trails already stored and bundles already sent carry these hashes: they must never change.
  it('are the ones earlier versions wrote, for the same row and entry', () => {
    const row = { z: 1, a: { y: [3, { b: 'é’😀', a: null }], x: undefined }, 'k"ey': 'line\nbreak', n: -0.5, t: true, list: [], obj: {}, B: 'upper', b: 'lower' };
    expect(canonicalJson(row)).toBe('{"B":"upper","a":{"y":[3,{"a":null,"b":"é’😀"}]},"b":"lower","k\\"ey":"line\\nbreak","list":[],"n":-0.5,"obj":{},"t":true,"z":1}');
    expect(rowDigest(row)).toBe('e6028ac1b71930e4a2e1a2c252ae8c87ce1944ea42a1346903ca353d3632727a');
    const entry = { seq: 1, at: '2026-11-23T10:00:00.000Z', who: 'Zoë', kind: 'import', what: 'x', prev: '0'.repeat(64), rows: { 'records:contact:1': 'a'.repeat(64), case: 'b'.repeat(64) } } as Omit<AuditEntry, 'hash'>;
    expect(entryHash(entry)).toBe('454bf5cc0440d558e1c80eea4985161d2728ab47837f70611e0dce2505c55cea');
  });

  it('are the SHA-256 of the canonical JSON as UTF-8, for short rows and long texts alike', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 40_000 }), (value, text) => {
        const row = { value, text };
        expect(rowDigest(row)).toBe(nodeSha256(canonicalJson(row)));
      }),
      { numRuns: 200 },
    );
  });
});
