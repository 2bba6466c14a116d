import { formatUkDate } from '../time/display.js';
import { count } from '../domain/words.js';
import { tableOfTrailKey } from './rowKeys.js';
import type { TrailCheck } from './trail.js';


const ukDate = (date: string | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatUkDate(date) : date);

/** A row the trail names by its key (`records:contact:123`, `workload:N07P012|2022-01-01`), as a reviewer would name it. */
export function rowInWords(key: string): string {
  if (key === 'case') return 'the row holding the case’s details';
  const table = tableOfTrailKey(key);
  const rest = key.slice(table.length + 1);
  // A record's key is its id: `contact:<contact id>` or `info:<info id>`.
  const [kind, ...ids] = rest.split(':');
  const id = ids.join(':');
  const [code, date] = rest.split('|');
  if (rest.startsWith('block ')) return `a block of stored ${table === 'otherWork' ? 'other work' : table}`;
  switch (table) {
    case 'records':
      return kind === 'contact' ? `contact ${id}` : kind === 'info' ? `information record ${id}` : `record ${rest}`;
    case 'otherWork':
      return `contact ${kind === 'contact' ? id : rest} in the officers’ other work`;
    case 'workload':
      return `the workload figures for ${code} on ${ukDate(date)}`;
    case 'teams':
      return `the staffing figures for team ${code} on ${ukDate(date)}`;
    case 'allocations':
      return `allocation ${rest}`;
    case 'staff':
      return `staff member ${rest}`;
    case 'sources':
      return 'the details of an imported file';
    default:
      return `a ${table} row`;
  }
}

/** How a row fails the check, from the reason the check gives (trail.ts, store/trailCheck.ts). */
function rowFault(reason: string): string {
  if (/no entry of the trail stored it/.test(reason)) return 'is in the case, but no change recorded in the trail put it there';
  if (/missing from the case/.test(reason)) return 'is missing from the case';
  if (/changed/.test(reason)) return 'has been changed since the trail recorded it';
  return 'does not match what the trail recorded';
}

/** How an entry fails the check. */
function entryFault(entry: number, reason: string): string {
  if (/do not add up/.test(reason)) return 'what the case holds is not what the trail last recorded';
  if (/missing or out of order/.test(reason)) return `entry ${entry} is missing or out of place`;
  if (/not chained/.test(reason)) return `entry ${entry} does not follow on from the entry before it`;
  if (/changed since it was written/.test(reason)) return `entry ${entry} has been changed since it was written`;
  if (/sum of the rows held/.test(reason)) return `the store’s record of what the case held after entry ${entry} has been changed`;
  if (/takes rows out/.test(reason)) return `entry ${entry} takes rows out of the case without recording the whole case`;
  if (/takes out .* which the case did not hold/.test(reason)) return `entry ${entry} takes out a row the case did not hold`;
  return `entry ${entry} does not match`;
}

/** A trail check's result in plain words: no hashes, keys or sums (those are for "Technical details"). */
export function describeTrail(trail: TrailCheck): string {
  if (trail.ok) {
    if (trail.entries === 0) return 'The audit trail is empty: no change to this case has been recorded yet.';
    const entries = trail.entries === 1 ? 'its only entry is' : `its ${count(trail.entries, 'entry', 'entries')} are`;
    return `The audit trail checks out: ${entries} in order and unaltered, and everything the case holds (${count(trail.rows, 'row')}) is as the trail last recorded it.`;
  }
  if ('entry' in trail) {
    const fault = entryFault(trail.entry, trail.reason);
    return /^what the case holds/.test(fault) ? `The case does not match its audit trail: ${fault}.` : `The audit trail does not check out: ${fault}.`;
  }
  return `The case does not match its audit trail: ${rowInWords(trail.row)} ${rowFault(trail.reason)}.`;
}

/** How many of a trail's entries are signed, not signed, and signed with a signature that does not match. */
export interface SignatureCounts {
  signed: number;
  unsigned: number;
  invalid: number;
}

/** A trail's signatures in plain words, for the line under the check's result. */
export function describeSignatures({ signed, unsigned, invalid }: SignatureCounts): string {
  const total = signed + unsigned + invalid;
  if (total === 0) return 'No entry has been signed yet.';
  if (signed === total) return total === 1 ? 'Its only entry is signed.' : total === 2 ? 'Both its entries are signed.' : `All ${count(total, 'entry', 'entries')} are signed.`;
  if (unsigned === total) return total === 1 ? 'Its only entry is not signed.' : `None of its ${count(total, 'entry', 'entries')} is signed.`;
  const parts = [
    signed > 0 && `${signed.toLocaleString('en-GB')} ${signed === 1 ? 'is' : 'are'} signed`,
    unsigned > 0 && `${unsigned.toLocaleString('en-GB')} ${unsigned === 1 ? 'is' : 'are'} not signed`,
    invalid > 0 && `${invalid.toLocaleString('en-GB')} ${invalid === 1 ? 'has a signature' : 'have signatures'} that ${invalid === 1 ? 'does' : 'do'} not match`,
  ].filter((p): p is string => Boolean(p));
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Of its ${count(total, 'entry', 'entries')}, ${listed}.`;
}

/** The check's headline when a signature does not match: never "checks out", whatever the hashes say. */
export function describeBadSignatures(invalid: number): string {
  return `The audit trail does not check out: ${count(invalid, 'entry', 'entries')} ${invalid === 1 ? 'was' : 'were'} changed after signing (the signature does not match).`;
}
