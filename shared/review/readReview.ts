import type { z } from 'zod';
import { Review, type ReviewInput } from '../schemas/review.js';
import { OFFENCE_ID } from '../engine/caseIndex.js';

export type ReviewRead = { ok: true; review: Review } | { ok: false; path: string; message: string };

/** A path as a reader writes it: `findings[0].evidence[1]`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/**
 * A review checked against REVIEW.md §1: its schema, ids unique within each list, and every reference (episode,
 * factor, policy, record, finding) resolving. The first bad field is named by its path, in document order.
 */
export function readReview(json: unknown, recordIds: ReadonlySet<string>): ReviewRead {
  const parsed = Review.safeParse(json);
  if (!parsed.success) return schemaRefusal(parsed.error);
  const problem = firstBadReference(parsed.data, recordIds);
  return problem ? { ok: false, ...problem } : { ok: true, review: parsed.data };
}

function schemaRefusal(error: z.ZodError): ReviewRead {
  const issue = error.issues[0];
  return { ok: false, path: issue ? pathText(issue.path) : '', message: issue?.message ?? 'it does not match the schema' };
}

interface Bad {
  path: string;
  message: string;
}

/**
 * The first id used twice in a list, or reference that names nothing, in the order the fields come in the JSON
 * (policies, factors, episodes, annotations, findings, actions, responses; within an item, its fields in order).
 */
export function firstBadReference(review: Review, recordIds: ReadonlySet<string>): Bad | null {
  const idsOf = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
  const policies = idsOf(review.policies);
  const factors = idsOf(review.factors);
  const episodes = idsOf(review.episodes);
  const findings = idsOf(review.findings);
  const isRecord = (id: string) => id === OFFENCE_ID || recordIds.has(id);
  const check = (path: string, id: string, known: (id: string) => boolean, what: string): Bad | null =>
    known(id) ? null : { path, message: `"${id}" is not ${what}` };
  const each = (base: string, ids: readonly string[], known: (id: string) => boolean, what: string): Bad | null => {
    for (const [i, id] of ids.entries()) {
      const bad = check(`${base}[${i}]`, id, known, what);
      if (bad) return bad;
    }
    return null;
  };
  const inSet = (s: Set<string>) => (id: string) => s.has(id);
  const RECORD = 'a record of this case';
  const FACTOR = 'a factor in this review';
  /** Each item's id checked once seen, then its references: the first problem in document order. */
  const walk = <T extends { id: string }>(list: string, items: readonly T[], refs: (item: T, base: string) => Bad | null): Bad | null => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item.id)) return { path: `${list}[${i}].id`, message: `"${item.id}" is used twice in ${list}` };
      seen.add(item.id);
      const bad = refs(item, `${list}[${i}]`);
      if (bad) return bad;
    }
    return null;
  };
  const none = () => null;
  const bad =
    walk('policies', review.policies, none) ??
    walk('factors', review.factors, none) ??
    walk('episodes', review.episodes, (e, base) =>
      each(`${base}.records`, e.records, isRecord, RECORD) ??
      each(`${base}.policies`, e.policies, inSet(policies), 'a policy in this review') ??
      each(`${base}.factors`, e.factors, inSet(factors), FACTOR));
  if (bad) return bad;
  const annotated = new Set<string>();
  for (const [i, a] of review.annotations.entries()) {
    const wrong = check(`annotations[${i}].record`, a.record, isRecord, RECORD) ?? each(`annotations[${i}].factors`, a.factors, inSet(factors), FACTOR);
    if (wrong) return wrong;
    if (annotated.has(a.record)) return { path: `annotations[${i}].record`, message: `"${a.record}" is annotated twice` };
    annotated.add(a.record);
  }
  const later =
    walk('findings', review.findings, (f, base) =>
      (f.episode === undefined ? null : check(`${base}.episode`, f.episode, inSet(episodes), 'an episode in this review')) ??
      each(`${base}.evidence`, f.evidence, isRecord, RECORD) ??
      each(`${base}.factors`, f.factors, inSet(factors), FACTOR) ??
      firstBadDismissal(`${base}.dismissed`, f.dismissed, isRecord)) ??
    walk('actions', review.actions, (a, base) => each(`${base}.findings`, a.findings, inSet(findings), 'a finding in this review'));
  if (later) return later;
  const versions = new Set<string>();
  for (const [i, r] of review.responses.entries()) {
    const wrong = check(`responses[${i}].finding`, r.finding, inSet(findings), 'a finding in this review') ?? each(`responses[${i}].evidence`, r.evidence, isRecord, RECORD);
    if (wrong) return wrong;
    const key = `${r.finding}\u0000${r.version}`;
    if (versions.has(key)) return { path: `responses[${i}].version`, message: `version ${r.version} of the response to ${r.finding} appears twice` };
    versions.add(key);
  }
  return null;
}

function firstBadDismissal(base: string, dismissed: Review['findings'][number]['dismissed'], isRecord: (id: string) => boolean): Bad | null {
  for (const [j, d] of dismissed.entries()) {
    if (d.kind === 'lateEvidence') {
      if (d.record === undefined) return { path: `${base}[${j}].record`, message: 'a dismissed late-evidence flag names its record' };
      if (!isRecord(d.record)) return { path: `${base}[${j}].record`, message: `"${d.record}" is not a record of this case` };
    }
    if (d.kind === 'outcomeLanguage' && d.phrase === undefined) return { path: `${base}[${j}].phrase`, message: 'a dismissed outcome-language flag names its phrase' };
  }
  return null;
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
