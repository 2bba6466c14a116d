import { allocationId } from '../audit/rowKeys.js';
import type { Allocation } from '../schemas/allocation.js';
import type { ContactRecord } from '../schemas/record.js';
import { addDaysToDate } from '../time/calendar.js';
import { earliestInstant, londonDateOfTime } from '../time/london.js';

/** nDelius writes these when the responsible officer changes (workforce-allocations-to-delius). */
const TRANSFER_TYPES = ['ETOM', 'ROC'];

export function isTransferContact(contact: ContactRecord): boolean {
  return TRANSFER_TYPES.includes(contact.typeCode?.toUpperCase() ?? '');
}

const STAFF_CODE = /\b([A-Z0-9]{7})\b/;

function detailsAfter(notes: string, label: string): string | undefined {
  const match = new RegExp(`${label}\\s*:\\s*([^\\n]*)`, 'i').exec(notes);
  return match?.[1]?.trim() || undefined;
}

/** The officer a transfer contact names as new (or previous): a staff code and, where written, a name. */
function officerIn(text: string | undefined): { staffCode: string; staffName?: string } | null {
  const code = text ? STAFF_CODE.exec(text)?.[1] : undefined;
  if (!text || !code) return null;
  const name = text.replace(/\(?\b[A-Z0-9]{7}\b\)?/, '').replace(/[,;:]\s*$/, '').trim();
  return name ? { staffCode: code, staffName: name } : { staffCode: code };
}

export interface AllocationProposal extends Allocation {
  /** The transfer contact the proposal rests on, or null for the first holder (read from a "Previous Details" line). */
  basis: string | null;
}

/**
 * Propose who held the case when, from its transfer contacts: each ROC (or ETOM naming a new officer) starts an
 * allocation on its date and ends the one before on the day before. The first holder comes from the first
 * transfer's "Previous Details", held from the case's first contact. Nothing here is stored: the reviewer confirms.
 */
export function proposeAllocations(crn: string, contacts: readonly ContactRecord[]): AllocationProposal[] {
  const caseContacts = contacts.filter((c) => c.crn === crn);
  const transfers = caseContacts
    .filter(isTransferContact)
    .map((c) => ({ contact: c, next: officerIn(detailsAfter(c.notes ?? '', 'New Details')), previous: officerIn(detailsAfter(c.notes ?? '', 'Previous Details')), reason: detailsAfter(c.notes ?? '', 'Allocation Reason') }))
    .filter((t) => t.next !== null)
    .sort((a, b) => earliestInstant(a.contact.occurred) - earliestInstant(b.contact.occurred));
  // ETOM and ROC are often written together for one change: keep one per officer and date.
  const changes = transfers.filter((t, i) => {
    const prev = transfers[i - 1];
    return !prev || prev.next?.staffCode !== t.next?.staffCode || londonDateOfTime(prev.contact.occurred) !== londonDateOfTime(t.contact.occurred);
  });
  if (changes.length === 0) return [];
  const proposals: AllocationProposal[] = [];
  const first = changes[0];
  const firstContact = caseContacts.reduce<ContactRecord | null>((a, c) => (!a || earliestInstant(c.occurred) < earliestInstant(a.occurred) ? c : a), null);
  if (first?.previous && firstContact) {
    const from = londonDateOfTime(firstContact.occurred);
    const to = addDaysToDate(londonDateOfTime(first.contact.occurred), -1);
    if (from <= to) {
      proposals.push({ id: allocationId(crn, first.previous.staffCode, from), crn, ...first.previous, from: { value: from, precision: 'day' }, to: { value: to, precision: 'day' }, cover: false, reason: 'First holder, from the first transfer\'s previous details', basis: null });
    }
  }
  changes.forEach((t, i) => {
    const from = londonDateOfTime(t.contact.occurred);
    const next = changes[i + 1];
    const to = next ? addDaysToDate(londonDateOfTime(next.contact.occurred), -1) : null;
    proposals.push({
      id: allocationId(crn, `${t.next?.staffCode}`, from),
      crn,
      ...(t.next as { staffCode: string; staffName?: string }),
      from: { value: from, precision: 'day' },
      to: to ? { value: to, precision: 'day' } : null,
      cover: false,
      ...(t.reason ? { reason: t.reason } : {}),
      basis: t.contact.id,
    });
  });
  return proposals;
}
