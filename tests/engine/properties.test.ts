import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfReport, AS_OF_LISTS } from '../../shared/engine/asOf.js';
import { CaseIndex, type CaseData } from '../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES, knowledgeState } from '../../shared/engine/knowledge.js';
import type { CaseRecord } from '../../shared/schemas/index.js';

const provenance = { fileName: 'x.csv', sha256: '0'.repeat(64), row: 2 };
const START = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;
const OFFICERS = ['N07P001', 'N07P002', 'N07P003'];

/** A time within 2023, exact or known only to the day. */
const time = fc.record({ day: fc.integer({ min: 0, max: 364 }), minute: fc.integer({ min: 0, max: 1439 }), exact: fc.boolean() }).map(({ day, minute, exact }) => {
  const t = START + day * DAY + minute * 60_000;
  return exact ? { value: new Date(t).toISOString(), precision: 'exact' as const } : { value: new Date(t).toISOString().slice(0, 10), precision: 'day' as const };
});

const contact = fc.record({ n: fc.integer({ min: 1, max: 1e9 }), occurred: time, lateBy: fc.integer({ min: 0, max: 30 }), staff: fc.constantFrom(...OFFICERS) }).map(
  ({ n, occurred, lateBy, staff }): CaseRecord => ({
    kind: 'contact', id: `contact:${n}`, contactId: String(n), crn: 'X123456', occurred, sourceAgency: 'Probation', summary: '', provenance, staffCode: staff,
    recorded: lateBy === 0 ? occurred : { value: new Date(Date.parse(occurred.value) + lateBy * DAY).toISOString().slice(0, 10), precision: 'day' },
  }),
);

const info = fc.record({ n: fc.integer({ min: 1, max: 1e9 }), occurred: time, agency: fc.constantFrom('Police', 'Prison', 'Probation'), shared: fc.option(time), knownFrom: fc.option(time), light: fc.option(time), staff: fc.constantFrom(...OFFICERS) }).map(
  ({ n, occurred, agency, shared, knownFrom, light, staff }): CaseRecord => ({
    kind: 'information', id: `info:${n}`, infoId: String(n), crn: 'X123456', occurred, sourceAgency: agency, summary: '', provenance,
    reachedProbation: shared, ...(knownFrom ? { knownToStaffCode: staff, knownFrom } : {}), ...(light ? { cameToLight: light } : {}),
  }),
);

const caseOf = (records: CaseRecord[]): CaseData => ({
  case: { crn: 'X123456', offenceAt: { value: '2023-11-12T02:17:00Z', precision: 'exact' } },
  records: [...new Map(records.map((r) => [r.id, r])).values()],
  otherWork: [],
  workload: [],
  teams: [],
  staff: [],
  // N07P001 holds the case throughout; the others never do.
  allocations: [{ id: 'a1', crn: 'X123456', staffCode: 'N07P001', from: { value: '2022-01-01', precision: 'day' }, to: null, cover: false }],
});

const moment = fc.integer({ min: -10, max: 380 }).map((d) => START + d * DAY);

describe('knowledge states (property tests)', () => {
  it('puts every record of the case in exactly one list, at any moment, for any officer', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(contact, info), { maxLength: 40 }), moment, fc.constantFrom(...OFFICERS), (records, at, officer) => {
        const index = new CaseIndex(caseOf(records));
        const report = asOfReport(index, index.view(officer, at));
        const listed = AS_OF_LISTS.flatMap((s) => report.knowledge[s]).filter((id) => id !== 'offence');
        expect(listed.sort()).toEqual(index.records.map((r) => r.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('computes the same state in the fast column pass as the rule-by-rule reference, for every record', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(contact, info), { maxLength: 40 }), moment, fc.constantFrom(...OFFICERS, 'N07P999'), fc.boolean(), (records, at, officer, holds) => {
        const index = new CaseIndex(caseOf(records));
        const fast = index.statesAt(officer, at, holds);
        index.times.forEach((t, i) => expect(KNOWLEDGE_STATES[fast[i] as number]).toBe(knowledgeState(t, officer, at, holds)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a record known, for an officer holding the case, as the moment moves later', () => {
    const known = KNOWLEDGE_STATES.indexOf('known');
    fc.assert(
      fc.property(fc.array(fc.oneof(contact, info), { maxLength: 40 }), moment, moment, (records, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const index = new CaseIndex(caseOf(records));
        const before = index.view('N07P001', earlier).states;
        const after = index.view('N07P001', later).states;
        before.forEach((s, i) => {
          if (s === known) expect(after[i]).toBe(known);
        });
      }),
      { numRuns: 300 },
    );
  });
});
