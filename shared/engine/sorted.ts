/** Index of the last item whose key is ≤ `key` in an array sorted by key; -1 when there is none. */
export function lastAtOrBefore<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid] as T) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Group items by a key, each group sorted by `sortKey` (ties keep their input order). */
export function groupSorted<T>(items: readonly T[], groupOf: (item: T) => string, sortKey: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) group.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return groups;
}
