import { describe, expect, it } from 'vitest';
import { filterActivity } from '../../shared/audit/activity.js';
import { appendEntry, type AuditEntry, type NewAuditEntry } from '../../shared/audit/trail.js';

const entry = (at: string, who: string, kind: NewAuditEntry['kind']): NewAuditEntry => ({ at, who, kind, what: `${kind} by ${who}` });
const trail = [
  entry('2026-06-30T23:30:00Z', 'Alex', 'import'), // 1 Jul in London (BST)
  entry('2026-07-02T09:00:00Z', 'Sam', 'edit'),
  entry('2026-12-31T23:30:00Z', 'Alex', 'bundleSent'), // still 31 Dec in London (GMT)
].reduce<AuditEntry[]>((t, e) => appendEntry(t, e), []);
const seqs = (entries: AuditEntry[]) => entries.map((e) => e.seq);

describe('the activity filter', () => {
  it('lists every entry, newest first, with no filter', () => {
    expect(seqs(filterActivity(trail, {}))).toEqual([3, 2, 1]);
  });

  it('narrows by person and by kind', () => {
    expect(seqs(filterActivity(trail, { who: 'Alex' }))).toEqual([3, 1]);
    expect(seqs(filterActivity(trail, { who: 'Alex', kind: 'import' }))).toEqual([1]);
  });

  it('narrows by the London day an entry was made, inclusive at both ends', () => {
    expect(seqs(filterActivity(trail, { from: '2026-07-01', to: '2026-07-01' }))).toEqual([1]);
    expect(seqs(filterActivity(trail, { from: '2026-07-02' }))).toEqual([3, 2]);
    expect(seqs(filterActivity(trail, { to: '2026-12-31' }))).toEqual([3, 2, 1]);
    expect(seqs(filterActivity(trail, { from: '2027-01-01' }))).toEqual([]);
  });
});
