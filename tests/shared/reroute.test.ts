import { describe, expect, it } from 'vitest';
import { recordedRows, ROW_REMOVED, verifyTrail } from '../../shared/audit/trail.js';
import { bundleRows, withWholeCaseEntry } from '../../shared/bundle/bundleRows.js';
import { rerouteContacts } from '../../shared/bundle/reroute.js';
import type { Allocation, CaseBundle, ContactRecord, InformationRecord } from '../../shared/schemas/index.js';

const day = (value: string) => ({ value, precision: 'day' as const });
const provenance = { fileName: 'f.csv', sha256: 'a'.repeat(64), row: 2 };
const contact = (n: number, crn: string): ContactRecord =>
  ({ kind: 'contact', id: `contact:${n}`, contactId: String(n), crn, occurred: day('2023-01-01'), recorded: day('2023-01-01'), staffCode: 'N07P001', sourceAgency: 'Probation', summary: 'Visit', provenance });
const info: InformationRecord = { kind: 'information', id: 'info:1', infoId: '1', crn: 'X900417', occurred: day('2023-02-01'), reachedProbation: null, sourceAgency: 'Police', summary: 'Intelligence', provenance };
const allocation: Allocation = { id: 'alloc:1', crn: 'X900417', staffCode: 'N07P001', from: day('2022-01-01'), to: null, cover: false };

/** A case imported under X900417: its contacts and information in the records, X900418's and X111111's contacts as other work. */
const imported: CaseBundle = withWholeCaseEntry(
  {
    schemaVersion: 3,
    case: { id: 'c1', crn: 'X900417', title: 'Case', subject: '', offenceAt: day('2023-11-12'), synthetic: false, createdAt: '2026-11-23T00:00:00Z' },
    records: [contact(1, 'X900417'), info, contact(2, 'X900417')],
    otherWork: [contact(3, 'X900418'), contact(4, 'X111111'), contact(5, 'X900418')],
    allocations: [allocation],
    workload: [],
    teams: [],
    staff: [],
    sources: [],
    audit: [],
  },
  { who: 'Test', at: new Date('2026-11-23T10:00:00Z'), kind: 'import', what: 'imported' },
);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const underCrn = (crn: string) => rerouteContacts({ ...imported, case: { ...imported.case, crn } });

describe('routing a case’s contacts again under a corrected CRN', () => {
  it('makes the new CRN’s contacts the records and moves the rest to other work, each table keeping its order', () => {
    const { bundle, ...moved } = underCrn('X900418');
    expect(ids(bundle.records)).toEqual(['info:1', 'contact:3', 'contact:5']);
    expect(ids(bundle.otherWork)).toEqual(['contact:4', 'contact:1', 'contact:2']);
    expect(moved).toEqual({ toRecords: 2, toOtherWork: 2, otherCrn: { information: 1, allocations: 1 } });
    expect(bundle.allocations).toEqual([allocation]);
  });

  it('changes nothing under the CRN the case already has', () => {
    const { bundle, ...moved } = underCrn('X900417');
    expect(bundle.records).toEqual(imported.records);
    expect(bundle.otherWork).toEqual(imported.otherWork);
    expect(moved).toEqual({ toRecords: 0, toOtherWork: 0, otherCrn: { information: 0, allocations: 0 } });
  });

  it('is undone by routing under the first CRN again', () => {
    const there = rerouteContacts({ ...underCrn('X900418').bundle, case: imported.case }).bundle;
    expect(new Set(there.records)).toEqual(new Set(imported.records));
    expect(new Set(there.otherWork)).toEqual(new Set(imported.otherWork));
  });

  it('leaves a trail that checks out when the whole case is recorded again: moved rows are taken out under their old keys', () => {
    const corrected = withWholeCaseEntry(underCrn('X900418').bundle, { who: 'Test', at: new Date('2026-11-24T10:00:00Z'), kind: 'edit', what: 'CRN corrected' });
    const entry = corrected.audit.at(-1);
    expect(entry?.rows?.['records:contact:1']).toBe(ROW_REMOVED);
    expect(entry?.rows?.['otherWork:contact:3']).toBe(ROW_REMOVED);
    expect(entry?.rows?.['records:info:1']).not.toBe(ROW_REMOVED);
    expect([...recordedRows(corrected.audit).keys()].sort()).toEqual([...bundleRows(corrected).keys()].sort());
    expect(verifyTrail(corrected.audit, bundleRows(corrected))).toEqual({ ok: true, entries: 2, rows: 8 });
    // The same rows without the entry that moved them do not match the trail before it.
    expect(verifyTrail(imported.audit, bundleRows(corrected))).toMatchObject({ ok: false });
  });
});
