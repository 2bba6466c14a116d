/**
 * Words that judge with the outcome known (REVIEW.md §2): each phrase a reviewer should not use, and what to say
 * instead. Where the list gives two spellings or forms (`should have realised / should have realized`), each is a
 * phrase of its own with the same suggestion; a dismissal names the phrase as listed here.
 */
export const OUTCOME_PHRASES: readonly { phrase: string; suggestion: string }[] = [
  ['should have known', 'say what the officer had been told or could read, and when'],
  ['should have realised / should have realized', 'say what the information available at the time showed'],
  ['should have been obvious', 'say whether, with what was known then, it was apparent'],
  ['should never have', 'say what the guidance in force then required'],
  ['it was clear that', 'the records show that'],
  ['obviously / clearly', 'leave it out and give the evidence'],
  ['failed to', 'did not'],
  ['missed the signs / missed the warning signs', 'name the information, and whether it was known at the time'],
  ['warning signs / red flags', 'name the information, and when it was known'],
  ['inevitable / inevitably', 'leave it out: the outcome was not fixed in advance'],
  ['predictable / foreseeable', 'say what risk was assessed, on what was known then'],
  ['negligent / negligence', 'describe the practice against the guidance in force'],
  ['no excuse', 'leave it out'],
].flatMap(([phrases, suggestion]) => (phrases as string).split(' / ').map((phrase) => ({ phrase, suggestion: suggestion as string })));

export interface OutcomePhraseMatch {
  phrase: string;
  /** Where the match starts, in UTF-16 code units, as JavaScript indexes the text. */
  offset: number;
  /** The words as the text has them ("Failed to"). */
  text: string;
  suggestion: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * What may stand between a phrase's words: any run of white space, so spaces, tabs and line breaks of every kind
 * (LF, CR LF, NEL, the no-break space a word processor pastes, Unicode's line and paragraph separators). A zero-width
 * space is not white space to the eye, and a byte-order mark is not text: neither separates words.
 */
const BETWEEN_WORDS = '(?:[^\\S\\uFEFF]|\\u0085)+';
/** A phrase as a pattern: any run of spaces or line breaks between its words; `’` read as `'`. */
const patternOf = (phrase: string) => phrase.split(' ').map((word) => escape(word).replace(/'/g, "['\u2019]")).join(BETWEEN_WORDS);
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** Any phrase, to find the next place one starts; which one is then decided by trying each there. */
const ANY = new RegExp(`${NOT_WORD_BEFORE}(?:${OUTCOME_PHRASES.map((p) => patternOf(p.phrase)).join('|')})${NOT_WORD_AFTER}`, 'giu');
const EACH = OUTCOME_PHRASES.map((p) => ({ ...p, at: new RegExp(`(?:${patternOf(p.phrase)})${NOT_WORD_AFTER}`, 'iuy') }));

/**
 * Every outcome phrase in a text, by position. The text is scanned from the start: at each place a phrase starts, the
 * longest phrase that matches there is taken and the scan goes on after it, so matches never overlap. Case is
 * ignored as Unicode case folding ignores it (on the text as written, so offsets stay true), and a phrase's words must
 * be whole words (no letter or digit, in any script, just before or after).
 */
export function outcomeLanguage(text: string): OutcomePhraseMatch[] {
  const found: OutcomePhraseMatch[] = [];
  ANY.lastIndex = 0;
  for (let m = ANY.exec(text); m; m = ANY.exec(text)) {
    let best: { phrase: string; suggestion: string; length: number } | null = null;
    for (const p of EACH) {
      p.at.lastIndex = m.index;
      const here = p.at.exec(text);
      if (here && (!best || here[0].length > best.length)) best = { phrase: p.phrase, suggestion: p.suggestion, length: here[0].length };
    }
    // ANY matched here, so one phrase does; the longest is taken and the scan resumes after it.
    const chosen = best as { phrase: string; suggestion: string; length: number };
    found.push({ phrase: chosen.phrase, offset: m.index, text: text.slice(m.index, m.index + chosen.length), suggestion: chosen.suggestion });
    ANY.lastIndex = m.index + chosen.length;
  }
  return found;
}
