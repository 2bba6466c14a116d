import type { Review, ReviewInput } from '../schemas/review.js';

/**
 * A review's rows, each named as the audit trail names it (REVIEW.md §1): `review` for its own fields (title,
 * reviewer, terms of reference, judgement, the quality self-check), then one row per item of each list,
 * `review:episode:E1`, `review:finding:N1`, `review:annotation:contact:123`, `review:response:N1:2`, and so on.
 * These strings are hashed into trails: they must never change.
 */
export const REVIEW_ROW = 'review';

export const REVIEW_LISTS = ['policies', 'factors', 'episodes', 'annotations', 'findings', 'actions', 'responses'] as const;
export type ReviewList = (typeof REVIEW_LISTS)[number];
export type ReviewItem<L extends ReviewList> = Review[L][number];

const SINGULAR: Record<ReviewList, string> = {
  policies: 'policy',
  factors: 'factor',
  episodes: 'episode',
  annotations: 'annotation',
  findings: 'finding',
  actions: 'action',
  responses: 'response',
};

/** The trail key of one item of a review's list. */
export function reviewItemKey(list: ReviewList, item: object): string {
  const it = item as { id?: string; record?: string; finding?: string; version?: number };
  const id = list === 'annotations' ? it.record : list === 'responses' ? `${it.finding}:${it.version}` : it.id;
  return `${REVIEW_ROW}:${SINGULAR[list]}:${id}`;
}

/** Which list a review trail key belongs to (null for the review's own row, or a key that is not a review's). */
export function reviewListOf(key: string): ReviewList | null {
  const kind = key.split(':')[1];
  return REVIEW_LISTS.find((l) => SINGULAR[l] === kind) ?? null;
}

/** The review's own fields: everything but its lists. */
export function reviewHead(review: ReviewInput): Record<string, unknown> {
  const head: Record<string, unknown> = { ...review };
  for (const list of REVIEW_LISTS) delete head[list];
  return head;
}

/** Every row of a review under the key the trail names it by, the review's own row first, then each list in order. */
export function* reviewRows(review: ReviewInput): Generator<[string, unknown]> {
  yield [REVIEW_ROW, reviewHead(review)];
  for (const list of REVIEW_LISTS) {
    for (const item of review[list] ?? []) yield [reviewItemKey(list, item), item];
  }
}

/**
 * A review put back together from its rows (the store keeps one per row, with its place in its list): the inverse of
 * reviewRows. Undefined when there is no review: no rows at all.
 */
export function reviewFromRows(rows: readonly { key: string; position: number; value: unknown }[]): ReviewInput | undefined {
  if (rows.length === 0) return undefined;
  const head = rows.find((r) => r.key === REVIEW_ROW)?.value as Record<string, unknown> | undefined;
  const review: Record<string, unknown> = { ...head };
  for (const list of REVIEW_LISTS) review[list] = [];
  for (const row of [...rows].sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : 1))) {
    const list = reviewListOf(row.key);
    if (list) (review[list] as unknown[]).push(row.value);
  }
  return review as ReviewInput;
}
