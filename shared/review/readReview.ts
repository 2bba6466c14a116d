import { z } from 'zod';
import { Review, type ReviewInput } from '../schemas/review.js';
import { OFFENCE_ID } from '../engine/caseIndex.js';
import { REVIEW_LISTS, type ReviewList } from './reviewRows.js';

export type ReviewRead = { ok: true; review: Review } | { ok: false; path: string; message: string };

/** A path as a reader writes it: `findings[0].evidence[1]`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

interface Problem {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A review checked against REVIEW.md §1: its schema, ids unique within each list, and every reference (episode,
 * factor, policy, record, finding) resolving. Of everything wrong with it, the field that comes first in the review
 * as written is named, by its path.
 */
export function readReview(json: unknown, recordIds: ReadonlySet<string>): ReviewRead {
  const parsed = Review.safeParse(json);
  // The schema's complaints first, so that where one field breaks both a type and a rule, the type is named.
  const problems: Problem[] = [...(parsed.success ? [] : parsed.error.issues), ...brokenRules(json, recordIds)];
  if (parsed.success && problems.length === 0) return { ok: true, review: parsed.data };
  const first = firstInDocument(json, problems) as Problem;
  return { ok: false, path: pathText(first.path), message: first.message };
}

type Written = Record<string, unknown>;
const isObject = (value: unknown): value is Written => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The items of a list as written that are objects, with their places: the schema speaks for the others. */
function itemsOf(review: Written, list: ReviewList): [number, Written][] {
  const items = review[list];
  return Array.isArray(items) ? items.flatMap((item, i): [number, Written][] => (isObject(item) ? [[i, item]] : [])) : [];
}

type Target = 'record' | 'policy' | 'factor' | 'episode' | 'finding';

/** The fields of each list's items that name something else, what they name, and whether they hold a list of names. */
const REFERENCES: Record<ReviewList, readonly [field: string, to: Target, many: boolean][]> = {
  policies: [],
  factors: [],
  episodes: [['records', 'record', true], ['policies', 'policy', true], ['factors', 'factor', true]],
  annotations: [['record', 'record', false], ['factors', 'factor', true]],
  findings: [['episode', 'episode', false], ['evidence', 'record', true], ['factors', 'factor', true]],
  actions: [['findings', 'finding', true]],
  responses: [['finding', 'finding', false], ['evidence', 'record', true]],
};

interface Identity {
  field: string;
  of: (item: Written) => string | null;
  twice: (item: Written, list: string) => string;
}

const BY_ID: Identity = {
  field: 'id',
  of: (item) => (typeof item.id === 'string' ? item.id : null),
  twice: (item, list) => `"${String(item.id)}" is used twice in ${list}`,
};

/**
 * What makes an item of a list one row of the trail, and so must not repeat: its id, or for an annotation its record
 * and for a response its finding and version. The field named when an item repeats it, and what is said.
 */
const IDENTITY: Record<ReviewList, Identity> = {
  policies: BY_ID,
  factors: BY_ID,
  episodes: BY_ID,
  findings: BY_ID,
  actions: BY_ID,
  annotations: { field: 'record', of: (a) => (typeof a.record === 'string' ? a.record : null), twice: (a) => `"${String(a.record)}" is annotated twice` },
  responses: {
    field: 'version',
    of: (r) => (typeof r.finding === 'string' && typeof r.version === 'number' ? `${r.finding}\u0000${r.version}` : null),
    twice: (r) => `version ${String(r.version)} of the response to ${String(r.finding)} appears twice`,
  },
};

/** Every id used twice in its list, and every reference that names nothing, wherever the review's shape allows a look. */
function brokenRules(json: unknown, recordIds: ReadonlySet<string>): Problem[] {
  if (!isObject(json)) return [];
  const inList = (list: ReviewList, what: string) => {
    const ids = new Set(itemsOf(json, list).flatMap(([, item]) => (typeof item.id === 'string' ? [item.id] : [])));
    return { has: (id: string) => ids.has(id), what };
  };
  const targets: Record<Target, { has: (id: string) => boolean; what: string }> = {
    record: { has: (id) => id === OFFENCE_ID || recordIds.has(id), what: 'a record of this case' },
    policy: inList('policies', 'a policy in this review'),
    factor: inList('factors', 'a factor in this review'),
    episode: inList('episodes', 'an episode in this review'),
    finding: inList('findings', 'a finding in this review'),
  };
  const problems: Problem[] = [];
  const refer = (path: PropertyKey[], value: unknown, to: Target) => {
    if (typeof value === 'string' && !targets[to].has(value)) problems.push({ path, message: `"${value}" is not ${targets[to].what}` });
  };
  for (const list of REVIEW_LISTS) {
    const seen = new Set<string>();
    const identity = IDENTITY[list];
    for (const [i, item] of itemsOf(json, list)) {
      const key = identity.of(item);
      if (key !== null && seen.has(key)) problems.push({ path: [list, i, identity.field], message: identity.twice(item, list) });
      if (key !== null) seen.add(key);
      for (const [field, to, many] of REFERENCES[list]) {
        const value = item[field];
        if (!many) refer([list, i, field], value, to);
        else if (Array.isArray(value)) value.forEach((v, j) => refer([list, i, field, j], v, to));
      }
      // A dismissed late-evidence flag names its record.
      if (list === 'findings' && Array.isArray(item.dismissed)) {
        item.dismissed.forEach((d, j) => isObject(d) && refer([list, i, 'dismissed', j, 'record'], d.record, 'record'));
      }
    }
  }
  return problems;
}

/** The problem whose field comes first in the review as written (on a tie, the one listed first). */
function firstInDocument(json: unknown, problems: readonly Problem[]): Problem | undefined {
  const placed = problems.map((problem) => ({ problem, place: placeOf(json, problem.path) }));
  placed.sort((a, b) => comparePlaces(a.place, b.place));
  return placed[0]?.problem;
}

function comparePlaces(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/**
 * Where a field sits in the review as written: at each level, its place among the fields (or items) written there. A
 * field left out sits where the schema would have it: just after the last field written that the schema puts before it.
 */
function placeOf(json: unknown, path: readonly PropertyKey[]): number[] {
  const place: number[] = [];
  let value = json;
  let schema: z.ZodType | undefined = Review;
  for (const key of path) {
    if (Array.isArray(value)) place.push(Number(key));
    else if (isObject(value)) {
      const written = Object.keys(value);
      const at = written.indexOf(String(key));
      if (at < 0) {
        const order = fieldsOf(schema);
        const before = order.slice(0, Math.max(0, order.indexOf(String(key)))).map((field) => written.indexOf(field));
        place.push(Math.max(-1, ...before) + 0.5);
        return place;
      }
      place.push(at);
    } else return place;
    value = (value as Written)[key as string];
    schema = partOf(schema, key);
  }
  return place;
}

/** A schema without the optional, nullable or default around it. */
function bare(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** An object schema's fields, in the schema's order. */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  const s = bare(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The schema of a field of an object, or an item of a list, or a value of a record. */
function partOf(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  const s = bare(schema);
  if (s instanceof z.ZodObject) return (s.shape as Record<string, z.ZodType>)[String(key)];
  if (s instanceof z.ZodArray) return s.element as z.ZodType;
  if (s instanceof z.ZodRecord) return s.valueType as z.ZodType;
  return undefined;
}

/**
 * A review file (`bundle --review FILE`): its JSON, checked against REVIEW.md §1, kept as written. The reason it is
 * refused names the path of the first bad field.
 */
export function reviewOfFile(text: string, records: readonly { id: string }[]): { ok: true; review: ReviewInput } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not a review: the JSON cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  const read = readReview(json, new Set(records.map((r) => r.id)));
  if (!read.ok) return { ok: false, message: `${read.path || 'the review'}: ${read.message}` };
  return { ok: true, review: json as ReviewInput };
}
