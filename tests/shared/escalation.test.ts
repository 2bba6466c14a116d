import { describe, expect, it } from 'vitest';
import { CaseIndex, type CaseData } from '../../shared/engine/caseIndex.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { ESCALATION_RULES, escalationEvidence } from '../../shared/review/escalation.js';
import { decisionInstant } from '../../shared/review/flags.js';
import type { Allocation, ContactRecord } from '../../shared/schemas/index.js';
import type { TimeValue } from '../../shared/time/precision.js';
import { demoWithReview } from '../helpers/demoReview.js';

function time(text: string): TimeValue {
  const read = parseDateTime(text);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}
const at = (text: string) => decisionInstant({ decisionAt: text }) as number;

const provenance = { fileName: 'x.csv', sha256: '0'.repeat(64), row: 2 };
const contact = (n: number, occurred: string, staffCode: string, typeCode: string, typeDescription: string, notes = '', more: Partial<ContactRecord> = {}): ContactRecord => ({
  kind: 'contact', id: `contact:${n}`, contactId: String(n), crn: 'X123456', occurred: time(occurred), recorded: time(occurred), sourceAgency: 'Probation',
  summary: typeDescription, typeCode, typeDescription, notes, provenance, staffCode, ...more,
});
const allocation = (staffCode: string, from: string, to: string | null): Allocation => ({ id: `a:${staffCode}`, crn: 'X123456', staffCode, from: time(from), to: to ? time(to) : null, cover: false });

/** Ann (N07P001) holds the case from 1 Mar 2023; Bo (N07P002) held it before; Sam (N07S009) is the SPO. */
const RECORDS: ContactRecord[] = [
  contact(1, '2023-02-10T10:00', 'N07S009', 'MO1', 'Management oversight', 'Case reviewed with the PO.'), // Bo's time: not Ann's
  contact(2, '2023-03-06T10:00', 'N07S009', 'MO1', 'Management oversight', 'Plan agreed.', { staffGrade: 'SPO', staffName: 'Sam Reid' }),
  contact(3, '2023-03-13', 'N07P001', 'CSPO', 'Consultation with manager', 'Raised my caseload with the SPO: 58 cases and two court reports this week.'),
  contact(4, '2023-03-14T09:00', 'N07P001', 'COAP', 'Planned Office Visit (NS)', 'Did not attend. Refer to offender manager for enforcement.'),
  contact(5, '2023-03-15T09:00', 'N07P001', 'C238', 'Case discussion', 'Risk to the partner raised with the SPO; police checks to be requested.'),
  contact(6, '2023-03-16T09:00', 'N07P002', 'COAP', 'Planned Office Visit (NS)', 'My caseload is high.'), // Bo's own words, not Ann's
  contact(7, '2023-03-17T09:00', 'N07S009', 'MO5', 'Management Oversight - Recall', 'Recall considered. Officer capacity discussed: caseload of 58.', { outcomeDescription: 'Decision not to recall', staffGrade: 'SPO', staffName: 'Sam Reid' }),
  contact(8, '2023-03-20T15:00', 'N07P001', 'CSPO', 'Consultation with manager', 'Asked for a joint home visit.'),
  contact(9, '2023-03-21T09:00', 'N07P001', 'COAP', 'Planned Office Visit (NS)', 'Attended. Mental capacity not in question.'),
];
const OTHER: ContactRecord[] = [
  { ...contact(90, '2023-03-08T16:00', 'N07P001', 'CSPO', 'Consultation with manager', 'Workload: asked the SPO for no new allocations this month.'), crn: 'X999999' },
  { ...contact(91, '2023-03-09T16:00', 'N07P001', 'COAP', 'Planned Office Visit (NS)', 'Seen; SPO to countersign.'), crn: 'X999999' },
];
const CASE: CaseData = {
  case: { crn: 'X123456', offenceAt: time('2023-11-12T02:17') },
  records: RECORDS,
  otherWork: OTHER,
  workload: [],
  teams: [],
  staff: [{ code: 'N07P001', name: 'Ann Okafor' }, { code: 'N07P002', name: 'Bo Lee' }, { code: 'N07S009', name: 'Sam Reid', grade: 'SPO' }],
  allocations: [allocation('N07P002', '2022-01-01', '2023-02-28'), allocation('N07P001', '2023-03-01', null)],
};
const index = new CaseIndex(CASE);

describe('escalation evidence', () => {
  it('lists, in time order, the oversight recorded and the workload and concerns the officer raised, up to the decision', () => {
    const entries = escalationEvidence(index, 'N07P001', at('2023-03-21T12:00'));
    expect(entries.map((e) => [e.records[0], e.kind, e.text])).toEqual([
      ['contact:2', 'oversight', 'Management oversight recorded by Sam Reid (SPO)'],
      ['contact:90', 'workloadRaised', 'Workload raised in supervision with the SPO on another case'],
      ['contact:3', 'workloadRaised', 'Caseload raised in supervision with the SPO'],
      ['contact:5', 'raisedWithManager', 'Raised with the SPO in a contact (Case discussion)'],
      ['contact:7', 'workloadRaised', 'Capacity recorded in management oversight of a recall by Sam Reid (SPO)'],
      ['contact:8', 'supervision', 'Consultation with manager recorded by Ann Okafor'],
    ]);
    expect(entries.find((e) => e.records[0] === 'contact:3')?.quote).toBe('Raised my caseload with the SPO: 58 cases and two court reports this week.');
    expect(entries.find((e) => e.records[0] === 'contact:3')?.at).toEqual({ value: '2023-03-13', precision: 'day' });
    for (const e of entries) expect(e.rule).toBe(ESCALATION_RULES[e.kind]);
  });

  it("leaves out another officer's words, oversight before the officer held the case, an offender manager, mental capacity and other cases' talk of an SPO", () => {
    const ids = escalationEvidence(index, 'N07P001', at('2023-03-21T12:00')).flatMap((e) => e.records);
    for (const left of ['contact:1', 'contact:4', 'contact:6', 'contact:9', 'contact:91']) expect(ids).not.toContain(left);
    // The oversight before 1 Mar was of Bo's work, while Bo held the case.
    expect(escalationEvidence(index, 'N07P002', at('2023-03-21T12:00')).map((e) => e.records[0])).toEqual(['contact:1', 'contact:6']);
  });

  it('counts a record only once it had certainly happened: a date alone on the decision day is the end of that day', () => {
    const before = escalationEvidence(index, 'N07P001', at('2023-03-13T17:00')).flatMap((e) => e.records);
    expect(before).not.toContain('contact:3');
    expect(escalationEvidence(index, 'N07P001', at('2023-03-13')).flatMap((e) => e.records)).toContain('contact:3');
    expect(escalationEvidence(index, 'N07P001', at('2023-03-05T12:00'))).toEqual([]);
  });

  it('a manager’s oversight that names the officer counts even when they did not hold the case', () => {
    const named = new CaseIndex({ ...CASE, records: [...RECORDS, contact(20, '2023-02-20T10:00', 'N07S009', 'MO1', 'Management oversight', 'Discussed with Ann Okafor before the transfer.')] });
    expect(escalationEvidence(named, 'N07P001', at('2023-02-21')).map((e) => e.records[0])).toEqual(['contact:20']);
  });

  it('on the demo case: James Whitfield’s escalation before the decision not to recall', () => {
    const { index: demo } = demoWithReview();
    const entries = escalationEvidence(demo, 'N07P214', at('2023-09-22T12:00'));
    expect(entries.map((e) => [e.records[0], e.kind])).toEqual([
      ['contact:2600000308', 'oversight'],
      ['contact:2600000309', 'oversight'],
      ['contact:2600000322', 'supervision'],
      ['contact:2600000323', 'workloadRaised'],
      ['contact:2600000310', 'oversight'],
    ]);
    expect(entries[3]?.text).toBe('Caseload raised in supervision with the manager');
    expect(entries[3]?.quote).toBe('Caseload increased by four cases transferred from a vacant post.');
    // The recall oversight that afternoon came after the decision.
    expect(entries.flatMap((e) => e.records)).not.toContain('contact:2600000334');
  });
});
