import { join } from 'node:path';
import { toCsv } from './csvWriter.js';
import { CONTACT_COLUMNS, DEMO_CASE, generateDemoCase, type DemoFiles, type DemoOptions } from './demoCase.js';

const columns = (rows: DemoFiles['workload']) => Object.keys(rows[0] ?? {});

/** Write the five import files, the case's own details, and a manifest of what was written. */
export function writeDemoFiles(
  dir: string,
  options: DemoOptions,
  write: (path: string, content: string) => void,
): DemoFiles['manifest'] {
  const demo = generateDemoCase(options);
  write(join(dir, 'contacts.csv'), toCsv(CONTACT_COLUMNS, demo.contacts));
  write(join(dir, 'information.csv'), toCsv(
    ['info_id', 'crn', 'occurred', 'precision', 'source_agency', 'summary', 'shared_with_probation', 'known_to_staff_code', 'known_from', 'came_to_light', 'evidence_ref'],
    demo.information,
  ));
  write(join(dir, 'allocations.csv'), toCsv(columns(demo.allocations), demo.allocations));
  write(join(dir, 'workload_snapshots.csv'), toCsv(columns(demo.workload), demo.workload));
  write(join(dir, 'team_snapshots.csv'), toCsv(columns(demo.team), demo.team));
  const { offenceDate: _, ...caseDetails } = DEMO_CASE;
  write(join(dir, 'case.json'), JSON.stringify(caseDetails, null, 2) + '\n');
  write(join(dir, 'manifest.json'), JSON.stringify(demo.manifest, null, 2) + '\n');
  return demo.manifest;
}
