import type { Policy } from '../schemas/review.js';
import { formatUkDate } from '../time/display.js';

/**
 * The policy in force: a review judges each decision by the guidance of its day. A policy applied from its `from`
 * date to its `to` date, both whole days and both optional (no `from`: in force for as long as the case runs back;
 * no `to`: still in force).
 */
export function inForceOn(policy: Pick<Policy, 'from' | 'to'>, date: string): boolean {
  return (policy.from == null || policy.from <= date) && (policy.to == null || date <= policy.to);
}

/** The policies of a review in force on a date, in the register's order. */
export function policiesInForce<P extends Pick<Policy, 'from' | 'to'>>(policies: readonly P[], date: string): P[] {
  return policies.filter((p) => inForceOn(p, date));
}

/** How a policy was out of force on a date (`was not yet in force: it applied from 1 Jan 2024`), or null when in force. */
export function outOfForce(policy: Pick<Policy, 'from' | 'to'>, date: string): string | null {
  if (policy.from != null && date < policy.from) return `was not yet in force: it applied from ${formatUkDate(policy.from)}`;
  if (policy.to != null && date > policy.to) return `was no longer in force: it applied until ${formatUkDate(policy.to)}`;
  return null;
}

/** Why citing a policy at a decision is wrong, in plain words, or null when it was in force then. */
export function citedOutOfDate(policy: Pick<Policy, 'name' | 'from' | 'to'>, date: string): string | null {
  const why = outOfForce(policy, date);
  return why && `${policy.name} ${why}`;
}

/** A policy's dates in words: `from 26 Jun 2021 to 31 Mar 2023`. */
export const policyDates = (p: Pick<Policy, 'from' | 'to'>): string =>
  p.from && p.to ? `from ${formatUkDate(p.from)} to ${formatUkDate(p.to)}` : p.from ? `from ${formatUkDate(p.from)}` : p.to ? `until ${formatUkDate(p.to)}` : 'with no dates given';

export const POLICY_RULE = 'Each decision is judged by the guidance in force on the day it was made: a policy applies from its first date to its last, inclusive.';
