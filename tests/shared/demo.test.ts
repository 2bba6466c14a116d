import { describe, expect, it } from 'vitest';
import { generateDemoCase, OFFICERS } from '../../scripts/demo/demoCase.js';
import { writeDemoFiles } from '../../scripts/demo/writeDemo.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import { CaseBundle } from '../../shared/schemas/bundle.js';
import { DEMO_DIR, demoBytes, demoManifest, sha256 } from '../helpers/demoFiles.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const demo = generateDemoCase();
const num = (v: unknown) => Number(v);

describe('the demo case generator', () => {
  it('is deterministic, and assets/demo holds exactly what it writes (run `npm run demo` after changing it)', () => {
    const written = new Map<string, string>();
    writeDemoFiles('', {}, (path, content) => written.set(path.replace(/^\//, ''), content));
    for (const [name, content] of written) expect(readFileSync(join(DEMO_DIR, name), 'utf8'), name).toBe(content);
  });

  it('writes 300 to 600 case contacts and several thousand contacts on the officers\' other cases', () => {
    expect(demo.manifest.caseContacts).toBeGreaterThanOrEqual(300);
    expect(demo.manifest.caseContacts).toBeLessThanOrEqual(600);
    expect(demo.manifest.otherContacts).toBeGreaterThan(3000);
  });

  it('has a handover and a PQiP covering during sickness', () => {
    expect(demo.allocations.map((a) => [a.staff_code, a.cover, a.grade])).toEqual([
      [OFFICERS.okafor.code, 'N', 'PO'],
      [OFFICERS.whitfield.code, 'N', 'PO'],
      [OFFICERS.lal.code, 'Y', 'PQiP'],
    ]);
  });

  it('runs the supervising officer over 110% for more than four weeks before the decision not to recall', () => {
    const decision = '2023-09-22';
    const rows = demo.workload.filter((w) => w.staff_code === OFFICERS.whitfield.code && String(w.snapshot_date) <= decision);
    let runStart: string | null = null;
    for (const w of rows) runStart = num(w.capacity_pct) > 110 ? (runStart ?? String(w.snapshot_date)) : null;
    expect(runStart).not.toBeNull();
    const days = (Date.parse(decision) - Date.parse(runStart as string)) / 86_400_000;
    expect(days).toBeGreaterThan(28);
  });

  it('lets team staffing fall to about 60% with a recorded Red status', () => {
    const lowest = Math.min(...demo.team.map((t) => num(t.staffing_pct)));
    expect(lowest).toBeGreaterThanOrEqual(55);
    expect(lowest).toBeLessThanOrEqual(65);
    expect(demo.team.some((t) => t.delivery_status === 'Red')).toBe(true);
  });

  it('holds police and prison information that never reached probation, and information found only afterwards', () => {
    const never = demo.information.filter((i) => !i.shared_with_probation && i.source_agency !== 'Probation');
    expect(new Set(never.map((i) => i.source_agency))).toEqual(new Set(['Prison', 'Police', 'Health', 'Victim']));
    expect(demo.information.filter((i) => i.came_to_light).length).toBeGreaterThanOrEqual(3);
  });

  it('uses the real nDelius codes for the recall steps and oversight', () => {
    const codes = new Set(demo.contacts.filter((c) => c.crn === demoManifest.crn).map((c) => c.type_code));
    for (const code of ['ERCL', 'MO5', 'MO1', 'C204', 'C515', 'CCMM', 'C078', 'ETOM', 'ROC', 'ETCH20', 'C004', 'CHVS', 'COAP']) {
      expect(codes, code).toContain(code);
    }
  });

  it('imports with no errors into a valid case bundle', () => {
    const files = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'].map((fileName) => {
      const bytes = demoBytes(fileName);
      const result = readCsvImportFile({ fileName, bytes, sha256: sha256(bytes) });
      expect(result.errors, fileName).toEqual([]);
      return { result, sha256: sha256(bytes) };
    });
    const bundle = buildCaseBundle(
      { id: 'demo', crn: demoManifest.crn, title: 'Demo', subject: 'x', offenceAt: { value: '2023-11-12T02:17:00+00:00', precision: 'exact' }, synthetic: true, createdAt: '2026-11-23T00:00:00Z' },
      files,
    );
    expect(CaseBundle.parse(bundle).records).toHaveLength(demoManifest.caseContacts + demoManifest.information);
    expect(bundle.otherWork).toHaveLength(demoManifest.otherContacts);
    expect(bundle.staff.map((s) => s.code)).toEqual(expect.arrayContaining(Object.values(OFFICERS).map((o) => o.code)));
  });
});
