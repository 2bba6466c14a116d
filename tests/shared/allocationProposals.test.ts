import { describe, expect, it } from 'vitest';
import { proposeAllocations } from '../../shared/domain/allocationProposals.js';
import type { ContactRecord } from '../../shared/schemas/record.js';
import { demoManifest, readText } from '../helpers/demoFiles.js';
import { demoBytes } from '../helpers/demoFiles.js';

const contact = (id: string, date: string, typeCode: string, notes: string): ContactRecord => ({
  kind: 'contact', id: `contact:${id}`, contactId: id, crn: 'X123456', occurred: { value: date, precision: 'day' }, recorded: { value: date, precision: 'day' },
  sourceAgency: 'Probation', summary: '', staffCode: 'N07S020', typeCode, notes, provenance: { fileName: 'c.csv', sha256: 'a'.repeat(64), row: 2 },
});

describe('proposing allocations from transfer contacts', () => {
  it('proposes the demo case\'s handover from its ROC contact, with the first holder from "Previous Details"', () => {
    const r = readText('contacts.csv', new TextDecoder().decode(demoBytes('contacts.csv')));
    const proposals = proposeAllocations(demoManifest.crn, r.kind === 'contacts' ? r.items : []);
    expect(proposals.map((p) => [p.staffCode, p.from.value, p.to?.value ?? null, p.cover])).toEqual([
      ['N07P101', '2022-05-16', '2023-01-31', false],
      ['N07P214', '2023-02-01', null, false],
    ]);
    expect(proposals[1]).toMatchObject({ staffName: 'James Whitfield', reason: 'Officer left team', basis: expect.stringMatching(/^contact:/) });
  });

  it('chains several transfers, each ending the day before the next begins', () => {
    const proposals = proposeAllocations('X123456', [
      contact('1', '2022-01-10', 'COAP', 'first contact'),
      contact('2', '2022-03-01', 'ROC', 'New Details: A Smith (N07P001)\nPrevious Details: B Jones (N07P002)\nAllocation Reason: Initial'),
      contact('3', '2022-09-15', 'ROC', 'New Details: C Brown (N07P003)\nPrevious Details: A Smith (N07P001)\nAllocation Reason: Caseload adjustment'),
    ]);
    expect(proposals.map((p) => [p.staffCode, p.from.value, p.to?.value ?? null])).toEqual([
      ['N07P002', '2022-01-10', '2022-02-28'],
      ['N07P001', '2022-03-01', '2022-09-14'],
      ['N07P003', '2022-09-15', null],
    ]);
  });

  it('proposes nothing when there are no transfer contacts, rather than guessing', () => {
    expect(proposeAllocations('X123456', [contact('1', '2022-01-10', 'COAP', 'seen')])).toEqual([]);
  });

  it('ignores transfer contacts that name no officer', () => {
    expect(proposeAllocations('X123456', [contact('1', '2022-01-10', 'ETOM', 'Transfer recorded')])).toEqual([]);
  });
});
