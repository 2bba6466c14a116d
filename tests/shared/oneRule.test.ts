import { describe, expect, it } from 'vitest';
import { allocationId, rowKeyOf, trailKey } from '../../shared/audit/rowKeys.js';
import { bundleRows } from '../../shared/bundle/bundleRows.js';
import { CaseIndex } from '../../shared/engine/caseIndex.js';
import { compareByOccurred } from '../../shared/engine/chronologyOrder.js';
import { isProbation, knowledgeTimes } from '../../shared/engine/knowledge.js';
import { laneOf } from '../../shared/engine/lanes.js';
import { atCaseloadConcern, WORKLOAD_RULES } from '../../shared/engine/workload.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { routeRows } from '../../shared/import/plan.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import type { InformationRecord } from '../../shared/schemas/record.js';
import { demoBytes, demoManifest, sha256 } from '../helpers/demoFiles.js';

const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const caseInfo = { id: 'c1', crn: demoManifest.crn, title: 'Review', subject: '', offenceAt: { value: '2023-11-12T02:17:00+00:00', precision: 'exact' as const }, synthetic: true, createdAt: '' };

function demoRead() {
  return DEMO.map((fileName) => {
    const bytes = demoBytes(fileName);
    return { result: readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) }), sha256: sha256(bytes) };
  });
}

describe('one routing of rows to tables: a bundle holds what an import stores', () => {
  it('the command line’s bundle and the app’s import route every demo row to the same table under the same key', () => {
    const read = demoRead();
    const routed = read.flatMap(({ result }) => routeRows(caseInfo.crn, result).rows.map((r) => trailKey(r.table, r.key)));
    const inBundle = [...bundleRows(buildCaseBundle(caseInfo, read)).keys()].filter((k) => !/^(case|staff:|sources:)/.test(k));
    expect(new Set(inBundle)).toEqual(new Set(routed));
    expect(inBundle).toHaveLength(routed.length);
  });

  it('information and allocations of another CRN are left out of both', () => {
    const text = 'info_id,crn,occurred,precision,source_agency,summary\nP-1,X900417,2022-03-02,day,Police,Ours\nP-2,X111111,2022-03-02,day,Police,Theirs\n';
    const bytes = new TextEncoder().encode(text);
    const result = readCsvImportFile({ fileName: 'info.csv', bytes, sha256: sha256(bytes) });
    expect(routeRows(caseInfo.crn, result)).toMatchObject({ rows: [{ table: 'records', key: 'info:P-1' }], otherCaseRows: 1 });
    expect(buildCaseBundle(caseInfo, [{ result, sha256: sha256(bytes) }]).records.map((r) => r.id)).toEqual(['info:P-1']);
  });
});

describe('row keys: one module, the strings already hashed into trails unchanged', () => {
  it('builds each table’s key byte for byte as trails written before hold them', () => {
    const bundle = buildCaseBundle(caseInfo, demoRead());
    const [record, workload, team, allocation, staff, source] = [bundle.records.find((r) => r.kind === 'contact')!, bundle.workload[0]!, bundle.teams[0]!, bundle.allocations[0]!, bundle.staff[0]!, bundle.sources[0]!];
    expect(trailKey('records', rowKeyOf('records', record))).toBe(`records:contact:${record.id.slice('contact:'.length)}`);
    expect(trailKey('workload', rowKeyOf('workload', workload))).toBe('workload:N07P101|2022-05-16');
    expect(trailKey('teams', rowKeyOf('teams', team))).toBe('teams:N07T02|2022-05-16');
    expect(trailKey('allocations', rowKeyOf('allocations', allocation))).toBe('allocations:allocation:X900417:N07P101:2022-05-16');
    expect(allocation.id).toBe(allocationId('X900417', 'N07P101', '2022-05-16'));
    expect(trailKey('staff', rowKeyOf('staff', staff))).toBe(`staff:${staff.code}`);
    expect(trailKey('sources', rowKeyOf('sources', source))).toBe(`sources:${source.sha256}`);
  });
});

describe('one chronology order', () => {
  it('the engine’s index reads records in the order a bundle stores them, whatever order they arrive in', () => {
    const bundle = buildCaseBundle(caseInfo, demoRead());
    const shuffled = [...bundle.records].reverse();
    expect(new CaseIndex({ ...bundle, records: shuffled }).records.map((r) => r.id)).toEqual(bundle.records.map((r) => r.id));
    expect([...shuffled].sort(compareByOccurred)).toEqual(bundle.records);
  });
});

describe('one predicate for probation as the source of a record', () => {
  const info = (sourceAgency: string): InformationRecord => ({
    kind: 'information', id: 'info:P-1', crn: 'X900417', occurred: { value: '2022-03-02', precision: 'day' }, sourceAgency, summary: 'Report',
  } as InformationRecord);

  it('reads " PROBATION " as probation, in what was known and in the lane alike', () => {
    for (const agency of ['Probation', ' PROBATION ', 'probation']) {
      expect(isProbation(agency)).toBe(true);
      expect(laneOf(info(agency))).toBe('risk');
      expect(knowledgeTimes(info(agency))).toMatchObject({ elsewhereUntil: -Infinity, recorded: knowledgeTimes(info(agency)).happened });
    }
    expect(isProbation('Police')).toBe(false);
    expect(knowledgeTimes(info('Police')).elsewhereUntil).toBe(Infinity);
    expect(laneOf(info('Police'))).toBe('partner:Police');
  });
});

describe('workload thresholds come from the engine', () => {
  it('a caseload of 50 is the concern, 49 is not; the excessive rule names its 28 days', () => {
    expect([atCaseloadConcern(49), atCaseloadConcern(50)]).toEqual([false, true]);
    expect(WORKLOAD_RULES.excessive).toMatch(/at least 28 days/);
  });
});
