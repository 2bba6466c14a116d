import type { Review } from '../schemas/review.js';
import { REVIEW_ROW, reviewItemKey, type ReviewList, type ReviewItem } from './reviewRows.js';

/**
 * Changes to a review as the trail records them: each one names the items it sets (by their trail keys) and says what
 * it did in plain words. The store applies them (renderer/src/store/review.ts); they are worked out here, once.
 */
export interface ReviewChange {
  key: string;
  /** The item's new value; null takes it out. */
  after: unknown;
}

export interface ReviewEdit {
  what: string;
  changes: ReviewChange[];
}

const PREFIX: Record<Exclude<ReviewList, 'annotations' | 'responses'>, string> = { policies: 'P', factors: 'F', episodes: 'E', findings: 'N', actions: 'A' };

const NAME: Record<ReviewList, string> = {
  policies: 'Policy',
  factors: 'Contributory factor',
  episodes: 'Key practice episode',
  annotations: 'Chronology notes for',
  findings: 'Finding',
  actions: 'Action',
  responses: 'Response to',
};

/** The next free id of a list: E1, E2, ... (one more than the highest number used, so a deleted id is never reused). */
export function nextId(review: Review | null, list: keyof typeof PREFIX): string {
  const prefix = PREFIX[list];
  const used = (review?.[list] ?? []).map((item) => (item.id.startsWith(prefix) ? Number(item.id.slice(prefix.length)) : 0)).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

/** An item added or replaced, whole. */
export function putItem<L extends ReviewList>(list: L, item: ReviewItem<L>, added: boolean): ReviewEdit {
  const key = reviewItemKey(list, item);
  return { what: `${NAME[list]} ${idOf(list, item)} ${added ? 'added' : 'changed'}`, changes: [{ key, after: item }] };
}

/** An item taken out, and every reference to it in the rest of the review with it (so the review stays whole). */
export function removeItem(review: Review, list: Exclude<ReviewList, 'responses'>, id: string): ReviewEdit {
  const key = reviewItemKey(list, list === 'annotations' ? { record: id } : { id });
  const changes: ReviewChange[] = [{ key, after: null }];
  const without = (ids: readonly string[]) => ids.filter((x) => x !== id);
  const refer = <T extends object>(l: ReviewList, items: readonly T[], field: keyof T) => {
    for (const item of items) {
      const ids = item[field] as unknown;
      if (Array.isArray(ids) && ids.includes(id)) changes.push({ key: reviewItemKey(l, item), after: { ...item, [field]: without(ids as string[]) } });
      else if (ids === id) {
        const { [field]: _, ...rest } = item;
        changes.push({ key: reviewItemKey(l, item), after: rest });
      }
    }
  };
  if (list === 'factors') {
    refer('episodes', review.episodes, 'factors');
    refer('annotations', review.annotations, 'factors');
    refer('findings', review.findings, 'factors');
  }
  if (list === 'policies') refer('episodes', review.episodes, 'policies');
  if (list === 'episodes') refer('findings', review.findings, 'episode');
  if (list === 'findings') refer('actions', review.actions, 'findings');
  return { what: `${NAME[list]} ${id} deleted`, changes };
}

function idOf(list: ReviewList, item: object): string {
  const it = item as { id?: string; record?: string; finding?: string; version?: number };
  return list === 'annotations' ? (it.record ?? '') : list === 'responses' ? `${it.finding} (version ${it.version})` : (it.id ?? '');
}

/** The review's own fields changed (title, terms of reference, judgement, quality answers). */
export function putHead(review: Review | null, head: Partial<Omit<Review, ReviewList>>, what: string): ReviewEdit {
  const current = review ? Object.fromEntries(Object.entries(review).filter(([k]) => !['policies', 'factors', 'episodes', 'annotations', 'findings', 'actions', 'responses'].includes(k))) : {};
  return { what, changes: [{ key: REVIEW_ROW, after: { ...current, ...head } }] };
}
