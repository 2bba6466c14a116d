import type { CaseData } from '../engine/caseIndex.js';
import type { Case } from '../schemas/case.js';
import type { Grade } from '../schemas/common.js';
import type { Review } from '../schemas/review.js';
import type { ReportDocument } from './document.js';

/**
 * The redacted copy for victims and families (issue 15): staff and third parties named by their role, the CRN and
 * staff codes removed. A plan lists every replacement, found in the case's own data, and the person sees it and
 * changes it before anything is written; the document is then redacted as one tree, so every format says the same.
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
  /** A third party found only by being named more than once, with nothing before it saying who they are. */
  toCheck?: boolean;
}

export interface RedactionPlan {
  replacements: readonly Replacement[];
}

/** The roles a third party can be given, from the closest to the most general. */
export const THIRD_PARTY_ROLES = ['a family member', 'a partner or former partner', 'a neighbour', 'a member of the public', 'a professional', 'a third party'] as const;
export type ThirdPartyRole = (typeof THIRD_PARTY_ROLES)[number];

export const CRN_REMOVED = '[CRN removed]';
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

export type RedactionSource = Pick<CaseData, 'records' | 'staff' | 'allocations' | 'workload'> & { case: Pick<Case, 'crn'> & Partial<Pick<Case, 'subject'>> };

// ---------------------------------------------------------------------------------------------------------------
// Words that are capitalised in probation notes but name nobody.

const COMMON_WORDS = new Set(
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

const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];

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
/** A cue just before a name, allowing a comma or colon: `his sister, Amy`, `Mr Smith`, `relationship with Zoë`. */
const CUE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:(${[...CUE_ROLE.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/\s/g, '\\s+')).join('|')})[,:]?|(${ABBREVIATED.join('|')})\\.)\\s+$`,
  'iu',
);

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
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (i: number) => {
  const n = i + 1;
  return ORDINALS[i] ?? `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
};
const gradeSuffix = (grade: Grade | undefined) => (grade && grade !== 'Other' ? ` (${grade})` : '');

/** A name or form as the data spells it, in one form for comparing: lower case, one space, one kind of apostrophe, one space before a bracket. */
const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'").replace(/ ?\(/g, ' (').trim();

/** A team or service the records name as if it were staff (`Tiering Service`): no one's name. */
const SERVICE = /\b(?:services?|team|unit|hub|centre|center|desk|office|admin|administration|duty|court|programmes?|reception|interventions?|department|system|crs)\b/i;
const isService = (name: string, grade: Grade | undefined) => !grade && SERVICE.test(name);

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
  /** Each distinct free text (notes, summaries, the review's words), with how often it occurs. */
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
  return { people, firstSeen, writers, proper, texts };
}

/** Role words for every person, distinct: holders in the order they held the case, cover likewise, others by grade. */
function staffRoles(data: RedactionSource, people: Map<string, Person>, firstSeen: Map<string, string>, authors: string[]): Map<Person, string> {
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
  for (const p of others) groups.set(words(p.grade), [...(groups.get(words(p.grade)) ?? []), p]);
  // Someone who wrote records but whom no staff list names: a member of staff, known only by name.
  for (const author of authors) {
    const p: Person = { code: null, grade: undefined, names: [author] };
    groups.set('a member of staff', [...(groups.get('a member of staff') ?? []), p]);
  }
  for (const [w, group] of groups) group.forEach((p, i) => roles.set(p, group.length > 1 ? `${w} ${i + 1}` : w));
  return roles;
}

function staffReplacements(data: RedactionSource, { people, firstSeen, writers }: Survey): Replacement[] {
  const known = new Set([...people.values()].flatMap((p) => p.names.map(normal)));
  const codes = new Set([...people.keys()].map(normal));
  const authors = [...writers].filter((by) => by && !known.has(normal(by)) && !codes.has(normal(by)) && !isService(by, undefined));
  const roles = staffRoles(data, people, firstSeen, authors);
  const out: Replacement[] = [];
  for (const [p, role] of roles) {
    const who = p.code ? `Staff ${p.code}${p.grade ? `, ${p.grade}` : ''}` : 'Wrote records; no staff code';
    const grade = p.grade ? { grade: p.grade } : {};
    for (const n of p.names) out.push({ kind: 'staffName', original: n, replacement: role, who, on: true, places: 0, ...grade, ...(p.code ? { code: p.code } : {}) });
    if (p.code) out.push({ kind: 'staffCode', original: p.code, replacement: role, who, on: true, places: 0, ...grade });
  }
  // A service's code says which service, so it becomes the service's name.
  for (const p of people.values()) {
    if (!roles.has(p) && p.code) out.push({ kind: 'staffCode', original: p.code, replacement: p.names[0] ?? 'a service', who: `Service ${p.code}`, on: true, places: 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Third parties: names in the free text that are not staff.

/** A word as free text holds it, with any possessive; a name's words have a capital and then small letters. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const NAME_WORD = /^(?:Mc|Mac|O'|O’|D'|D’)?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
const possessiveless = (w: string) => w.replace(/['’]s$/u, '');
/** A sentence starts at the text's start, after . ! ? : ; or a line break, or an opening quote or bracket. */
const startsSentence = (text: string, at: number) => {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (/\s/.test(c)) continue;
    return /[.!?:;"“‘(\-•*]/.test(c);
  }
  return true;
};

interface Candidate {
  name: string;
  count: number;
  role: ThirdPartyRole | null;
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
}

function nameRuns(text: string, times: number, notNames: ReadonlySet<string>, vocabulary: Set<string>, into: NameRun[]) {
  let run: { words: string[]; start: number; end: number; ended: boolean } | null = null;
  const close = () => {
    if (!run) return;
    // A field's label, `Allocation Reason:`, names no one.
    if (/^[ \t]*:/.test(text.slice(run.end, run.end + 3))) return void (run = null);
    const cue = CUE_BEFORE.exec(text.slice(Math.max(0, run.start - 40), run.start));
    const role = cue ? (CUE_ROLE.get((cue[1] ?? cue[2]!).toLowerCase().replace(/\s+/g, ' ')) ?? null) : null;
    into.push({ words: run.words, times, role, initial: !cue && startsSentence(text, run.start) });
    run = null;
  };
  for (const m of text.matchAll(WORD)) {
    const word = possessiveless(m[0]);
    if (word === word.toLowerCase()) vocabulary.add(word);
    const nameLike = NAME_WORD.test(word) && !notNames.has(normal(word));
    if (nameLike && run && !run.ended && /^[ \t]+$/.test(text.slice(run.end, m.index))) run.words.push(word);
    else {
      close();
      if (nameLike) run = { words: [word], start: m.index, end: 0, ended: false };
    }
    if (run) {
      run.end = m.index + m[0].length;
      // A possessive ends a name: `Zoë's Mum` is two things.
      run.ended = word !== m[0];
    }
  }
  close();
}

function thirdPartyCandidates(texts: ReadonlyMap<string, number>, notNames: ReadonlySet<string>): Candidate[] {
  // The case's own vocabulary: any word it writes in small letters somewhere is a word, not a name.
  const vocabulary = new Set<string>();
  const runs: NameRun[] = [];
  for (const [text, times] of texts) nameRuns(text, times, notNames, vocabulary, runs);

  const found = new Map<string, Candidate>();
  const note = (words: string[], times: number, role: ThirdPartyRole | null) => {
    if (words.length === 1 && vocabulary.has(words[0]!.toLowerCase())) return;
    const name = words.join(' ');
    const c = found.get(normal(name)) ?? { name, count: 0, role: null };
    c.count += times;
    c.role ??= role;
    found.set(normal(name), c);
  };
  for (const r of runs) {
    // A sentence's first word may be any word: it is kept apart, and counts for nothing on its own.
    const words = r.initial ? r.words.slice(1) : r.words;
    if (r.initial) note([r.words[0]!], 0, null);
    // A word of the vocabulary splits a run, and only the first piece follows the cue.
    let piece: string[] = [];
    let first = !r.initial;
    for (const w of [...words, '']) {
      if (w && !vocabulary.has(w.toLowerCase())) {
        piece.push(w);
        continue;
      }
      if (piece.length) note(piece, r.times, first ? r.role : null);
      piece = [];
      first = false;
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
  return [...found.values()]
    .filter((c) => c.role !== null || c.count >= 2)
    .sort((a, b) => Number(b.role !== null) - Number(a.role !== null) || b.count - a.count || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------------------------

/** A name's words that are found on their own: those with a capital and three letters or more, not common words. */
function partsOf(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return [];
  return words.filter((w) => /^\p{Lu}/u.test(w) && w.replace(/[^\p{L}]/gu, '').length >= 3 && !COMMON_WORDS.has(normal(w)) && !HONORIFICS.includes(normal(w).replace(/\.$/, '')));
}

/** The person on probation's name, without a note in brackets: `Daniel Marsh (synthetic)` is `Daniel Marsh`. */
const subjectName = (subject: string) => subject.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * What the redacted copy replaces, found in the case: every staff name (every spelling the data has) and code by the
 * person's role, the CRN, third parties the notes name, and the person on probation (off: families know who did it).
 */
export function redactionPlan(data: RedactionSource, review: Review | null): RedactionPlan {
  const found = survey(data, review);
  const staff = staffReplacements(data, found);
  const subject = subjectName(data.case.subject ?? '');
  // Words that are not a third party's name: staff names, the subject's, and the case's own proper nouns (agencies, teams, services, contact types).
  const notNames = new Set<string>([...COMMON_WORDS, ...HONORIFICS]);
  for (const s of [subject, ...staff.map((r) => r.original), ...found.proper]) s.split(/[^\p{L}\p{M}'’-]+/u).forEach((w) => w && notNames.add(normal(possessiveless(w))));

  const thirdParties: Replacement[] = thirdPartyCandidates(found.texts, notNames).map((c) => ({
    kind: 'thirdParty',
    original: c.name,
    replacement: c.role ?? 'a third party',
    who: `Named ${c.count === 1 ? 'once' : `${c.count} times`}${c.role ? '' : ', with nothing saying who they are'}`,
    on: c.role !== null,
    places: 0,
    ...(c.role ? {} : { toCheck: true }),
  }));
  const subjectEntry: Replacement[] = subject ? [{ kind: 'subject', original: subject, replacement: SUBJECT_ROLE, who: 'The person on probation', on: false, places: 0 }] : [];
  return {
    replacements: [
      ...staff,
      { kind: 'crn', original: data.case.crn, replacement: CRN_REMOVED, who: 'The case reference number (CRN)', on: true, places: 0 },
      ...thirdParties,
      ...subjectEntry,
    ],
  };
}

/**
 * The plan with a name the person adds by hand, given a role. A name already in it is applied, and takes the role
 * unless it is staff's: a member of staff keeps one set of words, for their code too.
 */
export function withName(plan: RedactionPlan, original: string, role: string): RedactionPlan {
  const name = original.trim().replace(/\s+/g, ' ');
  if (!name) return plan;
  const i = plan.replacements.findIndex((r) => normal(r.original) === normal(name));
  const keeps = (r: Replacement) => r.kind === 'staffName' || r.kind === 'staffCode' || r.kind === 'crn';
  if (i >= 0) return { replacements: plan.replacements.map((r, j) => (j === i ? { ...r, replacement: keeps(r) ? r.replacement : role, on: true } : r)) };
  return { replacements: [...plan.replacements, { kind: 'thirdParty', original: name, replacement: role, who: 'Added by you', on: true, places: 0 }] };
}

// ---------------------------------------------------------------------------------------------------------------
// Matching: one regular expression for the whole plan, longest form first.

const NAME_KINDS: ReadonlySet<RedactionKind> = new Set(['staffName', 'thirdParty', 'subject']);

interface Target {
  replacements: Replacement[];
  /** A name's part on its own: found only with a capital (`Bell`, `BELL`, not `bell`). */
  part: boolean;
}

interface Matcher {
  /** Whether a text holds any form at all: most notes hold none, and this is several times quicker than `regex`. */
  any: RegExp | null;
  regex: RegExp | null;
  targets: Map<string, Target>;
  /** Each form as found, in the form its target is kept under: the same few spellings are found again and again. */
  keys: Map<string, string>;
}

/** Every form a replacement is found in: its whole, a name's parts, a name or code followed by the grade or code in brackets. */
function formsOf(r: Replacement): { key: string; part: boolean }[] {
  const whole = normal(r.original);
  if (!whole) return [];
  const name = NAME_KINDS.has(r.kind);
  const forms = [{ key: whole, part: name && !whole.includes(' ') }];
  for (const b of [r.grade, r.code]) if (b && r.kind !== 'crn') forms.push({ key: `${whole} (${normal(b)})`, part: false });
  if (name) for (const p of partsOf(r.original)) forms.push({ key: normal(p), part: true });
  return forms;
}

type Trie = Map<string, Trie> & { end?: true };
/** A form's pieces as patterns: any run of white space between words, either apostrophe, any space before a bracket. */
const pieces = (key: string) =>
  (key.match(/ \(|[\s\S]/gu) ?? []).map((c) => (c === ' (' ? '\\s*\\(' : c === ' ' ? '\\s+' : c === "'" ? "['’]" : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));

/** All the forms as one pattern, sharing their beginnings (`james` and `james whitfield`), the longer tried first. */
function alternation(keys: Iterable<string>): string {
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

const matchers = new WeakMap<RedactionPlan, Matcher>();

function matcherOf(plan: RedactionPlan): Matcher {
  const known = matchers.get(plan);
  if (known) return known;
  const targets = new Map<string, Target>();
  for (const r of plan.replacements) {
    for (const { key, part } of formsOf(r)) {
      const t = targets.get(key);
      // A whole name wins over someone else's part; two parts (or two wholes) alike are both kept, and decided when found.
      if (!t || (t.part && !part)) targets.set(key, { replacements: [r], part });
      else if (t.part === part && !t.replacements.includes(r)) t.replacements.push(r);
    }
  }
  const forms = targets.size ? alternation(targets.keys()) : null;
  // No look-behind and no honorific in front: tried at every place in every text, they would make it several times slower.
  const m: Matcher = { any: forms ? new RegExp(forms, 'iu') : null, regex: forms ? new RegExp(`${forms}(?![\\p{L}\\p{N}])`, 'giu') : null, targets, keys: new Map() };
  matchers.set(plan, m);
  return m;
}

/** What a form found but not kept under its key is: no one in particular, so `[name removed]`. */
const UNPLACED: Target = { replacements: [], part: false };
const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:${HONORIFICS.join('|')})\\.?\\s{1,3})$`, 'iu');

/**
 * Each place a text names someone in the plan, as whole words: from where (an honorific before a name included) to
 * where, and whom. `visit` says whether it took the place; one it leaves is searched again from its next letter, so
 * a form inside it is still found.
 */
function eachPlace(text: string, m: Matcher, visit: (from: number, to: number, t: Target) => boolean) {
  const regex = m.regex!;
  regex.lastIndex = 0;
  let last = 0;
  for (let found = regex.exec(text); found; found = regex.exec(text)) {
    const start = found.index;
    const key = m.keys.get(found[0]) ?? m.keys.set(found[0], normal(found[0])).get(found[0])!;
    // A spelling the pattern's case folding finds but lower case does not give (`ſ` for `s`) is still removed.
    const t = m.targets.get(key) ?? UNPLACED;
    // A part in small letters is a word, not the name: `bell`, not `Bell`.
    const whole = !(start > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, start - 2), start))) && !(t.part && !/^\p{Lu}/u.test(found[0]));
    const from = whole && NAME_KINDS.has(t.replacements[0]?.kind ?? 'thirdParty') ? start - (HONORIFIC_BEFORE.exec(text.slice(Math.max(last, start - 10), start))?.[1]?.length ?? 0) : start;
    if (whole && visit(from, regex.lastIndex, t)) last = regex.lastIndex;
    else regex.lastIndex = start + 1;
  }
}

/** What a found form becomes, or null to leave it: a part someone not redacted shares stays, two people's part becomes neutral. */
function wordsFor(t: Target): string | null {
  if (t.replacements.some((r) => !r.on)) return null;
  const words = new Set(t.replacements.map((r) => r.replacement));
  return words.size === 1 ? t.replacements[0]!.replacement : NAME_REMOVED;
}

/** After a full stop, or at the start, the role words start with a capital as the name did. */
function atSentenceStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (c === ' ' || c === '\t') continue;
    return c === '.' || c === '!' || c === '?';
  }
  return true;
}

/**
 * A text with every applied replacement made. An honorific before a name goes with it (`Mr Whitfield's` becomes
 * `the supervising officer (PO)'s`), and a possessive stays.
 */
export function redactText(text: string, plan: RedactionPlan): string {
  const m = matcherOf(plan);
  if (!m.any?.test(text)) return text;
  let out = '';
  let last = 0;
  eachPlace(text, m, (from, to, t) => {
    const words = wordsFor(t);
    if (words === null) return false;
    const capital = /^\p{Lu}/u.test(text[from]!) && atSentenceStart(text, from);
    out += text.slice(last, from) + (capital ? words[0]!.toUpperCase() + words.slice(1) : words);
    last = to;
    return true;
  });
  return out + text.slice(last);
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

/** The plan with, for each replacement (applied or not), how many places in the document it would touch. */
export function countPlaces(plan: RedactionPlan, doc: ReportDocument): RedactionPlan {
  const m = matcherOf(plan);
  const counts = new Map<Replacement, number>();
  mapStrings(doc, (s) => {
    if (m.any?.test(s)) {
      eachPlace(s, m, (_from, _to, t) => {
        for (const r of t.replacements) counts.set(r, (counts.get(r) ?? 0) + 1);
        return true;
      });
    }
    return s;
  });
  return { replacements: plan.replacements.map((r) => ({ ...r, places: counts.get(r) ?? 0 })) };
}
