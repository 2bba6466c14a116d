import type { Signer } from '../audit/fingerprints.js';
import type { AuditEntry } from '../audit/trail.js';
import type { CaseData } from '../engine/caseIndex.js';
import type { Case } from '../schemas/case.js';
import type { Grade } from '../schemas/common.js';
import type { Review } from '../schemas/review.js';
import type { ReportDocument } from './document.js';
import { alternation, COMMON_WORDS, EMAIL, HONORIFICS, isService, NAME_WORD, normal, NOT_PEOPLE, partsOf, spellingsOf, startsSentence, WORD, wordsOf } from '../domain/nameForms.js';

/**
 * The redacted copy for victims and families (issue 15): staff and third parties named by their role, the CRN, staff
 * codes and email addresses removed. A plan lists every replacement, found in the case's own data, and the person sees
 * it and changes it before anything is written; the document is then redacted as one tree, so every format says the
 * same. A staff name reaching a family is a breach: where the tool is unsure, it replaces and lists the place to check.
 */

/**
 * What a replacement stands for: a staff member's name, a staff code, the CRN, someone else named in the notes, or the
 * person on probation (not redacted unless asked: families know who did it).
 */
export type RedactionKind = 'staffName' | 'staffCode' | 'crn' | 'thirdParty' | 'subject';

export interface Replacement {
  kind: RedactionKind;
  /** What is found: a full name (its parts are found too), a code, the CRN. */
  original: string;
  /** The words it becomes. */
  replacement: string;
  /** Whom it is, for the preview: `Staff N07P214, PO`. */
  who: string;
  /** Applied. */
  on: boolean;
  /** How many places in the document it touches (countPlaces). */
  places: number;
  /** A staff member's grade and code: `James Whitfield (PO)` and `James Whitfield (N07P214)` are one replacement. */
  grade?: Grade;
  code?: string;
  /** To check: a third party found only by being named more than once, or a name's part that is a word too (partOf). */
  toCheck?: boolean;
  /**
   * For a part of a name that is an ordinary word too (`Hill` of April Hill): the name. The row stands for the places a
   * sentence starts with the part, where it may be the word; off, those are left. Elsewhere the name's own row decides.
   */
  partOf?: string;
  /** For a row to check: a few of the places it touches, as the document has them (countPlaces). */
  examples?: string[];
}

export interface RedactionPlan {
  replacements: readonly Replacement[];
}

/** The roles a third party can be given, from the closest to the most general. */
export const THIRD_PARTY_ROLES = ['a family member', 'a partner or former partner', 'a neighbour', 'a member of the public', 'a professional', 'a third party'] as const;
export type ThirdPartyRole = (typeof THIRD_PARTY_ROLES)[number];

export const CRN_REMOVED = '[CRN removed]';
export const EMAIL_REMOVED = '[email removed]';
export const SUBJECT_ROLE = 'the person on probation';
/** Words for a name part two people share, when the data cannot tell whose it is. */
const NAME_REMOVED = '[name removed]';

/** The preview's words for each kind. */
export const REDACTION_KIND_NAMES: Record<RedactionKind, string> = {
  staffName: 'Staff',
  staffCode: 'Codes and CRN',
  crn: 'Codes and CRN',
  thirdParty: 'Third parties',
  subject: 'The person on probation',
};

export type RedactionSource = Pick<CaseData, 'records' | 'staff' | 'allocations' | 'workload'> & {
  case: Pick<Case, 'crn'> & Partial<Pick<Case, 'subject'>>;
  /** The trail: the document prints who made its newest entry, and what that entry says. */
  audit: readonly Pick<AuditEntry, 'who' | 'what'>[];
  /** Who signed the trail: the document lists them. */
  signers?: readonly Pick<Signer, 'name'>[];
};

// ---------------------------------------------------------------------------------------------------------------
// Words that are capitalised in probation notes but name nobody (COMMON_WORDS, in domain/nameForms.ts), and cues.

/** Months, as the document writes dates (`3 May 2023`): a name's part that is one is no name beside a number. */
const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));


/** Words that say who a name that follows them is, and the role they give. */
const CUES: readonly { words: readonly string[]; role: ThirdPartyRole }[] = [
  { role: 'a family member', words: ['mother', 'mum', 'mom', 'father', 'dad', 'sister', 'brother', 'son', 'daughter', 'aunt', 'auntie', 'uncle', 'cousin', 'niece', 'nephew', 'grandmother', 'grandfather', 'gran', 'nan', 'nana', 'grandad', 'grandson', 'granddaughter', 'stepfather', 'stepmother', 'stepdad', 'stepmum', 'stepson', 'stepdaughter', 'sibling', 'parent', 'child', 'carer'] },
  { role: 'a partner or former partner', words: ['partner', 'ex-partner', 'girlfriend', 'ex-girlfriend', 'boyfriend', 'ex-boyfriend', 'wife', 'ex-wife', 'husband', 'ex-husband', 'ex', 'fiancée', 'fiancee', 'fiancé', 'fiance', 'spouse', 'relationship with'] },
  { role: 'a neighbour', words: ['neighbour', 'neighbor'] },
  { role: 'a professional', words: ['dr', 'gp', 'doctor', 'nurse', 'teacher', 'headteacher', 'solicitor', 'social worker', 'key worker', 'keyworker', 'support worker', 'pc', 'dc', 'ds', 'sergeant', 'constable', 'inspector', 'counsellor', 'therapist'] },
  { role: 'a third party', words: ['mr', 'mrs', 'ms', 'miss', 'mx', 'called', 'named', 'friend', 'witness', 'associate', 'victim'] },
];
/** Cues written with a full stop, `Mr.` or `Dr.`: any other full stop ends the sentence, and what follows is no one's name. */
const ABBREVIATED = [...HONORIFICS, 'pc', 'dc', 'ds'];
const CUE_ROLE = new Map(CUES.flatMap(({ words, role }) => words.map((w) => [w, role] as const)));
/** A cue just before a name, allowing a comma, colon or bracket: `his sister, Amy`, `Mr Smith`, `Mother (Joan)`, `relationship with Zoë`. */
const CUE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:(${[...CUE_ROLE.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/\s/g, '\\s+')).join('|')})(?:[,:]?\\s+|\\s*\\()|(${ABBREVIATED.join('|')})\\.\\s+)$`,
  'iu',
);
/** The last word of every cue: the word before a name is looked up here before the whole pattern is tried. */
const CUE_ENDS = new Set([...CUE_ROLE.keys(), ...ABBREVIATED].map((w) => w.split(/\s+/).at(-1)!));
const LETTER = /[\p{L}\p{M}]/u;

/** The cue before a place, if there is one. */
function cueBefore(text: string, at: number): RegExpExecArray | null {
  // The word before, past a space, comma, colon, full stop or bracket: most words have none, and the pattern is slow.
  let end = at - 1;
  while (end >= 0 && at - end <= 4 && !LETTER.test(text[end]!)) end--;
  let start = end;
  while (start >= 0 && (LETTER.test(text[start]!) || text[start] === '-')) start--;
  if (!CUE_ENDS.has(text.slice(start + 1, end + 1).toLowerCase())) return null;
  return CUE_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
}
const roleOfCue = (cue: RegExpExecArray) => CUE_ROLE.get((cue[1] ?? cue[2]!).toLowerCase().replace(/\s+/g, ' ')) ?? null;


const withoutEmails = (text: string, instead = EMAIL_REMOVED) => (text.includes('@') ? text.replace(EMAIL, instead) : text);

// ---------------------------------------------------------------------------------------------------------------
// Names: their words, other spellings, and the parts found on their own.



/** One person's name however the data writes it, for comparing: `Whitfield, James` and `James  Whitfield` are one. */
const nameKey = (name: string) => normal(wordsOf(name).join(' '));




// ---------------------------------------------------------------------------------------------------------------
// Staff: who held the case, who covered it, everyone else by grade.

const GRADE_WORDS: Record<Grade, string> = {
  PO: 'probation officer',
  PSO: 'probation services officer',
  PQiP: 'trainee probation officer',
  NQO: 'newly qualified officer',
  SPO: 'senior probation officer',
  Other: 'member of staff',
};
/** Words for someone the document names as staff whom no staff list holds. */
const UNLISTED = 'another member of staff';
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (i: number) => {
  const n = i + 1;
  return ORDINALS[i] ?? `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
};
const gradeSuffix = (grade: Grade | undefined) => (grade && grade !== 'Other' ? ` (${grade})` : '');


interface Person {
  code: string | null;
  grade: Grade | undefined;
  names: string[];
}

/** What the plan is found from, in one pass over the records (there may be 100,000). */
interface Survey {
  /** Each staff code's names (every spelling the data has) and grade. */
  people: Map<string, Person>;
  /** When each code first appears on the case. */
  firstSeen: Map<string, string>;
  /** Who wrote contacts, as the data names them. */
  writers: Set<string>;
  /** The case's proper names that are no one's: agencies, teams, contact types. */
  proper: Set<string>;
  /** Each distinct free text (notes, summaries, the review's words, the trail's newest entry), with how often it occurs. */
  texts: Map<string, number>;
}

function survey(data: RedactionSource, review: Review | null): Survey {
  const people = new Map<string, Person>();
  const firstSeen = new Map<string, string>();
  const writers = new Set<string>();
  const proper = new Set<string>();
  const texts = new Map<string, number>();
  // Most records repeat a spelling already met: checked as written before anything is compared.
  const met = new Set<string>();
  const add = (code: string, name: string | undefined, grade: Grade | undefined) => {
    let p = people.get(code);
    if (!p) people.set(code, (p = { code, grade: undefined, names: [] }));
    p.grade ??= grade;
    const n = name?.trim();
    if (!n || met.has(`${code}\n${n}`)) return;
    met.add(`${code}\n${n}`);
    if (!p.names.some((x) => normal(x) === normal(n))) p.names.push(n);
  };
  const seen = (code: string, when: string) => {
    const was = firstSeen.get(code);
    if (was === undefined || when < was) firstSeen.set(code, when);
  };
  const text = (t: string | undefined) => t && texts.set(t, (texts.get(t) ?? 0) + 1);
  for (const s of data.staff) add(s.code, s.name, s.grade);
  for (const a of data.allocations) {
    add(a.staffCode, a.staffName, a.grade);
    seen(a.staffCode, a.from.value);
  }
  for (const r of data.records) {
    proper.add(r.sourceAgency);
    text(r.summary);
    if (r.notes !== r.summary) text(r.notes);
    if (r.kind === 'contact') {
      add(r.staffCode, r.staffName, r.staffGrade);
      seen(r.staffCode, r.occurred.value);
      if (r.createdBy) writers.add(r.createdBy.trim());
      for (const d of [r.typeDescription, r.outcomeDescription, r.enforcementDescription]) if (d) proper.add(d);
    } else if (r.knownToStaffCode) add(r.knownToStaffCode, undefined, undefined);
  }
  for (const w of data.workload) {
    add(w.staffCode, w.omName, w.grade);
    if (w.teamName) proper.add(w.teamName);
  }
  for (const t of reviewTexts(review)) text(t);
  text(data.audit.at(-1)?.what);
  return { people, firstSeen, writers, proper, texts };
}

/**
 * Everyone the document names as a person who is in no staff list and is not the reviewer (the document's author):
 * who wrote records, dismissed a flag, answered a finding, made or signed the trail. Each with what they did. A name
 * that is another spelling of one listed person's (`jwhitfield`, `Whitfield, J.`) is added to theirs instead.
 */
function unlistedPeople(data: RedactionSource, review: Review | null, { people, writers }: Survey): Map<Person, string[]> {
  const known = new Set([...people.values()].flatMap((p) => p.names.map(nameKey)));
  const codes = new Set([...people.keys()].map(normal));
  const spelt = new Map<string, Set<Person>>();
  const spells = (p: Person, n: string) => spellingsOf(wordsOf(n)).forEach(({ key }) => spelt.set(key, (spelt.get(key) ?? new Set()).add(p)));
  for (const p of people.values()) for (const n of p.names) spells(p, n);
  const reviewer = nameKey(review?.reviewer ?? '');
  const found = new Map<string, { person: Person; did: string[] }>();
  const meet = (name: string, did: string) => {
    const n = name.trim();
    const key = nameKey(n);
    if (!key || key === reviewer || known.has(key) || codes.has(normal(n)) || NOT_PEOPLE.has(key) || isService(n, undefined)) return;
    const owners = spelt.get(normal(n)) ?? spelt.get(key);
    if (owners?.size === 1) {
      const [owner] = owners;
      owner!.names.push(n);
      known.add(key);
      const f = [...found.values()].find((x) => x.person === owner);
      if (f && !f.did.includes(did)) f.did.push(did);
      return;
    }
    let f = found.get(key);
    if (!f) {
      found.set(key, (f = { person: { code: null, grade: undefined, names: [n] }, did: [] }));
      spells(f.person, n);
    }
    if (!f.did.includes(did)) f.did.push(did);
  };
  for (const w of writers) meet(w, 'wrote records');
  for (const f of review?.findings ?? []) for (const d of f.dismissed) meet(d.by, 'dismissed a hindsight flag');
  for (const r of review?.responses ?? []) meet(r.by, 'answered a finding');
  for (const e of data.audit) meet(e.who, 'made entries in the audit trail');
  for (const s of data.signers ?? []) meet(s.name, 'signed the audit trail');
  return new Map([...found.values()].map((f) => [f.person, f.did]));
}

/** Role words for every person, distinct: holders in the order they held the case, cover likewise, others by grade, then those no staff list holds. */
function staffRoles(data: RedactionSource, people: Map<string, Person>, firstSeen: Map<string, string>, unlisted: Iterable<Person>): Map<Person, string> {
  const roles = new Map<Person, string>();
  const byFrom = [...data.allocations].sort((a, b) => a.from.value.localeCompare(b.from.value));
  const holders = [...new Set(byFrom.filter((a) => !a.cover).map((a) => a.staffCode))];
  const covers = [...new Set(byFrom.filter((a) => a.cover).map((a) => a.staffCode))].filter((c) => !holders.includes(c));
  const gradeOf = (code: string) => byFrom.find((a) => a.staffCode === code && a.grade)?.grade ?? people.get(code)?.grade;
  const name = (codes: string[], what: string) =>
    codes.forEach((code, i) => roles.set(people.get(code)!, `the ${codes.length > 1 ? `${ordinal(i)} ` : ''}${what}${gradeSuffix(gradeOf(code))}`));
  name(holders, 'supervising officer');
  name(covers, 'cover officer');

  const heldGrades = new Set([...holders, ...covers].map(gradeOf));
  const others = [...people.values()].filter((p) => !roles.has(p) && !(p.names.length && p.names.every((n) => isService(n, p.grade))));
  others.sort((a, b) => (firstSeen.get(a.code!) ?? '\uffff').localeCompare(firstSeen.get(b.code!) ?? '\uffff') || a.code!.localeCompare(b.code!));
  const groups = new Map<string, Person[]>();
  const words = (grade: Grade | undefined) => {
    if (!grade || grade === 'Other') return 'a member of staff';
    const g = GRADE_WORDS[grade];
    return `${heldGrades.has(grade) ? 'another' : /^[aeiou]/.test(g) ? 'an' : 'a'} ${g} (${grade})`;
  };
  const join = (w: string, p: Person) => groups.set(w, [...(groups.get(w) ?? []), p]);
  for (const p of others) join(words(p.grade), p);
  for (const p of unlisted) join(UNLISTED, p);
  for (const [w, group] of groups) group.forEach((p, i) => roles.set(p, group.length > 1 ? `${w} ${i + 1}` : w));
  return roles;
}

function staffReplacements(data: RedactionSource, review: Review | null, found: Survey): Replacement[] {
  const unlisted = unlistedPeople(data, review, found);
  const roles = staffRoles(data, found.people, found.firstSeen, unlisted.keys());
  const out: Replacement[] = [];
  for (const [p, role] of roles) {
    const did = unlisted.get(p);
    const who = p.code ? `Staff ${p.code}${p.grade ? `, ${p.grade}` : ''}` : `Not in the staff list: ${did?.join(', ') ?? 'named as staff'}`;
    const grade = p.grade ? { grade: p.grade } : {};
    for (const n of p.names) out.push({ kind: 'staffName', original: n, replacement: role, who, on: true, places: 0, ...grade, ...(p.code ? { code: p.code } : {}) });
    if (p.code) out.push({ kind: 'staffCode', original: p.code, replacement: role, who, on: true, places: 0, ...grade });
  }
  // A service's code says which service, so it becomes the service's name.
  for (const p of found.people.values()) {
    if (!roles.has(p) && p.code) out.push({ kind: 'staffCode', original: p.code, replacement: p.names[0] ?? 'a service', who: `Service ${p.code}`, on: true, places: 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Third parties: names in the free text that are not staff.

/** A word in capitals (WORD and NAME_WORD, the other words of a name, are in domain/nameForms.ts). */
const CAPITALS_WORD = /^\p{Lu}+(?:['’-]\p{Lu}+)*$/u;
const possessiveless = (w: string) => w.replace(/['’]s$/iu, '');

interface Candidate {
  name: string;
  count: number;
  role: ThirdPartyRole | null;
  /** A name seen too seldom to be found on its own, found as it shares a word with one that is: that word and that name. */
  shares?: { word: string; with: string };
}

/** The review's own words, where a reviewer may name someone. */
function reviewTexts(review: Review | null): string[] {
  if (!review) return [];
  return [
    review.termsOfReference,
    ...review.policies.flatMap((p) => [p.name, p.requires ?? '']),
    ...review.factors.flatMap((f) => [f.text, f.pattern ?? '']),
    ...review.episodes.flatMap((e) => [e.title, e.whatHappened]),
    ...review.annotations.flatMap((a) => [a.shouldHaveHappened ?? '', a.dataGaps ?? '', a.notablePractice ?? '', a.problems ?? '']),
    ...review.findings.flatMap((f) => [f.text, f.noActionReason ?? '', ...f.dismissed.map((d) => d.reason)]),
    review.judgement?.rationale ?? '',
    ...review.actions.flatMap((a) => [a.action, a.owner, a.measure]),
    ...review.responses.map((r) => r.text),
  ];
}

/** Capitalised words in a row, as one text holds them: whether a cue came before, and whether a sentence starts with them. */
interface NameRun {
  words: string[];
  times: number;
  role: ThirdPartyRole | null;
  initial: boolean;
  /** In capitals (`DANNY SMITH`): a heading as often as a name. */
  capitals: boolean;
  /** Started by an ordinary word after a cue (`partner, April Jones`): a name only with a name in it. */
  ordinaryStart: boolean;
}

function nameRuns(raw: string, times: number, notNames: ReadonlySet<string>, vocabulary: Set<string>, into: NameRun[]) {
  // An email address's words are no names and no vocabulary: `james.whitfield@…` would make the name a word.
  const text = withoutEmails(raw, ' ');
  type Run = { words: string[]; start: number; end: number; ended: boolean; capitals: boolean; cue: RegExpExecArray | null };
  let run: Run | null = null;
  const close = () => {
    if (!run) return;
    // A field's label, `Allocation Reason:`, names no one.
    if (/^[ \t]*:/.test(text.slice(run.end, run.end + 3))) return void (run = null);
    const cue = run.cue ?? cueBefore(text, run.start);
    into.push({ words: run.words, times, role: cue ? roleOfCue(cue) : null, initial: !cue && startsSentence(text, run.start), capitals: run.capitals, ordinaryStart: run.cue !== null });
    run = null;
  };
  for (const m of text.matchAll(WORD)) {
    const word = possessiveless(m[0]);
    if (word === word.toLowerCase()) vocabulary.add(word);
    const key = normal(word);
    const plain = NAME_WORD.test(word) && !notNames.has(key);
    const capitals = !plain && word.length >= 2 && CAPITALS_WORD.test(word) && !notNames.has(key);
    if ((run?.capitals ? capitals : plain) && run && !run.ended && /^[ \t]+$/.test(text.slice(run.end, m.index))) run.words.push(word);
    else {
      close();
      if (plain || capitals) run = { words: [word], start: m.index, end: 0, ended: false, capitals, cue: null };
      else if (NAME_WORD.test(word) && COMMON_WORDS.has(key)) {
        // After a cue an ordinary word may start a name: `his partner, April Jones`.
        const cue = cueBefore(text, m.index);
        if (cue) run = { words: [word], start: m.index, end: 0, ended: false, capitals: false, cue };
      }
    }
    if (run) {
      run.end = m.index + m[0].length;
      // A possessive ends a name: `Zoë's Mum` is two things.
      run.ended = word !== m[0];
    }
  }
  close();
}

/** A run's pieces between the words the case also writes in small letters, each with whether it starts the run. */
function* piecesOf(words: readonly string[], vocabulary: ReadonlySet<string>): Generator<{ piece: string[]; first: boolean }> {
  let piece: string[] = [];
  let first = true;
  for (const w of [...words, '']) {
    if (w && !vocabulary.has(w.toLowerCase())) {
      piece.push(w);
      continue;
    }
    if (piece.length) yield { piece, first };
    piece = [];
    first = false;
  }
}

function thirdPartyCandidates(texts: ReadonlyMap<string, number>, notNames: ReadonlySet<string>): { candidates: Candidate[]; vocabulary: Set<string> } {
  // The case's own vocabulary: any word it writes in small letters somewhere is a word, not a name.
  const vocabulary = new Set<string>();
  const runs: NameRun[] = [];
  for (const [text, times] of texts) nameRuns(text, times, notNames, vocabulary, runs);

  const found = new Map<string, Candidate>();
  // Runs that are not names by themselves (in capitals, or starting a sentence), kept in case they share a word with one.
  const strays = new Map<string, Candidate>();
  const note = (words: string[], times: number, role: ThirdPartyRole | null, into = found) => {
    if (words.length === 1 && vocabulary.has(words[0]!.toLowerCase())) return;
    const name = words.join(' ');
    const c = into.get(normal(name)) ?? { name, count: 0, role: null };
    c.count += times;
    c.role ??= role;
    into.set(normal(name), c);
  };
  for (const r of runs) {
    // A sentence's first word may be any word: it is kept apart, and counts for nothing on its own.
    const split = r.initial && !r.capitals;
    if (split) {
      note([r.words[0]!], 0, null);
      for (const { piece } of piecesOf(r.words, vocabulary)) if (piece.length > 1) note(piece, r.times, null, strays);
    }
    // A word of the vocabulary splits a run, and only the first piece follows the cue.
    for (const { piece, first } of piecesOf(split ? r.words.slice(1) : r.words, vocabulary)) {
      const role = first && !split ? r.role : null;
      // An ordinary word starts a name after a cue only with a name in the run: `April Jones`, not `April`.
      if (r.ordinaryStart && first && piece.every((w) => COMMON_WORDS.has(normal(w)))) continue;
      note(piece, r.times, role, r.capitals && role === null ? strays : found);
    }
  }
  // A single word that is part of a fuller name found elsewhere is that person: `Kowalska` in `Zoë Kowalska`.
  const full = [...found.values()].filter((c) => c.name.includes(' ')).sort((a, b) => b.count - a.count);
  for (const [key, c] of found) {
    if (c.name.includes(' ')) continue;
    const whole = full.find((f) => f.name.split(' ').some((w) => normal(w) === key));
    if (!whole) continue;
    whole.count += c.count;
    whole.role ??= c.role;
    found.delete(key);
  }
  const kept = [...found.values()].filter((c) => c.role !== null || c.count >= 2);
  // A fuller name that shares a word with one found is someone too, of that name's standing: `DANNY SMITH` beside `Tom Smith`.
  const byWord = new Map(kept.flatMap((c) => c.name.split(' ').map((w) => [normal(w), c] as const)));
  const keys = new Set(kept.map((c) => normal(c.name)));
  for (const c of [...found.values(), ...strays.values()]) {
    const key = normal(c.name);
    if (keys.has(key) || !c.name.includes(' ')) continue;
    const word = c.name.split(' ').find((w) => byWord.has(normal(w)));
    const other = word === undefined ? undefined : byWord.get(normal(word));
    if (!other || !c.count) continue;
    keys.add(key);
    kept.push({ name: c.name, count: c.count, role: other.role && 'a third party', shares: { word: word!, with: other.name } });
  }
  const candidates = kept.sort((a, b) => Number(b.role !== null) - Number(a.role !== null) || b.count - a.count || a.name.localeCompare(b.name));
  return { candidates, vocabulary };
}

// ---------------------------------------------------------------------------------------------------------------

/** The person on probation's name, without a note in brackets: `Daniel Marsh (synthetic)` is `Daniel Marsh`. */
const subjectName = (subject: string) => subject.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * What the redacted copy replaces, found in the case: every staff name (every spelling the data has, and anyone the
 * document names as staff whom no staff list holds) and code by the person's role, the CRN, third parties the notes
 * name, and the person on probation (off: families know who did it). A name's part that is an ordinary word and
 * starts a sentence in the case is listed to check.
 */
export function redactionPlan(data: RedactionSource, review: Review | null): RedactionPlan {
  const found = survey(data, review);
  const staff = staffReplacements(data, review, found);
  const subject = subjectName(data.case.subject ?? '');
  // Words that are not a third party's name: staff names, the subject's, and the case's own proper nouns (agencies, teams, services, contact types).
  const notNames = new Set<string>([...COMMON_WORDS, ...HONORIFICS]);
  for (const s of [subject, ...staff.map((r) => r.original), ...found.proper]) s.split(/[^\p{L}\p{M}'’-]+/u).forEach((w) => w && notNames.add(normal(possessiveless(w))));

  const { candidates, vocabulary } = thirdPartyCandidates(found.texts, notNames);
  const thirdParties: Replacement[] = candidates.map((c) => ({
    kind: 'thirdParty',
    original: c.name,
    replacement: c.role ?? 'a third party',
    who: `Named ${c.count === 1 ? 'once' : `${c.count} times`}${c.shares ? `, and shares “${c.shares.word}” with ${c.shares.with}` : c.role ? '' : ', with nothing saying who they are'}`,
    on: c.role !== null,
    places: 0,
    ...(c.role ? {} : { toCheck: true }),
  }));
  const subjectEntry: Replacement[] = subject ? [{ kind: 'subject', original: subject, replacement: SUBJECT_ROLE, who: 'The person on probation', on: false, places: 0 }] : [];
  const named: Replacement[] = [...staff, { kind: 'crn', original: data.case.crn, replacement: CRN_REMOVED, who: 'The case reference number (CRN)', on: true, places: 0 }, ...thirdParties, ...subjectEntry];
  return { replacements: [...named, ...sentenceStartChecks(named, found.texts, vocabulary)] };
}

/**
 * The parts of applied names that are ordinary words too (`Hill`, `April`: common words, or words the case writes in
 * small letters) where a sentence of the case starts with one, not after Mr or Mrs and not in the whole name: there it
 * may be the word. Each is listed to check, and on: replaced unless the person says it is the word.
 */
function sentenceStartChecks(named: readonly Replacement[], texts: ReadonlyMap<string, number>, vocabulary: ReadonlySet<string>): Replacement[] {
  const ordinary = (w: string) => COMMON_WORDS.has(normal(w)) || vocabulary.has(w.toLowerCase());
  const checks = new Map<string, Replacement>();
  for (const r of named) {
    if (!r.on || (r.kind !== 'staffName' && r.kind !== 'thirdParty')) continue;
    for (const part of partsOf(r.original).filter(ordinary)) {
      const key = `${normal(part)}\n${r.replacement}`;
      if (!checks.has(key)) checks.set(key, { kind: r.kind, original: part, replacement: r.replacement, who: `Part of ${r.original}’s name, and an ordinary word`, on: true, places: 0, toCheck: true, partOf: r.original });
    }
  }
  if (checks.size === 0) return [];
  // Found as the copy finds them, so a part inside the whole name or after an honorific is not counted.
  const m = matcherOf({ replacements: [...named, ...checks.values()] });
  const quick = new RegExp(alternation(new Set([...checks.values()].map((c) => normal(c.original)))), 'iu');
  const starting = new Set<Replacement>();
  for (const text of texts.keys()) {
    if (!quick.test(text)) continue;
    eachPlace(text, m, (_from, _to, t, uncertain) => {
      if (uncertain) t.gates.forEach((g) => starting.add(g));
      return true;
    });
  }
  return [...checks.values()].filter((c) => starting.has(c));
}

/**
 * The plan with a name the person adds by hand, given a role. A name already in it is applied, and takes the role
 * unless it is staff's: a member of staff keeps one set of words, for their code too.
 */
export function withName(plan: RedactionPlan, original: string, role: string): RedactionPlan {
  const name = original.trim().replace(/\s+/g, ' ');
  if (!name) return plan;
  const i = plan.replacements.findIndex((r) => !r.partOf && normal(r.original) === normal(name));
  const keeps = (r: Replacement) => r.kind === 'staffName' || r.kind === 'staffCode' || r.kind === 'crn';
  if (i >= 0) return { replacements: plan.replacements.map((r, j) => (j === i ? { ...r, replacement: keeps(r) ? r.replacement : role, on: true } : r)) };
  return { replacements: [...plan.replacements, { kind: 'thirdParty', original: name, replacement: role, who: 'Added by you', on: true, places: 0 }] };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching: one regular expression for the whole plan, longest form first.

const NAME_KINDS: ReadonlySet<RedactionKind> = new Set(['staffName', 'thirdParty', 'subject']);

/**
 * How a form must be written to be found: a whole name in any case; a part alone with a capital (`Bell`, not `bell`),
 * or in any case after an honorific; an initial and surname with both capitals (`A Round`, not `a round`).
 */
type Form = 'whole' | 'part' | 'initial';

interface Target {
  replacements: Replacement[];
  form: Form;
  /** For a part that is an ordinary word too: the rows that decide the places a sentence starts with it (partOf). */
  gates: Replacement[];
}

interface Matcher {
  /** Whether a text holds any form at all: most notes hold none, and this is several times quicker than `regex`. */
  any: RegExp | null;
  regex: RegExp | null;
  targets: Map<string, Target>;
  /** Each form as found, in the form its target is kept under: the same few spellings are found again and again. */
  keys: Map<string, string>;
}

/** Every form a replacement is found in: its whole, a name's other spellings, and its parts. */
function formsOf(r: Replacement): { key: string; form: Form }[] {
  const whole = normal(r.original);
  if (!whole || r.partOf) return [];
  if (!NAME_KINDS.has(r.kind)) return [{ key: whole, form: 'whole' }];
  // One word is found like a name's part, with a capital; one the data writes in small letters is a login (`jwhitfield`), found in any case.
  const forms: { key: string; form: Form }[] = [{ key: whole, form: whole.includes(' ') || !/^\p{Lu}/u.test(r.original.trim()) ? 'whole' : 'part' }];
  for (const s of spellingsOf(wordsOf(r.original))) forms.push({ key: s.key, form: s.initial ? 'initial' : 'whole' });
  for (const p of partsOf(r.original)) forms.push({ key: normal(p), form: 'part' });
  return forms;
}


const matchers = new WeakMap<RedactionPlan, Matcher>();

function matcherOf(plan: RedactionPlan): Matcher {
  const known = matchers.get(plan);
  if (known) return known;
  const targets = new Map<string, Target>();
  for (const r of plan.replacements) {
    for (const { key, form } of formsOf(r)) {
      const t = targets.get(key);
      // A whole name wins over someone else's part; two parts (or two wholes) alike are both kept, and decided when found.
      if (!t || (t.form === 'part' && form !== 'part')) targets.set(key, { replacements: [r], form, gates: [] });
      else if ((t.form === 'part') === (form === 'part')) {
        if (!t.replacements.includes(r)) t.replacements.push(r);
        // A spelling the data has (a login, `jwhitfield`) is found in any case, though it is someone's initial and surname too.
        if (form === 'whole') t.form = 'whole';
      }
    }
  }
  for (const r of plan.replacements) {
    const t = r.partOf ? targets.get(normal(r.original)) : undefined;
    if (t?.form === 'part') t.gates.push(r);
  }
  const forms = targets.size ? alternation(targets.keys()) : null;
  // No look-behind and no honorific in front: tried at every place in every text, they would make it several times slower.
  const m: Matcher = { any: forms ? new RegExp(forms, 'iu') : null, regex: forms ? new RegExp(`${forms}(?![\\p{L}\\p{N}])`, 'giu') : null, targets, keys: new Map() };
  matchers.set(plan, m);
  return m;
}

/** What a form found but not kept under its key is: no one in particular, so `[name removed]`. */
const UNPLACED: Target = { replacements: [], form: 'whole', gates: [] };
const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:${HONORIFICS.join('|')})\\.?\\s{1,3})$`, 'iu');
const CAPITALS: Record<Form, RegExp | null> = { whole: null, part: /^\p{Lu}/u, initial: /^\p{Lu}\.?\s*\p{Lu}/u };
/** A grade or code in brackets just after a name or code: `Lal (PQiP)`, `Whitfield (N07P214)`. */
const BRACKET_AFTER = /\s*\(([^()\n]{1,16})\)/y;
/** A number beside a month, as in a date: `3 May`, `May 2023`, `3rd May`. */
const NUMBER_BEFORE = /\d(?:st|nd|rd|th)?[\s,]*$/;
const NUMBER_AFTER = /^[\s,]*\d/;

/** Where a place ends with the grade or code in brackets after it, when they are that person's: they go with the name. */
function bracketEnd(text: string, to: number, t: Target): number {
  BRACKET_AFTER.lastIndex = to;
  const b = BRACKET_AFTER.exec(text);
  if (!b) return to;
  const inner = normal(b[1]!);
  return t.replacements.some((r) => (r.grade !== undefined && normal(r.grade) === inner) || (r.code !== undefined && normal(r.code) === inner)) ? to + b[0].length : to;
}

/**
 * Each place a text names someone in the plan, as whole words: from where (an honorific before a name included) to
 * where (their grade or code in brackets after included), whom, and whether it is uncertain: a part that is an
 * ordinary word where a sentence starts with it. `visit` says whether it took the place; one it leaves is searched
 * again from its next letter, so a form inside it is still found.
 */
function eachPlace(text: string, m: Matcher, visit: (from: number, to: number, t: Target, uncertain: boolean) => boolean) {
  const regex = m.regex!;
  regex.lastIndex = 0;
  let last = 0;
  for (let found = regex.exec(text); found; found = regex.exec(text)) {
    const start = found.index;
    const key = m.keys.get(found[0]) ?? m.keys.set(found[0], normal(found[0])).get(found[0])!;
    // A spelling the pattern's case folding finds but lower case does not give (`ſ` for `s`) is still removed.
    const t = m.targets.get(key) ?? UNPLACED;
    let take = !(start > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, start - 2), start)));
    let from = start;
    let uncertain = false;
    if (take && NAME_KINDS.has(t.replacements[0]?.kind ?? 'thirdParty')) {
      // An honorific goes with the name, and makes any form certain, in any case: `Mrs Park`, `ms li`.
      const honorific = HONORIFIC_BEFORE.exec(text.slice(Math.max(last, start - 10), start))?.[1];
      if (honorific) from -= honorific.length;
      else {
        const date = t.form === 'part' && MONTHS.has(key) && (NUMBER_BEFORE.test(text.slice(Math.max(0, start - 6), start)) || NUMBER_AFTER.test(text.slice(regex.lastIndex, regex.lastIndex + 3)));
        // Without one: written with its capitals, and a month with a number beside it is a date (`3 May 2023`).
        take = (CAPITALS[t.form]?.test(found[0]) ?? true) && !date;
        uncertain = take && t.gates.length > 0 && startsSentence(text, start);
      }
    }
    const to = take ? bracketEnd(text, regex.lastIndex, t) : regex.lastIndex;
    if (take && visit(from, to, t, uncertain)) last = regex.lastIndex = to;
    else regex.lastIndex = start + 1;
  }
}

/** What a found form becomes, or null to leave it: a part someone not redacted shares stays, two people's part becomes neutral. */
function wordsFor(t: Target): string | null {
  if (t.replacements.some((r) => !r.on)) return null;
  const words = new Set(t.replacements.map((r) => r.replacement));
  return words.size === 1 ? t.replacements[0]!.replacement : NAME_REMOVED;
}

/**
 * A text with every applied replacement made, and every email address removed. An honorific before a name goes with
 * it (`Mr Whitfield's` becomes `the supervising officer (PO)'s`), and a possessive stays.
 */
export function redactText(text: string, plan: RedactionPlan): string {
  const s = withoutEmails(text);
  const m = matcherOf(plan);
  if (!m.any?.test(s)) return s;
  let out = '';
  let last = 0;
  eachPlace(s, m, (from, to, t, uncertain) => {
    if (uncertain && t.gates.some((g) => !g.on)) return false;
    const words = wordsFor(t);
    if (words === null) return false;
    const capital = /^\p{Lu}/u.test(s[from]!) && startsSentence(s, from);
    out += s.slice(last, from) + (capital ? words[0]!.toUpperCase() + words.slice(1) : words);
    last = to;
    return true;
  });
  return out + s.slice(last);
}

/** Fields that name a block's kind, a link target, a date or a node: never words to redact. */
const NOT_WORDS = new Set(['kind', 'type', 'anchor', 'id', 'ref', 'band', 'style', 'from', 'to', 'date', 'written']);

function mapStrings(value: unknown, f: (s: string) => string, key = ''): unknown {
  if (typeof value === 'string') return NOT_WORDS.has(key) ? value : f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, k)]));
  return value;
}

/**
 * The redacted copy of a document: every string in it redacted (the tree is walked whole, so no field is forgotten:
 * figures, chart lines and the systems map included), the CRN off the title page, and the title page saying so.
 */
export function redactDocument(doc: ReportDocument, plan: RedactionPlan): ReportDocument {
  const redacted = mapStrings(doc, (s) => redactText(s, plan)) as ReportDocument;
  return {
    ...redacted,
    titlePage: { ...redacted.titlePage, crn: '', marks: doc.titlePage.marks.includes('redacted') ? redacted.titlePage.marks : [...redacted.titlePage.marks, 'redacted'] },
  };
}

/** A place as the preview quotes it: the words round it, on one line. */
function excerpt(s: string, from: number, to: number): string {
  const a = Math.max(0, from - 40);
  const b = Math.min(s.length, to + 40);
  return `${a > 0 ? '…' : ''}${s.slice(a, b).replace(/\s+/g, ' ').trim()}${b < s.length ? '…' : ''}`;
}

/**
 * The plan with, for each replacement (applied or not), how many places in the document it would touch; a row to
 * check also gets up to three of them, quoted. A part's row (partOf) counts only the places a sentence starts with it.
 */
export function countPlaces(plan: RedactionPlan, doc: ReportDocument): RedactionPlan {
  const m = matcherOf(plan);
  const counts = new Map<Replacement, number>();
  const quoted = new Map<Replacement, string[]>();
  const place = (r: Replacement, s: string, from: number, to: number) => {
    counts.set(r, (counts.get(r) ?? 0) + 1);
    if (!r.toCheck) return;
    const q = quoted.get(r) ?? [];
    const x = excerpt(s, from, to);
    if (q.length < 3 && !q.includes(x)) quoted.set(r, [...q, x]);
  };
  mapStrings(doc, (raw) => {
    const s = withoutEmails(raw);
    if (m.any?.test(s)) {
      eachPlace(s, m, (from, to, t, uncertain) => {
        for (const r of t.replacements) place(r, s, from, to);
        if (uncertain) for (const g of t.gates) place(g, s, from, to);
        return true;
      });
    }
    return raw;
  });
  return {
    replacements: plan.replacements.map((r) => {
      const next: Replacement = { ...r, places: counts.get(r) ?? 0 };
      delete next.examples;
      const q = quoted.get(r);
      if (q) next.examples = q;
      return next;
    }),
  };
}
