import { describe, expect, it } from 'vitest';
import { passphraseStrength, suggestPassphrase } from '../../renderer/src/features/unlock/passphraseStrength.js';
import { EFF_LONG_WORDLIST } from '../../renderer/src/features/unlock/effWordlist.js';

describe('the passphrase strength guide', () => {
  it.each([
    ['', 'weak'],
    ['password12', 'weak'],
    ['P@ssw0rd2024!', 'weak'],
    ['Summer2024', 'weak'],
    ['aaaaaaaaaaaaaaaa', 'weak'],
    ['abcdefghijklmnop', 'weak'],
    ['1234567890', 'weak'],
    ['correct horse battery staple', 'weak'],
    ['purple tractor lagoon', 'weak'],
    ['purple tractor lagoon whistle', 'fair'],
    ['purple tractor lagoon whistle banjo', 'strong'],
    ['Tr4vel-lamp-orbit!9', 'strong'],
  ] as const)('%j is %s', (passphrase, level) => {
    expect(passphraseStrength(passphrase).level).toBe(level);
  });

  it('credits plain words a word at a time, not a letter at a time', () => {
    expect(passphraseStrength('extraordinarily magnificent').bits).toBeLessThan(30);
  });
});

describe('a suggested passphrase', () => {
  const words = new Set(EFF_LONG_WORDLIST.split(' '));

  it('is five words of EFF’s long list of 7,776, and rated strong', async () => {
    expect(words.size).toBe(7_776);
    const suggested = await suggestPassphrase();
    const parts = suggested.split(' ');
    expect(parts).toHaveLength(5);
    for (const w of parts) expect(words.has(w)).toBe(true);
    expect(passphraseStrength(suggested).level).toBe('strong');
    expect(await suggestPassphrase()).not.toBe(suggested);
  });

  it('draws every word with the same chance: values past the last whole run of the list are drawn again', async () => {
    const values = [0xffffffff, 7_775, 0, 7_776, 7_777];
    const next = (n: Uint32Array<ArrayBuffer>) => {
      n[0] = values.shift() ?? 0;
      return n;
    };
    const list = EFF_LONG_WORDLIST.split(' ');
    expect(await suggestPassphrase(4, next)).toBe([list[7_775], list[0], list[0], list[1]].join(' '));
  });
});
