import type { Policy } from '../schemas/review.js';

/**
 * Whether a policy applied on a date (`YYYY-MM-DD`): from its `from` date to its `to` date, both days included. A
 * missing `from` means it applied from the start of the case's records, a missing `to` that it still applies.
 */
export function policyInForce(policy: Pick<Policy, 'from' | 'to'>, date: string): boolean {
  return (!policy.from || policy.from <= date) && (!policy.to || date <= policy.to);
}
