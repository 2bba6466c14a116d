import type { Allocation } from '../schemas/allocation.js';
import type { Staff } from '../schemas/staff.js';
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

/**
 * Whose view it is by default: whoever held the case at the moment (cover first); in a gap, whoever held it last;
 * before any allocation, the first officer to hold it; with no allocations, the first officer named.
 */
export function defaultOfficer(allocations: readonly Allocation[], staff: readonly Staff[], at: number): string | null {
  const holder = holderAt(allocations, at);
  if (holder) return holder.staffCode;
  const byStart = [...allocations].sort((a, b) => earliestInstant(a.from) - earliestInstant(b.from));
  const last = byStart.filter((a) => earliestInstant(a.from) <= at).pop();
  return last?.staffCode ?? byStart[0]?.staffCode ?? staff[0]?.code ?? null;
}
