import ELK from 'elkjs/lib/elk.bundled.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseIndex, type CaseData } from '../../shared/engine/caseIndex.js';
import { KNOWLEDGE_STATES } from '../../shared/engine/knowledge.js';
import { flowEdgeLabel, flowWhen, informationFlow, notArrivedText, type InformationFlow } from '../../shared/review/informationFlow.js';
import { drawInformationFlow, flowRequest, layOut } from '../../shared/review/mapLayout.js';
import type { CaseRecord, InformationRecord } from '../../shared/schemas/index.js';
import type { TimeValue } from '../../shared/time/precision.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const provenance = { fileName: 'information.csv', sha256: '0'.repeat(64), row: 2 };
const day = (value: string): TimeValue => ({ value, precision: 'day' });
const exact = (value: string): TimeValue => ({ value, precision: 'exact' });

/** A case whose further offence was on 12 Nov 2023 at 02:17, with the information given. */
function caseWith(records: CaseRecord[], staff: CaseData['staff'] = []): CaseData {
  return {
    case: { crn: 'X123456', offenceAt: exact('2023-11-12T02:17:00Z') },
    records,
    otherWork: [],
    workload: [],
    teams: [],
    staff,
    allocations: [{ id: 'a1', crn: 'X123456', staffCode: 'N07P001', from: day('2022-01-01'), to: null, cover: false }],
  };
}

function info(id: string, agency: string, fields: Partial<InformationRecord> = {}): InformationRecord {
  return { kind: 'information', id: `info:${id}`, infoId: id, crn: 'X123456', occurred: day('2023-06-01'), sourceAgency: agency, summary: `Summary of ${id}`, provenance, reachedProbation: null, ...fields };
}

const edgesOf = (flow: InformationFlow) => flow.edges.map((e) => [e.kind, e.from, e.to, e.records.map((r) => r.id)]);

describe('how information moved: the demo case', () => {
  const flow = informationFlow(demoCaseIndex().data);

  it('has each agency other than probation, then probation’s record, then the officers recorded as knowing something', () => {
    expect(flow.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['agency', "Children's Services"],
      ['agency', 'Health'],
      ['agency', 'Housing'],
      ['agency', 'MAPPA'],
      ['agency', 'Police'],
      ['agency', 'Prison'],
      ['agency', 'Victim'],
      ['probation', 'Probation (the record)'],
      ['officer', 'James Whitfield (N07P214)'],
      ['officer', 'Sarah Okafor (N07P101)'],
    ]);
  });

  it('draws what reached probation by the offence, what never arrived, and who knew what, each link naming its records', () => {
    expect(edgesOf(flow)).toEqual([
      ['shared', 'agency:children\'s services', 'probation', ['info:CS-01']],
      ['notShared', 'agency:health', 'probation', ['info:H-01']],
      ['shared', 'agency:housing', 'probation', ['info:HO-01']],
      ['shared', 'agency:mappa', 'probation', ['info:MA-01']],
      ['shared', 'agency:police', 'probation', ['info:P-02', 'info:P-03']],
      ['notShared', 'agency:police', 'probation', ['info:P-01', 'info:P-05', 'info:P-04']],
      ['notShared', 'agency:prison', 'probation', ['info:PR-01', 'info:PR-02']],
      ['notShared', 'agency:victim', 'probation', ['info:V-01']],
      ['known', 'probation', 'officer:N07P214', ['info:HO-01']],
      ['known', 'probation', 'officer:N07P101', ['info:MA-01']],
    ]);
    expect(flow.notYetHappened).toEqual([]);
  });

  it('gives the dates information moved, and why the rest never arrived', () => {
    const police = flow.edges.filter((e) => e.from === 'agency:police');
    expect(police.map(flowEdgeLabel)).toEqual(['Shared: 2 records, 24 Jul 2023 to 4 Oct 2023', 'Never arrived: 3 records']);
    expect(notArrivedText(police[1]!)).toBe('2 never reached probation; 1 came to light only after the further offence');
    // Shared at 13:00 and known from that day: a date on the map, not a clock time, and never midnight.
    expect(flowEdgeLabel(flow.edges.find((e) => e.id === 'known:probation->officer:N07P101')!)).toBe('Known: 1 record, 9 Jun 2022');
    expect(flowWhen(flow.edges.find((e) => e.from === 'agency:prison')!)).toBe('');
  });

  it('lays out agencies, probation and the officers left to right, each link labelled', async () => {
    const map = drawInformationFlow(flow, await layOut(flowRequest(flow), new ELK()), 'Flow');
    const x = (kind: string) => map.boxes.filter((b) => b.kind === kind).map((b) => b.x);
    expect(Math.max(...x('agency'))).toBeLessThan(Math.min(...x('probation')));
    expect(Math.max(...x('probation'))).toBeLessThan(Math.min(...x('officer')));
    expect(map.edges.filter((e) => e.dashed).map((e) => e.label)).toEqual(['Never arrived: 1 record', 'Never arrived: 3 records', 'Never arrived: 2 records', 'Never arrived: 1 record']);
    // Labels sit at the quiet end of each link: by the agency going in to probation, by the officer coming out.
    expect(new Set(map.edges.filter((e) => e.to === 'probation').map((e) => e.labelAt))).toEqual(new Set(['start']));
    expect(new Set(map.edges.filter((e) => e.from === 'probation').map((e) => e.labelAt))).toEqual(new Set(['end']));
  });
});

describe('how information moved: small cases', () => {
  it('counts information shared on the day of the offence, known only to the day, as not arrived: nothing is presumed known early', () => {
    const flow = informationFlow(caseWith([info('A', 'Police', { reachedProbation: day('2023-11-12') }), info('B', 'Police', { reachedProbation: day('2023-11-11') })]));
    expect(edgesOf(flow)).toEqual([
      ['shared', 'agency:police', 'probation', ['info:B']],
      ['notShared', 'agency:police', 'probation', ['info:A']],
    ]);
    expect(flow.edges[1]!.records[0]!.notArrived).toBe('sharedAfter');
  });

  it('shows information an officer was told directly, that never reached the record, as going to the officer, not as never arrived', () => {
    const flow = informationFlow(caseWith([info('A', 'Police', { knownToStaffCode: 'N07P002', knownFrom: day('2023-07-01') })], [{ code: 'N07P002', name: 'Amir Shah', grade: 'PSO' }]));
    expect(edgesOf(flow)).toEqual([['toldDirectly', 'agency:police', 'officer:N07P002', ['info:A']]]);
    expect(flow.nodes.at(-1)).toEqual({ id: 'officer:N07P002', kind: 'officer', label: 'Amir Shah (N07P002)', detail: 'Officer, PSO' });
    expect(flowEdgeLabel(flow.edges[0]!)).toBe('Told the officer, not the record: 1 record, 1 Jul 2023');
  });

  it('does not count as known what the officer came to know only after the offence, or what came to light only after it', () => {
    const flow = informationFlow(
      caseWith([
        info('A', 'Police', { reachedProbation: day('2023-08-01'), knownToStaffCode: 'N07P001', knownFrom: day('2023-11-20') }),
        info('B', 'Police', { reachedProbation: day('2023-08-01'), knownToStaffCode: 'N07P001', knownFrom: day('2023-09-01'), cameToLight: day('2023-11-15') }),
      ]),
    );
    expect(edgesOf(flow)).toEqual([
      ['shared', 'agency:police', 'probation', ['info:A']],
      ['notShared', 'agency:police', 'probation', ['info:B']],
    ]);
    expect(flow.edges[1]!.records[0]!.notArrived).toBe('cameToLightAfter');
  });

  it('draws probation’s own information only where an officer is recorded as knowing it, and leaves out what happened after the offence', () => {
    const flow = informationFlow(
      caseWith([
        info('A', 'Probation', { knownToStaffCode: 'N07P001', knownFrom: day('2023-06-02') }),
        info('B', ' probation '),
        info('C', 'Police', { occurred: day('2023-11-13'), reachedProbation: day('2023-11-14') }),
      ]),
    );
    expect(edgesOf(flow)).toEqual([['known', 'probation', 'officer:N07P001', ['info:A']]]);
    expect(flow.nodes.map((n) => n.id)).toEqual(['probation', 'officer:N07P001']);
    expect(flow.notYetHappened).toEqual(['info:C']);
  });

  it('takes an agency written in different ways (case, spaces) as one agency, under its first spelling', () => {
    const flow = informationFlow(caseWith([info('A', 'Police'), info('B', ' police '), info('C', 'POLICE', { reachedProbation: day('2023-07-01') })]));
    expect(flow.nodes.filter((n) => n.kind === 'agency')).toEqual([{ id: 'agency:police', kind: 'agency', label: 'Police', detail: '3 records' }]);
  });

  it('leaves contacts out: they are probation’s own work, not information moving between agencies', () => {
    const contact: CaseRecord = { kind: 'contact', id: 'contact:1', contactId: '1', crn: 'X123456', occurred: day('2023-06-01'), recorded: day('2023-06-01'), sourceAgency: 'Probation', summary: '', provenance, staffCode: 'N07P001' };
    expect(informationFlow(caseWith([contact]))).toEqual({ nodes: [{ id: 'probation', kind: 'probation', label: 'Probation (the record)', detail: null }], edges: [], notYetHappened: [] });
  });
});

describe('how information moved agrees with the knowledge states at the offence (property)', () => {
  const time = fc.integer({ min: 0, max: 420 }).map((d) => day(new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)));
  const record = fc
    .record({ n: fc.integer({ min: 1, max: 1e6 }), occurred: time, agency: fc.constantFrom('Police', 'Prison', 'Probation'), shared: fc.option(time), knownFrom: fc.option(time), light: fc.option(time) })
    .map(({ n, occurred, agency, shared, knownFrom, light }) =>
      info(String(n), agency, { occurred, reachedProbation: shared, ...(knownFrom ? { knownToStaffCode: 'N07P002', knownFrom } : {}), ...(light ? { cameToLight: light } : {}) }),
    );

  it('another agency’s record never arrived exactly when, as the offence began, the officer holding the case could not know it and no officer was recorded as knowing it', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), (records) => {
        const data = caseWith([...new Map(records.map((r) => [r.id, r])).values()]);
        const flow = informationFlow(data);
        const index = new CaseIndex(data);
        const holder = index.statesAt('N07P001', index.offenceStart, true);
        const told = index.statesAt('N07P002', index.offenceStart, false);
        const never = new Set(flow.edges.filter((e) => e.kind === 'notShared').flatMap((e) => e.records.map((r) => r.id)));
        const shown = new Set(flow.edges.flatMap((e) => e.records.map((r) => r.id)));
        for (const r of index.records) {
          const i = index.positionOf(r.id)!;
          const [state, toldState] = [KNOWLEDGE_STATES[holder[i]!], KNOWLEDGE_STATES[told[i]!]];
          if (state === 'notYetHappened') expect(flow.notYetHappened).toContain(r.id);
          if (r.sourceAgency === 'Probation') continue;
          expect(never.has(r.id), `${r.id}: ${state}, ${toldState}`).toBe((state === 'heldElsewhere' || state === 'hindsightOnly') && toldState !== 'known');
          // Another agency's information is on the map, once it had happened.
          expect(shown.has(r.id)).toBe(state !== 'notYetHappened');
        }
      }),
      { numRuns: 300 },
    );
  });
});
