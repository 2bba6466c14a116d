import { describe, expect, it } from 'vitest';
import { appendEntry, ROW_REMOVED, rowDigest, verifyTrail, type AuditEntry, type AuditKind } from '../../shared/audit/trail.js';
import { describeTrail } from '../../shared/audit/trailWords.js';

const a = { n: 1 };
const b = { n: 2 };
const entry = (kind: AuditKind, rows: Record<string, string>) => ({ at: '2026-12-01T09:00:00Z', who: 'A. Reviewer', kind, what: kind, rows });
const imported = appendEntry([], entry('import', { 'records:contact:1': rowDigest(a), 'records:contact:2': rowDigest(b) }));
const holding = (...rows: [string, unknown][]) => new Map(rows);

describe('taking a row out of a case, as the trail records it', () => {
  it('a whole-case correction may take a row out: it records every row the case held', () => {
    const trail = appendEntry(imported, entry('edit', { 'records:contact:1': rowDigest(a), 'records:contact:2': ROW_REMOVED, 'otherWork:contact:2': rowDigest(b) }));
    expect(verifyTrail(trail, holding(['records:contact:1', a], ['otherWork:contact:2', b]))).toEqual({ ok: true, entries: 2, rows: 2 });
  });

  it('a small entry that quietly takes a row out is a break, named by its entry', () => {
    const trail = appendEntry(imported, entry('note', { 'records:contact:2': ROW_REMOVED }));
    const check = verifyTrail(trail, holding(['records:contact:1', a]));
    expect(check).toEqual({ ok: false, entry: 2, reason: 'entry 2 takes rows out of the case without recording the whole case' });
    expect(describeTrail(check)).toBe('The audit trail does not check out: entry 2 takes rows out of the case without recording the whole case.');
  });

  it('an edit that takes a row out but leaves other rows unrecorded is a break too', () => {
    const trail: AuditEntry[] = appendEntry(imported, entry('edit', { 'records:contact:2': ROW_REMOVED }));
    expect(verifyTrail(trail, holding(['records:contact:1', a]))).toMatchObject({ ok: false, entry: 2 });
  });

  it('taking out a row the case never held is a break', () => {
    const trail = appendEntry(imported, entry('restore', { 'records:contact:1': rowDigest(a), 'records:contact:2': rowDigest(b), 'records:contact:9': ROW_REMOVED }));
    expect(verifyTrail(trail, holding(['records:contact:1', a], ['records:contact:2', b]))).toEqual({ ok: false, entry: 2, reason: 'entry 2 takes out records:contact:9, which the case did not hold' });
  });
});
