import { allocationId } from '../audit/rowKeys.js';
import type { Signing } from '../audit/signatures.js';
import { withWholeCaseEntry } from '../bundle/bundleRows.js';
import { alternation, COMMON_WORDS, HONORIFICS, isService, normal, NOT_PEOPLE, partsOf, spellingsOf, wordsOf } from '../domain/nameForms.js';
import { REVIEW_LISTS, reviewItemKey } from '../review/reviewRows.js';
import type { Allocation } from '../schemas/allocation.js';
import type { CaseBundle, SourceFile } from '../schemas/bundle.js';
import { StaffCode, type Provenance } from '../schemas/common.js';
import type { CaseRecord, ContactRecord } from '../schemas/record.js';
import type { ReviewInput } from '../schemas/review.js';
import { sha256Hex } from '../audit/trail.js';
import { byStartThenId } from '../engine/chronologyOrder.js';
import { earliestInstant } from '../time/london.js';
import type { TimeValue } from '../time/precision.js';
import { markerOf, MARKER_PATTERN, MAY_HOLD_MARKER, type MarkerKind } from './markers.js';
import { codeDealer, crnCode, providerCode, pseudonyms } from './pseudonyms.js';
import { isWholeWeeks, randomShiftDays, shiftMoment, shiftTextDate, TEXT_DATE } from './shiftDates.js';
import { stillToCheck, type ToCheck } from './toCheck.js';

/**
 * The training copy of a case (REVIEW.md §4): a new case in which no one can be recognised. Every identifier (the
 * CRN, staff, team and region codes, every name the data holds in a field, record ids) is replaced, the same original
 * always by the same replacement, in every field and inside every free text; phone numbers, postcodes, addresses,
 * emails, NI and PNC numbers and dates of birth in free text become markers; every date moves by the same whole number
 * of weeks, keeping the wall-clock time. Words that look like names and were not replaced are listed for the trainer.
 * The key from originals to replacements is returned, never put in the copy; the copy's trail starts afresh.
 */

export type { ToCheck } from './toCheck.js';

/** A passage the trainer chose to take out: where (as `toCheck` names places, `contact:12 notes`), and its exact words. */
export interface Redaction {
  record: string;
  field: string;
  text: string;
}

export interface PseudonymiseOptions {
  /** Days every date moves: a non-zero multiple of 7. Left out: a random number of weeks within two years. */
  shiftDays?: number;
  /** Numbers in [0, 1) for the random shift (tests give their own). */
  random?: () => number;
  /** Words the trainer replaces: each word (or name) with its replacement, or a marker such as `[name]`. */
  extra?: Readonly<Record<string, string>>;
  /** Passages the trainer takes out of the copy, each becoming `[redacted]`. */
  redact?: readonly Redaction[];
  /** Words the trainer says are no names: they leave the list to check. */
  confirmed?: readonly string[];
  /** Who makes the copy, and when: its trail's one entry. */
  who: string;
  at: Date;
  signing?: Signing;
  /** The new case's id: a new random one (the caller's, so this stays pure). */
  caseId: string;
  /**
   * Only to show what the copy replaces, never stored: the copy's trail entry is left out, since it hashes every row
   * (most of the time a 100,000-record copy takes).
   */
  preview?: boolean;
}

/** From originals to replacements: written only where the trainer asks, never into the copy. */
export interface TrainingKey {
  shiftDays: number;
  crn: Record<string, string>;
  staff: Record<string, string>;
  teams: Record<string, string>;
  names: Record<string, string>;
  records: Record<string, string>;
}

export const REPLACEMENT_KINDS = ['names', 'staffCodes', 'teams', 'crn', 'records', 'email', 'phone', 'postcode', 'address', 'niNumber', 'pnc', 'dateOfBirth', 'datesInText', 'extra', 'redacted'] as const;
export type ReplacementKind = (typeof REPLACEMENT_KINDS)[number];

/** Each kind in the trainer's words, for the preview and the command line. */
export const REPLACEMENT_KIND_WORDS: Record<ReplacementKind, string> = {
  names: 'Names',
  staffCodes: 'Staff codes',
  teams: 'Teams and regions',
  crn: 'Case reference numbers (CRNs)',
  records: 'Record numbers',
  email: 'Email addresses',
  phone: 'Phone numbers',
  postcode: 'Postcodes',
  address: 'Street addresses',
  niNumber: 'National Insurance numbers',
  pnc: 'PNC numbers',
  dateOfBirth: 'Dates of birth',
  datesInText: 'Dates written in notes',
  extra: 'Your replacements',
  redacted: 'Passages you redacted',
};

/** One replacement made: what it was, what it became, in how many places. */
export interface Replaced {
  kind: ReplacementKind;
  original: string;
  replacement: string;
  places: number;
}

export interface Pseudonymised {
  bundle: CaseBundle;
  key: TrainingKey;
  /** Places replaced, by kind. */
  replaced: Record<ReplacementKind, number>;
  /** Every replacement (records renumbered are counted, not listed). */
  replacements: Replaced[];
  toCheck: ToCheck[];
  /** Passages the trainer chose that were not found where they said (the copy changed under them). */
  unredacted: Redaction[];
}

export interface Progress {
  done: number;
  total: number;
  /** What is being done: copying the rows (counted), then recording the copy in its fresh trail (every row hashed). */
  stage?: 'copy' | 'trail';
}

export const REDACTED = '[redacted]';
const TEAM_WORDS = new Set('team teams unit central north south east west northern southern eastern western pdu delivery probation service services hub office and of the city county district region cluster court community custody offender management public protection integrated'.split(' '));

/** Why a shift cannot be used, or null. */
export function shiftRefusal(days: number): string | null {
  return isWholeWeeks(days) ? null : `a shift of ${days} days is not a whole number of weeks (a non-zero multiple of 7), so weekdays would change`;
}

interface Target {
  /** The replacement, its words as written with capitals. */
  replacement: string;
  kind: ReplacementKind;
  /** An ordinary word too (`Hill`): replaced only when written with a capital. */
  needsCapital: boolean;
}

/** The replacement in the capitals the original was written in: all capitals, all small letters, or as named. */
function inCase(found: string, replacement: string): string {
  if (replacement.startsWith('[')) return replacement;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  if (letters === letters.toLowerCase()) return replacement.toLowerCase();
  return replacement;
}

/** A form found, replaced word by word so each keeps the space or line break before it. */
function replaceKeepingBreaks(found: string, replacement: string): string {
  const gaps = found.match(/\s+/g) ?? [];
  const words = replacement.split(' ');
  if (gaps.length !== words.length - 1) return inCase(found, replacement);
  const foundWords = found.split(/\s+/);
  return words.map((w, i) => inCase(foundWords[i] ?? found, w) + (gaps[i] ?? '')).join('');
}

/**
 * A word that could be a code or an id: a record's reference (`contact:123`, `info:P-05`), or letters and digits with
 * a digit among them (`N07P101`, `X900417`, `PR-01`). Each is looked up: one pattern however many codes a case has.
 */
const CODE_LIKE = /(?<![\p{L}\p{N}-])(?:(?:contact|info):[\p{L}\p{N}_-]+|(?=[\p{L}\p{N}-]*\d)[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)(?![\p{L}\p{N}])/giu;
const titleCase = (key: string) => key.replace(/(^|[\s\-.'’,])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase());
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Collects each replacement's places. */
class Tally {
  readonly rows = new Map<string, Replaced>();
  readonly byKind = Object.fromEntries(REPLACEMENT_KINDS.map((k) => [k, 0])) as Record<ReplacementKind, number>;
  add(kind: ReplacementKind, original: string, replacement: string, places = 1) {
    this.byKind[kind] += places;
    if (kind === 'records') return;
    const id = `${kind}\n${original}`;
    const row = this.rows.get(id);
    if (row) row.places += places;
    else this.rows.set(id, { kind, original, replacement, places });
  }
}

type Hit = [ReplacementKind, string, string];

export function pseudonymise(bundle: CaseBundle, options: PseudonymiseOptions): Pseudonymised {
  const steps = pseudonymiseSteps(bundle, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** pseudonymise, yielding how far it has got (rows done of rows in all) every so often: for a worker's progress bar. */
export function* pseudonymiseSteps(bundle: CaseBundle, options: PseudonymiseOptions): Generator<Progress, Pseudonymised> {
  const shiftDays = options.shiftDays ?? randomShiftDays(options.random ?? Math.random);
  const refusal = shiftRefusal(shiftDays);
  if (refusal) throw new Error(refusal);
  const review = bundle.review as ReviewInput | undefined;
  const total = bundle.records.length + bundle.otherWork.length + bundle.allocations.length + bundle.workload.length + bundle.teams.length + bundle.staff.length + 2;
  let done = 0;
  const tally = new Tally();

  // -------------------------------------------------------------------------------------------------------------
  // What the case names: people (by code and by name), teams and regions, CRNs, records.
  const people = new Map<string, Set<string>>();
  const loose = new Set<string>();
  const codes = new Set<string>();
  const teamCodes = new Set<string>();
  const teamNames = new Set<string>();
  const crns = new Set<string>([bundle.case.crn]);
  const person = (code: string | undefined, name: string | undefined) => {
    if (code) codes.add(code);
    const n = name?.trim();
    if (!n || NOT_PEOPLE.has(n.toLowerCase())) return;
    if (code) {
      const names = people.get(code) ?? new Set();
      people.set(code, names.add(n));
    } else loose.add(n);
  };
  for (const s of bundle.staff) {
    person(s.code, isService(s.name, s.grade) ? undefined : s.name);
    if (s.teamCode) teamCodes.add(s.teamCode);
  }
  for (const a of bundle.allocations) {
    person(a.staffCode, a.staffName);
    crns.add(a.crn);
    if (a.teamCode) teamCodes.add(a.teamCode);
  }
  for (const r of [...bundle.records, ...bundle.otherWork]) {
    crns.add(r.crn);
    if (r.kind === 'contact') {
      person(r.staffCode, r.staffName && !isService(r.staffName, r.staffGrade) ? r.staffName : undefined);
      if (r.createdBy && !isService(r.createdBy, undefined)) person(undefined, r.createdBy);
      if (r.teamCode) teamCodes.add(r.teamCode);
    } else if (r.knownToStaffCode) codes.add(r.knownToStaffCode);
  }
  for (const w of bundle.workload) {
    person(w.staffCode, w.omName);
    if (w.teamCode) teamCodes.add(w.teamCode);
    if (w.teamName) teamNames.add(w.teamName);
  }
  for (const t of bundle.teams) {
    teamCodes.add(t.teamCode);
    if (t.teamName) teamNames.add(t.teamName);
  }
  const subject = bundle.case.subject.replace(/\([^)]*\)/g, ' ').trim();
  if (subject) loose.add(subject);
  if (review) {
    if (review.reviewer) loose.add(review.reviewer);
    for (const f of review.findings ?? []) for (const d of f.dismissed ?? []) loose.add(d.by);
    for (const e of review.episodes ?? []) if (e.officer) codes.add(e.officer);
    // A response is by a name or, from the command line, a staff code.
    for (const r of review.responses ?? []) if (StaffCode.safeParse(r.by).success) codes.add(r.by);
    else loose.add(r.by);
    for (const a of review.actions ?? []) if (a.owner && /^\p{Lu}\S*\s+\p{Lu}/u.test(a.owner) && !isService(a.owner, undefined)) loose.add(a.owner);
  }
  for (const e of bundle.audit) if (!NOT_PEOPLE.has(e.who.trim().toLowerCase())) loose.add(e.who);
  for (const s of bundle.signers ?? []) loose.add(s.name);
  for (const n of loose) if (!n.trim() || NOT_PEOPLE.has(n.trim().toLowerCase())) loose.delete(n);

  // -------------------------------------------------------------------------------------------------------------
  // Replacements: codes, then names. None is a word, name or code the case already uses.
  const taken = new Set<string>();
  for (const names of [...people.values(), loose, teamNames]) for (const n of names) for (const w of wordsOf(n)) taken.add(w.toLowerCase());
  const deal = pseudonyms(taken);
  const allCodes = new Set([...codes, ...teamCodes, ...crns]);

  const providers = new Map<string, string>();
  const nextProvider = codeDealer(allCodes, providerCode);
  const providerOf = (code: string) => {
    const p = /^[A-Z]\d{2}/.exec(code)?.[0];
    if (!p) return 'R00';
    let r = providers.get(p);
    if (!r) providers.set(p, (r = nextProvider()));
    return r;
  };
  const staffMap = new Map<string, string>();
  const nextStaff = new Map<string, () => string>();
  for (const code of [...codes].sort()) {
    const prefix = `${providerOf(code)}S`;
    if (!nextStaff.has(prefix)) nextStaff.set(prefix, codeDealer(allCodes, (n) => `${prefix}${String(n).padStart(3, '0')}`));
    staffMap.set(code, nextStaff.get(prefix)!());
  }
  const teamMap = new Map<string, string>();
  const nextTeam = new Map<string, () => string>();
  for (const code of [...teamCodes].sort()) {
    const prefix = `${providerOf(code)}T`;
    if (!nextTeam.has(prefix)) nextTeam.set(prefix, codeDealer(allCodes, (n) => `${prefix}${String(n).padStart(code.length - 4, '0')}`));
    teamMap.set(code, nextTeam.get(prefix)!());
  }
  const crnMap = new Map<string, string>();
  const nextCrn = codeDealer(allCodes, crnCode);
  crnMap.set(bundle.case.crn, nextCrn());
  for (const c of [...crns].sort()) if (!crnMap.has(c)) crnMap.set(c, nextCrn());

  // Records in time order: `contact:1`, `info:1`...; the officers' other work after the case's contacts.
  const recordMap = new Map<string, string>();
  const bareIds = new Map<string, string>();
  let contacts = 0;
  let infos = 0;
  for (const r of inChronologyOrder(bundle.records)) {
    const n = r.kind === 'contact' ? ++contacts : ++infos;
    recordMap.set(r.id, `${r.kind === 'contact' ? 'contact' : 'info'}:${n}`);
    bareIds.set(r.kind === 'contact' ? r.contactId : r.infoId, String(n));
  }
  for (const r of inChronologyOrder(bundle.otherWork)) {
    recordMap.set(r.id, `contact:${++contacts}`);
    bareIds.set(r.contactId, String(contacts));
  }

  // Names: each word of a name gets a made-up word (first names for first words, surnames for last), the same word
  // always the same; a name's forms (whole, surname first, initial and surname, each part) are found in free text.
  const wordMap = new Map<string, string>();
  const wordFor = (w: string, first: boolean) => {
    const k = w.toLowerCase();
    let r = wordMap.get(k);
    if (!r) wordMap.set(k, (r = w.length === 1 ? deal.firstName()[0]! : first ? deal.firstName() : deal.surname()));
    return r;
  };
  const targets = new Map<string, Target>();
  const namesKey = new Map<string, string>();
  const addTarget = (key: string, t: Target) => {
    const was = targets.get(key);
    if (!was || (was.needsCapital && !t.needsCapital)) targets.set(key, t);
  };
  const addName = (name: string) => {
    const kind = 'names';
    const words = wordsOf(name);
    if (words.length === 0) return;
    const replaced = words.map((w, i) => wordFor(w, words.length > 1 && i < words.length - 1));
    const whole = normal(words.join(' '));
    addTarget(whole, { replacement: replaced.join(' '), kind, needsCapital: false });
    const theirs = spellingsOf(replaced);
    spellingsOf(words).forEach((s, i) => addTarget(s.key, { replacement: titleCase(theirs[i]!.key), kind, needsCapital: false }));
    for (const p of partsOf(name)) addTarget(normal(p), { replacement: wordMap.get(p.toLowerCase()) ?? wordFor(p, false), kind, needsCapital: COMMON_WORDS.has(normal(p)) });
    namesKey.set(name.trim(), targets.get(whole)!.replacement);
  };
  for (const code of [...people.keys()].sort()) for (const n of people.get(code)!) addName(n);
  for (const n of [...loose].sort()) addName(n);
  // A team's name keeps its plain words (`Central Team 2`) and loses its place: the place is replaced wherever it is written.
  const teamNameMap = new Map<string, string>();
  for (const name of [...teamNames].sort()) {
    const replaced = name.replace(/\p{L}[\p{L}'’-]*/gu, (w) => {
      if (TEAM_WORDS.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w)) return w;
      let r = wordMap.get(w.toLowerCase());
      if (!r) wordMap.set(w.toLowerCase(), (r = deal.place()));
      addTarget(w.toLowerCase(), { replacement: r, kind: 'teams', needsCapital: COMMON_WORDS.has(w.toLowerCase()) });
      return r;
    });
    teamNameMap.set(name, replaced);
    addTarget(normal(name), { replacement: replaced, kind: 'teams', needsCapital: false });
  }
  // The trainer's own replacements, made after the rest (a passage to redact is found in the text before them too).
  const extraTargets = new Map<string, Target>();
  for (const [word, replacement] of Object.entries(options.extra ?? {})) {
    const key = normal(word);
    if (key) extraTargets.set(key, { replacement, kind: 'extra', needsCapital: false });
  }
  const extraPattern = extraTargets.size ? new RegExp(alternation(extraTargets.keys()), 'giu') : null;

  // One pattern for every name form, and one for every code and id.
  const namePattern = targets.size ? new RegExp(alternation(targets.keys()), 'giu') : null;
  const codeTargets = new Map<string, { replacement: string; kind: ReplacementKind }>();
  for (const [o, r] of staffMap) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'staffCodes' });
  for (const [o, r] of teamMap) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'teams' });
  for (const [o, r] of providers) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'teams' });
  for (const [o, r] of crnMap) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'crn' });
  for (const [o, r] of recordMap) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'records' });
  // A bare id is replaced only where it could not be an ordinary number or word: six characters or more.
  for (const [o, r] of bareIds) if (o.length >= 6 || (/\d/.test(o) && /\p{L}/u.test(o))) codeTargets.set(o.toLowerCase(), { replacement: r, kind: 'records' });
  // -------------------------------------------------------------------------------------------------------------
  // Free text: markers, dates, codes, names, in that order (an email holds a name; a date is not a code).
  const cache = new Map<string, { out: string; hits: Hit[] }>();
  const transform = (s: string): { out: string; hits: Hit[] } => {
    const hits: Hit[] = [];
    let out = s;
    if (MAY_HOLD_MARKER.test(out)) {
      out = out.replace(MARKER_PATTERN, (...args) => {
        const found = markerMatch(args);
        const m = markerOf(found);
        if (!m) return found[0];
        hits.push([m.kind satisfies MarkerKind, found[0].slice(m.kind === 'dateOfBirth' ? found.groups!.dobCue!.length : 0), m.replacement.replace(found.groups!.dobCue ?? '', '')]);
        return m.replacement;
      });
      out = out.replace(TEXT_DATE, (...args) => {
        const found = markerMatch(args);
        const moved = shiftTextDate(found, shiftDays);
        if (moved === null) return found[0];
        hits.push(['datesInText', found[0], moved]);
        return moved;
      });
    }
    if (codeTargets.size && /\d/.test(out)) {
      out = out.replace(CODE_LIKE, (found) => {
        const t = codeTargets.get(found.toLowerCase());
        if (!t) return found;
        hits.push([t.kind, found, t.replacement]);
        return t.replacement;
      });
    }
    if (namePattern) out = replaceNames(out, namePattern, targets, hits);
    return { out, hits };
  };
  const redactions = new Map<string, Redaction[]>();
  for (const r of options.redact ?? []) redactions.set(`${r.record} ${r.field}`, [...(redactions.get(`${r.record} ${r.field}`) ?? []), r]);
  const usedRedactions = new Set<Redaction>();
  const extraCache = new Map<string, { out: string; hits: Hit[] }>();
  const placesOf = new Map<string, string[]>();
  /** A text of the case as the copy has it, at a place (`contact:12 notes`): replaced, redacted, and noted for the words to check. */
  const text = (s: string, where: string): string => {
    let made = cache.get(s);
    if (!made) cache.set(s, (made = transform(s)));
    for (const [kind, original, replacement] of made.hits) tally.add(kind, original, replacement);
    const passages = redactions.get(where) ?? [];
    const redacted = (t: string) => {
      for (const r of passages) {
        if (usedRedactions.has(r) || !r.text || !t.includes(r.text)) continue;
        t = t.split(r.text).join(REDACTED);
        usedRedactions.add(r);
        tally.add('redacted', r.text, REDACTED);
      }
      return t;
    };
    let out = passages.length ? redacted(made.out) : made.out;
    if (extraPattern) {
      let extra = extraCache.get(out);
      if (!extra) {
        const hits: Hit[] = [];
        extraCache.set(out, (extra = { out: replaceNames(out, extraPattern, extraTargets, hits), hits }));
      }
      for (const [kind, original, replacement] of extra.hits) tally.add(kind, original, replacement);
      out = passages.length ? redacted(extra.out) : extra.out;
    }
    if (/\p{Lu}/u.test(out)) {
      const places = placesOf.get(out);
      if (places) places.push(where);
      else placesOf.set(out, [where]);
    }
    return out;
  };
  const optText = (s: string | undefined, where: string) => (s === undefined ? undefined : text(s, where));
  const code = (c: string, map: Map<string, string>, kind: ReplacementKind) => {
    const r = map.get(c);
    if (r === undefined) return c;
    tally.add(kind, c, r);
    return r;
  };
  const staffCode = (c: string) => code(c, staffMap, 'staffCodes');
  const teamCode = (c: string | undefined) => (c === undefined ? undefined : code(c, teamMap, 'teams'));
  const crn = (c: string) => code(c, crnMap, 'crn');
  const ref = (r: string) => {
    const n = recordMap.get(r);
    if (n !== undefined) tally.add('records', r, n);
    return n ?? r;
  };
  // Remembered by value: 100,000 records share a few thousand dates and times.
  const movedValues = new Map<string, string>();
  const moment = (v: string) => {
    let m = movedValues.get(v);
    if (m === undefined) movedValues.set(v, (m = shiftMoment(v, shiftDays)));
    return m;
  };
  function time<T extends TimeValue | null | undefined>(t: T): T {
    return (t ? { ...t, value: moment(t.value) } : t) as T;
  }

  // Sources: a file's name could say whose it is, and its hash which file: each becomes a plain name of its kind, and
  // the hash of that name (the hash of no real file), the same in every record's provenance.
  const sourceMap = new Map<string, SourceFile>();
  bundle.sources.forEach((s, i) => {
    const fileName = `${s.kind}-${i + 1}.csv`;
    sourceMap.set(`${s.fileName}\n${s.sha256}`, { ...s, fileName, sha256: sha256Hex(fileName) });
  });
  const provenance = <P extends Provenance | undefined>(p: P): P => {
    if (!p) return p;
    const s = sourceMap.get(`${p.fileName}\n${p.sha256}`);
    const fileName = s?.fileName ?? `file-${sourceMap.size + 1}.csv`;
    return { ...p, fileName, sha256: s?.sha256 ?? sha256Hex(fileName) } as P;
  };

  // -------------------------------------------------------------------------------------------------------------
  // The copy, row by row.
  const tick = function* (): Generator<Progress> {
    done++;
    if (done % 2000 === 0) yield { done, total };
  };

  const record = <R extends CaseRecord>(r: R): R => {
    const id = ref(r.id);
    const base = {
      ...r,
      id,
      crn: crn(r.crn),
      occurred: time(r.occurred),
      summary: text(r.summary, `${id} summary`),
      notes: optText(r.notes, `${id} notes`),
      provenance: provenance(r.provenance),
    };
    if (r.kind === 'contact') {
      const c = r as ContactRecord;
      return {
        ...base,
        contactId: id.slice(id.indexOf(':') + 1),
        recorded: time(c.recorded),
        typeDescription: optText(c.typeDescription, `${id} typeDescription`),
        outcomeDescription: optText(c.outcomeDescription, `${id} outcomeDescription`),
        enforcementDescription: optText(c.enforcementDescription, `${id} enforcementDescription`),
        staffCode: staffCode(c.staffCode),
        staffName: optText(c.staffName, `${id} staffName`),
        teamCode: teamCode(c.teamCode),
        createdBy: optText(c.createdBy, `${id} createdBy`),
      } as unknown as R;
    }
    const i = r as Extract<CaseRecord, { kind: 'information' }>;
    return {
      ...base,
      infoId: id.slice(id.indexOf(':') + 1),
      reachedProbation: time(i.reachedProbation),
      cameToLight: time(i.cameToLight),
      knownToStaffCode: i.knownToStaffCode === undefined ? undefined : staffCode(i.knownToStaffCode),
      knownFrom: time(i.knownFrom),
      evidenceRef: optText(i.evidenceRef, `${id} evidenceRef`),
    } as unknown as R;
  };
  const withoutUndefined = <T extends object>(o: T): T => {
    for (const k of Object.keys(o)) if ((o as Record<string, unknown>)[k] === undefined) delete (o as Record<string, unknown>)[k];
    return o;
  };

  const records: CaseRecord[] = [];
  for (const r of bundle.records) {
    records.push(withoutUndefined(record(r)));
    yield* tick();
  }
  const otherWork: ContactRecord[] = [];
  for (const r of bundle.otherWork) {
    otherWork.push(withoutUndefined(record(r)));
    yield* tick();
  }
  const allocations: Allocation[] = [];
  for (const a of bundle.allocations) {
    const from = time(a.from);
    const moved = { ...a, crn: crn(a.crn), staffCode: staffCode(a.staffCode), from, to: time(a.to), teamCode: teamCode(a.teamCode), provenance: provenance(a.provenance) };
    const id = allocationId(moved.crn, moved.staffCode, from.value);
    allocations.push(withoutUndefined({ ...moved, id, staffName: optText(a.staffName, `${id} staffName`), reason: optText(a.reason, `${id} reason`) }));
    yield* tick();
  }
  const workload = [];
  for (const w of bundle.workload) {
    const where = `workload:${staffMap.get(w.staffCode) ?? w.staffCode}|${moment(w.snapshotDate)}`;
    workload.push(
      withoutUndefined({
        ...w,
        snapshotDate: moment(w.snapshotDate),
        staffCode: staffCode(w.staffCode),
        omName: optText(w.omName, `${where} omName`),
        teamCode: teamCode(w.teamCode),
        teamName: w.teamName === undefined ? undefined : teamName(w.teamName),
        provenance: provenance(w.provenance),
      }),
    );
    yield* tick();
  }
  function teamName(name: string) {
    const r = teamNameMap.get(name) ?? name;
    tally.add('teams', name, r);
    return r;
  }
  const teams = [];
  for (const t of bundle.teams) {
    teams.push(withoutUndefined({ ...t, snapshotDate: moment(t.snapshotDate), teamCode: code(t.teamCode, teamMap, 'teams'), teamName: t.teamName === undefined ? undefined : teamName(t.teamName), provenance: provenance(t.provenance) }));
    yield* tick();
  }
  const staff = [];
  for (const s of bundle.staff) {
    const c = staffCode(s.code);
    staff.push(withoutUndefined({ ...s, code: c, name: text(s.name, `staff:${c} name`), teamCode: teamCode(s.teamCode) }));
    yield* tick();
  }
  const reviewCopy = review ? copyReview(review, { text, ref, staffCode, shiftDays }) : undefined;
  yield { done: ++done, total };

  const caseId = options.caseId;
  const title = `Training copy: ${text(bundle.case.title, 'case title')}`;
  const copy: CaseBundle = {
    schemaVersion: bundle.schemaVersion,
    case: {
      ...bundle.case,
      id: caseId,
      crn: crn(bundle.case.crn),
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      subject: text(bundle.case.subject, 'case subject'),
      offenceAt: time(bundle.case.offenceAt),
      createdAt: options.at.toISOString(),
      trainingCopy: true,
    },
    staff,
    allocations,
    records,
    otherWork,
    workload,
    teams,
    sources: [...sourceMap.values()],
    audit: [],
    ...(reviewCopy ? { review: reviewCopy } : {}),
  };
  // Hashing every row for the trail entry takes seconds on a large case: said, so progress does not seem to stop. The
  // entry does not say how many days the dates moved: that is part of the key, and would give back the real dates.
  if (!options.preview) yield { done, total, stage: 'trail' };
  const bundleOut = options.preview ? copy : withWholeCaseEntry(copy, { who: options.who, at: options.at, kind: 'import', what: 'Training copy made: pseudonymised, every date moved by the same whole number of weeks' }, options.signing);
  yield { done: ++done, total };

  const key: TrainingKey = {
    shiftDays,
    crn: Object.fromEntries(crnMap),
    staff: Object.fromEntries(staffMap),
    teams: { ...Object.fromEntries(teamMap), ...Object.fromEntries(providers), ...Object.fromEntries(teamNameMap) },
    names: { ...Object.fromEntries(namesKey), ...Object.fromEntries(Object.entries(options.extra ?? {}).filter(([w]) => normal(w))) },
    records: Object.fromEntries(recordMap),
  };
  const replacementWords = new Set<string>();
  for (const t of [...targets.values(), ...extraTargets.values()]) for (const w of t.replacement.split(/[^\p{L}]+/u)) if (w) replacementWords.add(w.toLowerCase());
  const toCheck = stillToCheck(placesOf, cache.keys(), { known: replacementWords, confirmed: options.confirmed ?? [], proper: properWords(bundle) });
  return {
    bundle: bundleOut,
    key,
    replaced: tally.byKind,
    replacements: [...tally.rows.values()],
    toCheck,
    unredacted: (options.redact ?? []).filter((r) => !usedRedactions.has(r)),
  };
}

/** Records in the chronology's order, each one's start worked out once (100,000 records sort in a blink so). */
function inChronologyOrder<R extends CaseRecord>(records: readonly R[]): R[] {
  return records
    .map((r) => ({ r, start: earliestInstant(r.occurred), id: r.id }))
    .sort(byStartThenId)
    .map((x) => x.r);
}

/** A String.replace callback's arguments as the match they describe, groups included. */
function markerMatch(args: unknown[]): RegExpExecArray {
  const groups = typeof args.at(-1) === 'object' ? (args.at(-1) as Record<string, string | undefined>) : undefined;
  const tail = groups ? 3 : 2;
  const found = args.slice(0, args.length - tail) as string[] as unknown as RegExpExecArray;
  found.index = args[args.length - tail] as number;
  found.groups = groups as Record<string, string> | undefined;
  return found;
}

/** Every name form in a text replaced, as whole words; an ordinary word that is a name's part only with its capital. */
function replaceNames(s: string, pattern: RegExp, targets: ReadonlyMap<string, Target>, hits: Hit[]): string {
  let out = '';
  let last = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(s); found; found = pattern.exec(s)) {
    const start = found.index;
    const end = pattern.lastIndex;
    const t = targets.get(normal(found[0]));
    const whole = !(start > 0 && LETTER_OR_DIGIT.test(s[start - 1]!)) && !(end < s.length && LETTER_OR_DIGIT.test(s[end]!));
    if (!t || !whole || (t.needsCapital && !/^\p{Lu}/u.test(found[0]))) {
      pattern.lastIndex = start + 1;
      continue;
    }
    const replacement = replaceKeepingBreaks(found[0], t.replacement);
    hits.push([t.kind, found[0], replacement]);
    out += s.slice(last, start) + replacement;
    last = end;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The case's own proper words that are no one's name: agencies, contact types, outcomes. */
function properWords(bundle: CaseBundle): Set<string> {
  const proper = new Set<string>([...COMMON_WORDS, ...HONORIFICS]);
  const add = (s: string | undefined) => s?.split(/[^\p{L}'’-]+/u).forEach((w) => w && proper.add(w.toLowerCase()));
  const seen = new Set<string>();
  for (const r of [...bundle.records, ...bundle.otherWork]) {
    if (!seen.has(r.sourceAgency)) add(r.sourceAgency);
    seen.add(r.sourceAgency);
    if (r.kind !== 'contact') continue;
    for (const d of [r.typeDescription, r.outcomeDescription, r.enforcementDescription]) {
      if (d && !seen.has(d)) {
        seen.add(d);
        add(d);
      }
    }
  }
  for (const s of bundle.staff) if (isService(s.name, s.grade)) add(s.name);
  return proper;
}

interface ReviewPorts {
  text: (s: string, where: string) => string;
  ref: (r: string) => string;
  staffCode: (c: string) => string;
  shiftDays: number;
}

/** Fields of a review that hold no words: ids and choices, kept as they are. */
const REVIEW_KEEP = new Set(['id', 'episode', 'finding', 'findings', 'factors', 'policies', 'kind', 'level', 'seips', 'appraisal', 'allReasonableSteps', 'status', 'phrase', 'key', 'met', 'withinHours', 'version']);
const REVIEW_REFS = new Set(['record', 'records', 'evidence']);
const REVIEW_MOMENTS = new Set(['decisionAt', 'from', 'to', 'due', 'at']);

/** A review with every word replaced, every record reference renumbered, and every date moved (the choices kept). */
function copyReview(review: ReviewInput, ports: ReviewPorts): ReviewInput {
  const walk = (value: unknown, key: string, where: string): unknown => {
    if (typeof value === 'string') {
      if (REVIEW_KEEP.has(key)) return value;
      if (REVIEW_REFS.has(key)) return ports.ref(value);
      if (REVIEW_MOMENTS.has(key)) return shiftMoment(value, ports.shiftDays);
      if (key === 'officer') return ports.staffCode(value);
      return ports.text(value, `${where} ${key}`);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key, where));
    if (value && typeof value === 'object') {
      // Policies' recall targets name steps, not moments.
      if (key === 'targets') return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, where)]));
    }
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(review)) {
    if ((REVIEW_LISTS as readonly string[]).includes(k) && Array.isArray(v)) {
      out[k] = v.map((item: object) => {
        // Its place named as the trail names the copy's item (`review:finding:N1`), the annotation by its new record.
        const named = k === 'annotations' ? { ...item, record: ports.ref((item as { record: string }).record) } : item;
        return walk(item, '', reviewItemKey(k as (typeof REVIEW_LISTS)[number], named));
      });
    } else out[k] = walk(v, k, 'review');
  }
  return out as ReviewInput;
}
