/**
 * A quick, deliberately cautious estimate of how hard a passphrase is to guess, for the strength guide (zxcvbn is
 * 800 kB: too much for a hint). It credits only what an attacker's tools do not try first: repeated or sequential
 * characters count for nothing, common words for a word each, and the most used passwords (with the usual letter-for-digit
 * swaps and digits added at the end) for almost nothing.
 */
export type StrengthLevel = 'weak' | 'fair' | 'strong';
export interface Strength {
  level: StrengthLevel;
  /** Estimated guessing entropy, in bits. */
  bits: number;
}

const COMMON = new Set([
  'password', 'qwerty', 'qwertyuiop', 'letmein', 'welcome', 'admin', 'administrator', 'iloveyou', 'monkey', 'dragon',
  'football', 'baseball', 'sunshine', 'princess', 'trustno', 'changeme', 'secret', 'master', 'shadow', 'superman',
  'batman', 'starwars', 'whatever', 'computer', 'internet', 'login', 'passphrase', 'foresight', 'probation', 'london',
  'summer', 'winter', 'spring', 'autumn', 'january', 'february', 'september', 'october', 'november', 'december',
  'abc', 'abcdef', 'asdfgh', 'zxcvbn', 'correcthorsebatterystaple',
]);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };
/** Bits a word of an ordinary vocabulary is worth: EFF's long list is 7,776 words. */
const WORD_BITS = Math.log2(7_776);

/** Characters that add surprise: neither a repeat of the one before nor the next or last in a run (abc, 321). */
function surprisingLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const d = i > 0 ? s.charCodeAt(i) - s.charCodeAt(i - 1) : NaN;
    if (!(d === 0 || d === 1 || d === -1)) count++;
  }
  return count;
}

function poolSize(s: string): number {
  return (/[a-z]/.test(s) ? 26 : 0) + (/[A-Z]/.test(s) ? 26 : 0) + (/[0-9]/.test(s) ? 10 : 0) + (/[^a-zA-Z0-9]/.test(s) ? 33 : 0);
}

/** A common password once swaps are undone and digits or symbols at the end are dropped. */
function isCommon(s: string): boolean {
  const plain = s
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '')
    .replace(/[0-9!@#$%^&*?]+$/, '')
    .replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
  return plain.length === 0 || COMMON.has(plain);
}

export function passphraseStrength(passphrase: string): Strength {
  const s = passphrase.normalize('NFC');
  if (s.length === 0) return { level: 'weak', bits: 0 };
  let bits = surprisingLength(s) * Math.log2(Math.max(poolSize(s), 1));
  // Plain words are guessed a word at a time, whatever their length.
  const parts = s.split(/[\s\-_.,]+/).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => /^[a-zA-Z]+$/.test(p))) bits = Math.min(bits, parts.length * WORD_BITS);
  if (isCommon(s)) bits = Math.min(bits, 10);
  bits = Math.round(bits);
  return { level: bits < 45 ? 'weak' : bits < 60 ? 'fair' : 'strong', bits };
}

/** A passphrase of `count` words drawn uniformly at random from EFF's long list (about 64 bits for 5 words). */
export async function suggestPassphrase(count = 5, random: (n: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer> = (n) => crypto.getRandomValues(n)): Promise<string> {
  const words = (await import('./effWordlist.js')).EFF_LONG_WORDLIST.split(' ');
  // Rejection sampling: a plain remainder would favour the first words of the list.
  const limit = Math.floor(2 ** 32 / words.length) * words.length;
  const chosen: string[] = [];
  const draw = new Uint32Array(1);
  while (chosen.length < count) {
    const value = random(draw)[0] as number;
    if (value < limit) chosen.push(words[value % words.length] as string);
  }
  return chosen.join(' ');
}
