import { describe, expect, it } from 'vitest';
import { routeRows, type PlannedRow, type StoredItem, type TableName } from '../../shared/import/plan.js';
import { ImportPlanner } from '../../shared/import/planner.js';
import { readText } from '../helpers/demoFiles.js';

const HEADER = 'crn,contact_id,contact_date,type_code,staff_code,notes\n';
function rowsOf(csv: string, fileName = 'f.csv'): PlannedRow[] {
  return routeRows('X123456', readText(fileName, HEADER + csv)).rows;
}
const noneStored = new Map<TableName, Set<string>>();

describe('planning an import against what the case holds', () => {
  it('counts rows new to the case as added, by where they go, and asks to compare none', () => {
    const planner = new ImportPlanner(noneStored);
    planner.startFile();
    expect(planner.plan(rowsOf('X123456,1,2023-01-01,COAP,N07P012,a\nX123456,2,2023-01-02,COAP,N07P012,b\n')).size).toBe(0);
    expect(planner.fileTally()).toEqual({ added: 2, addedByTable: { records: 2 }, unchanged: 0, changed: [] });
  });

  it('finds identical stored rows unchanged (whatever file they came from) and lists differing ones', () => {
    const stored = rowsOf('X123456,1,2023-01-01,COAP,N07P012,same\nX123456,2,2023-01-02,COAP,N07P012,old\n', 'first.csv');
    const planner = new ImportPlanner(new Map([['records', new Set(['contact:1', 'contact:2'])]]));
    planner.startFile();
    const incoming = rowsOf('X123456,1,2023-01-01,COAP,N07P012,same\nX123456,2,2023-01-02,COAP,N07P012,new\nX123456,3,2023-01-03,COAP,N07P012,c\n', 'second.csv');
    const toCompare = planner.plan(incoming);
    planner.compare('records', toCompare.get('records') ?? [], new Map(stored.map((r) => [r.key, r.item as StoredItem])));
    const tally = planner.fileTally();
    expect([tally.added, tally.unchanged]).toEqual([1, 1]);
    expect(tally.changed.map((c) => [c.key, (c.before as { notes?: string }).notes, (c.after as { notes?: string }).notes])).toEqual([['contact:2', 'old', 'new']]);
  });

  it('counts a row repeated in a later file of the same import once', () => {
    const planner = new ImportPlanner(noneStored);
    planner.startFile();
    planner.plan(rowsOf('X123456,1,2023-01-01,COAP,N07P012,a\n'));
    planner.startFile();
    planner.plan(rowsOf('X123456,1,2023-01-01,COAP,N07P012,a\n'));
    expect(planner.fileTally()).toEqual({ added: 0, addedByTable: {}, unchanged: 1, changed: [] });
  });

  it('forgets a file\'s rows when the file is started again (re-read in another encoding)', () => {
    const planner = new ImportPlanner(noneStored);
    planner.startFile();
    planner.plan(rowsOf('X123456,1,2023-01-01,COAP,N07P012,a\n'));
    planner.restartFile();
    planner.plan(rowsOf('X123456,1,2023-01-01,COAP,N07P012,a\n'));
    expect(planner.fileTally()).toEqual({ added: 1, addedByTable: { records: 1 }, unchanged: 0, changed: [] });
  });

  it('keeps the transfer contacts and the earliest contact, for proposing allocations', () => {
    const planner = new ImportPlanner(noneStored);
    planner.startFile();
    planner.plan(rowsOf('X123456,2,2023-03-01,ROC,N07S020,New Details: A (N07P001)\nX123456,1,2023-01-05,COAP,N07P012,first\n'));
    expect(planner.transfers.map((t) => t.id)).toEqual(['contact:2']);
    expect(planner.earliestContact?.id).toBe('contact:1');
    expect(planner.allocationsInImport).toBe(false);
  });
});
