import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';

describe('hostile bundles', () => {
  it('never throw: any JSON, or any text, is read or refused with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ schemaVersion: 2, case: v }))), (text) => {
        const read = readCaseBundle(text);
        if (!read.ok) expect(read.message).toMatch(/\S/);
      }),
      { numRuns: 500, interruptAfterTimeLimit: 10_000 },
    );
  });

  it('cannot pollute prototypes through __proto__ or constructor keys', () => {
    const text = '{"schemaVersion":2,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"case":{"__proto__":{"polluted":true}}}';
    const read = readCaseBundle(text);
    expect(read.ok).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses deeply nested JSON with a reason, not a crash', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const started = Date.now();
    const read = readCaseBundle(deep);
    expect(read.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
