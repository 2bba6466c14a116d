import type { Allocation } from '../schemas/allocation.js';
import { earliestInstant, latestInstant } from '../time/london.js';

/** An allocation spans a moment from the start of its `from` to the end of its `to`; a blank `to`: still held. */
export function allocationSpans(a: Allocation, at: number): boolean {
  return earliestInstant(a.from) <= at && (a.to === null || at <= latestInstant(a.to));
}

/** The allocations (cover included) that span a moment. */
function allocationsAt(allocations: readonly Allocation[], at: number): Allocation[] {
  return allocations.filter((a) => allocationSpans(a, at));
}

/**
 * Who held the case at a moment: cover first (during cover the covering officer does the work), then the
 * allocated officer; null in a gap between allocations.
 */
export function holderAt(allocations: readonly Allocation[], at: number): Allocation | null {
  const spanning = allocationsAt(allocations, at);
  return spanning.find((a) => a.cover) ?? spanning[0] ?? null;
}
