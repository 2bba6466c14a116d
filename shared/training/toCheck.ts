import { NAME_WORD, normal, startsSentence, WORD } from '../domain/nameForms.js';

/** A word that looks like a name and was not replaced, with every place it occurs (`contact:12 notes`). */
export interface ToCheck {
  word: string;
  where: string[];
}

export interface ToCheckWords {
  /** The copy's own replacements: made up, so no one's. */
  known: ReadonlySet<string>;
  /** Words the trainer said are no names. */
  confirmed: readonly string[];
  /** Ordinary and probation words, and the case's own proper names that are no one's (agencies, contact types). */
  proper: ReadonlySet<string>;
}

/** Words of probation practice written with capitals in notes that COMMON_WORDS (domain/nameForms.ts) lacks. */
const PRACTICE_WORDS = new Set('casework section assessment intervention intelligence referral conditions condition notice warning approved premises'.split(' '));
/** A field's label (`Allocation Reason:`, `Tier Change Date:`): the rest of a run of capitalised words, then a colon. */
const LABEL_AFTER = /^(?:[ \t]+\p{Lu}[\p{L}'’-]*)*[ \t]*:/u;

const possessiveless = (w: string) => w.replace(/['’]s$/iu, '');

/**
 * The words still to check (REVIEW.md §4): capitalised, not the first word of a sentence, not a known word of English
 * or of probation practice (a common word, or one the case itself writes in small letters somewhere), and not
 * confirmed by the trainer. `texts` are the copy's texts with their places; `originals` the case's own texts, whose
 * words in small letters are its vocabulary.
 */
export function stillToCheck(texts: ReadonlyMap<string, readonly string[]>, originals: Iterable<string>, words: ToCheckWords): ToCheck[] {
  const vocabulary = new Set<string>();
  const learn = (t: string) => {
    for (const m of t.matchAll(WORD)) {
      const w = possessiveless(m[0]);
      if (w === w.toLowerCase()) vocabulary.add(w);
    }
  };
  for (const t of originals) learn(t);
  for (const t of texts.keys()) learn(t);
  const confirmed = new Set(words.confirmed.map(normal));
  const found = new Map<string, Set<string>>();
  for (const [text, places] of texts) {
    for (const m of text.matchAll(WORD)) {
      const word = possessiveless(m[0]);
      const key = word.toLowerCase();
      if (!NAME_WORD.test(word) || vocabulary.has(key) || words.known.has(key) || words.proper.has(key) || confirmed.has(normal(word))) continue;
      if (PRACTICE_WORDS.has(key) || startsSentence(text, m.index) || LABEL_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
      const at = found.get(word) ?? new Set();
      for (const p of places) at.add(p);
      found.set(word, at);
    }
  }
  return [...found].map(([word, at]) => ({ word, where: [...at] })).sort((a, b) => a.word.localeCompare(b.word));
}
