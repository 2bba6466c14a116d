import type { Grade } from '../schemas/common.js';

/**
 * How names are written in a case's data and free text, and how their forms are found: one set of rules for the
 * redacted copy (report/redaction.ts) and the training copy (training/pseudonymise.ts).
 */

/** Words that are capitalised in probation notes but name nobody. */
export const COMMON_WORDS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun christmas easter eid diwali ramadan ' +
    'police probation prison court crown magistrates council housing health services service children childrens social care mental nhs ' +
    'jobcentre universal credit department ministry justice home office approved premises hostel team unit centre center hospital school college ' +
    'university street road lane avenue close drive way park hill north south east west central northern southern eastern western ' +
    'england wales scotland ireland britain british english welsh scottish irish uk mappa marac oasys delius ndelius tier level category ' +
    'licence license order recall breach risk building better relationships thinking skills programme program kaizen horizon resolve ' +
    'accredited sentence plan management multi agency public protection arrangements domestic abuse violence safeguarding victim liaison ' +
    'supervision senior officer trust region division sergeant constable inspector detective doctor nurse sir lady lord god allah ' +
    'muslim christian catholic covid facebook whatsapp instagram snapchat google tesco asda aldi lidl hmp hmpps gp pdu spo po pso pqip ' +
    'northtown cover routine duty manager national high medium low very green amber red'
  ).split(' '),
);

/** Names in the trail that are no one's: the app, in entries it writes itself, the command line's user it cannot name, machine accounts. */
export const NOT_PEOPLE = new Set(['foresight', 'unknown', 'root', 'user', 'system']);

export const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];

/**
 * Whether a sentence starts at a place: at the text's start, after . ! ? : or a line break, or after an opening quote,
 * bracket, dash or bullet. One rule for finding names (a sentence's first word may be any word) and for writing the
 * role words (with a capital where the name had one at a sentence's start).
 */
export function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (/\s/.test(c)) continue;
    return /[.!?:"“‘(\-•*]/.test(c);
  }
  return true;
}

/** An email address: none is kept, families need none, and one often spells a name (`james.whitfield@…`). */
export const EMAIL = /[\p{L}\p{N}._%+'’-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** A name or form as the data spells it, in one form for comparing: lower case, one space, one kind of apostrophe, one space before a bracket. */
export const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'").replace(/ ?\(/g, ' (').trim();

/** A name's words in the order they are said, without brackets, honorifics or the punctuation round them: `Whitfield, James (PO)` is James Whitfield. */
export function wordsOf(name: string): string[] {
  const bare = name.replace(/\([^)]*\)/g, ' ');
  const halves = bare.split(',');
  const said = halves.length === 2 ? `${halves[1]} ${halves[0]}` : bare;
  return said
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w && !HONORIFICS.includes(w.toLowerCase()));
}

/** A name's whole spellings other than its own: in order, surname first, and an initial with the surname (`J. Whitfield`, `JWhitfield`). */
export function spellingsOf(words: readonly string[]): { key: string; initial: boolean }[] {
  if (words.length < 2) return [];
  const last = words.at(-1)!;
  const i = words[0]![0]!;
  return [
    { key: words.join(' '), initial: false },
    { key: `${last}, ${words.slice(0, -1).join(' ')}`, initial: false },
    ...[`${i} ${last}`, `${i}. ${last}`, `${i}.${last}`, `${i}${last}`].map((key) => ({ key, initial: true })),
  ].map((s) => ({ ...s, key: normal(s.key) }));
}

const GRADE_NAMES = new Set(['po', 'pso', 'pqip', 'nqo', 'spo']);

/**
 * A name's words that are found on their own: each with a capital and two letters or more (a double-barrelled one's
 * halves too), whether or not it is also a word (`Hill`, `April`): such a part is found with a capital, and listed to
 * check where a sentence starts with it.
 */
export function partsOf(name: string): string[] {
  const words = wordsOf(name);
  if (words.length < 2) return [];
  const parts = words.flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]));
  return [...new Set(parts)].filter((w) => /^\p{Lu}/u.test(w) && w.replace(/[^\p{L}]/gu, '').length >= 2 && !GRADE_NAMES.has(w.toLowerCase()));
}

/** A team or service the records name as if it were staff (`Tiering Service`): no one's name. */
const SERVICE = /\b(?:services?|team|unit|hub|centre|center|desk|office|admin|administration|duty|court|programmes?|reception|interventions?|department|system|crs)\b/i;
export const isService = (name: string, grade: Grade | undefined) => !grade && SERVICE.test(name);

type Trie = Map<string, Trie> & { end?: true };
/** A form's pieces as patterns: any run of white space between words, either apostrophe, any space before a bracket. */
const pieces = (key: string) =>
  (key.match(/ \(|[\s\S]/gu) ?? []).map((c) => (c === ' (' ? '\\s*\\(' : c === ' ' ? '\\s+' : c === "'" ? "['’]" : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));

/** All the forms as one pattern, sharing their beginnings (`james` and `james whitfield`), the longer tried first. */
export function alternation(keys: Iterable<string>): string {
  const root: Trie = new Map();
  for (const key of keys) {
    let t = root;
    for (const p of pieces(key)) {
      let next = t.get(p);
      if (!next) t.set(p, (next = new Map()));
      t = next;
    }
    t.end = true;
  }
  const emit = (t: Trie): string => {
    const alts = [...t].map(([p, next]) => p + emit(next));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return t.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** A word as free text holds it, with any possessive; a name's words have a capital and then small letters, or are in capitals. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
export const NAME_WORD = /^(?:Mc|Mac|O'|O’|D'|D’)?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
