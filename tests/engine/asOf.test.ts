import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import type { CliIo } from '../../cli/commands.js';
import type { AsOfReport } from '../../shared/engine/asOf.js';

/** Run `as-of --json` over small CSV files, as a performance team would: the rules end to end, from the text up. */
async function asOf(files: Record<string, string>, officer: string, at: string, offenceAt = '2023-11-12T02:17'): Promise<AsOfReport> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (p) => new TextEncoder().encode(files[p] ?? ''),
    size: async (p) => new TextEncoder().encode(files[p] ?? '').length,
    writeFile: async () => {},
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-23T12:00:00Z'),
    env: () => undefined,
  };
  const code = await run(['as-of', ...Object.keys(files), '--crn', 'X123456', '--offence-at', offenceAt, '--officer', officer, '--at', at, '--json'], io);
  if (code !== 0) throw new Error(`exit ${code}: ${out.join('\n')} ${err.join('\n')}`);
  return JSON.parse(out.join('\n')) as AsOfReport;
}

const csv = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`;
const contacts = (rows: string[]) => csv('crn,contact_id,contact_date,contact_start_time,type_code,staff_code,staff_name,staff_grade,created_datetime', rows);
const information = (rows: string[]) => csv('info_id,crn,occurred,precision,source_agency,summary,shared_with_probation,known_to_staff_code,known_from,came_to_light', rows);
const allocations = (rows: string[]) => csv('crn,staff_code,staff_name,grade,team_code,from,to,cover', rows);
const workload = (rows: string[]) => csv('snapshot_date,staff_code,team_code,capacity_pct,total_cases', rows);
const teams = (rows: string[]) => csv('snapshot_date,team_code,staffing_pct,delivery_status', rows);

const HELD = allocations(['X123456,N07P001,Ann Okafor,PO,N07T02,2023-01-01,2023-06-30,N', 'X123456,N07P002,Ben Lal,PQiP,N07T02,2023-07-01,,N', 'X123456,N07P003,Cal Hart,PQiP,N07T03,2023-07-10,2023-08-20,Y']);

describe('as-of: knowledge states', () => {
  it('counts a date-only record as happened only at the end of its day', async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-05-10,,COAP,N07P009,,,']), 'a.csv': HELD };
    expect((await asOf(files, 'N07P001', '2023-05-10T12:00')).knowledge.notYetHappened).toEqual(['contact:1', 'offence']);
    expect((await asOf(files, 'N07P001', '2023-05-10')).knowledge.onRecord).toEqual(['contact:1']);
  });

  it('reads --at as London time across GMT and BST, and prints it with its offset', async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-06-22,11:30,COAP,N07P009,,,', 'X123456,2,2023-06-22,12:30,COAP,N07P009,,,', 'X123456,3,2023-01-10,09:00,COAP,N07P009,,,']), 'a.csv': HELD };
    const summer = await asOf(files, 'N07P002', '2023-06-22T12:00');
    expect(summer.at).toBe('2023-06-22T12:00:00+01:00');
    expect(summer.knowledge.notHeld).toEqual(['contact:3', 'contact:1']);
    expect(summer.knowledge.notYetHappened).toEqual(['contact:2', 'offence']);
    expect((await asOf(files, 'N07P001', '2023-01-10T09:00')).at).toBe('2023-01-10T09:00:00+00:00');
    expect((await asOf(files, 'N07P001', '2023-01-10T09:00')).knowledge.onRecord).toEqual(['contact:3']);
  });

  it('gives a date-only --at as the end of that day', async () => {
    expect((await asOf({ 'a.csv': HELD }, 'N07P001', '2023-03-26')).at).toBe('2023-03-26T23:59:59+01:00');
  });

  it("knows what the officer did even before it is written up; someone else's late write-up is not yet recorded", async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-05-10,10:00,COAP,N07P001,,,2023-05-20 09:00', 'X123456,2,2023-05-10,11:00,MO1,N07S020,,,2023-05-20 09:00']), 'a.csv': HELD };
    const before = await asOf(files, 'N07P001', '2023-05-15');
    expect(before.knowledge.known).toEqual(['contact:1']);
    expect(before.knowledge.notYetRecorded).toEqual(['contact:2']);
    expect((await asOf(files, 'N07P001', '2023-05-20T09:00')).knowledge.onRecord).toEqual(['contact:2']);
  });

  it('holds a cover officer to the case from the start of the first day to the end of the last', async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-07-01,10:00,COAP,N07P002,,,']), 'a.csv': HELD };
    expect((await asOf(files, 'N07P003', '2023-07-09T23:59')).knowledge.notHeld).toEqual(['contact:1']);
    const first = await asOf(files, 'N07P003', '2023-07-10T00:00');
    expect(first.officer.holdsCase).toBe(true);
    expect(first.knowledge.onRecord).toEqual(['contact:1']);
    expect((await asOf(files, 'N07P003', '2023-08-20T23:59')).officer.holdsCase).toBe(true);
    expect((await asOf(files, 'N07P003', '2023-08-21T00:00')).officer).toEqual({ staffCode: 'N07P003', name: 'Cal Hart', grade: 'PQiP', holdsCase: false });
  });

  it('puts an officer who never held the case, and records they did not write, under notHeld', async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-02-01,,COAP,N07P001,,,']), 'a.csv': HELD };
    const r = await asOf(files, 'N07P777', '2023-09-01');
    expect(r.officer).toEqual({ staffCode: 'N07P777', name: null, grade: null, holdsCase: false });
    expect(r.knowledge.notHeld).toEqual(['contact:1']);
  });

  it("applies the information rules in order: later light, evidence of knowing, another agency's holding, sharing", async () => {
    const files = {
      'i.csv': information([
        'P-01,X123456,2023-03-01,day,Police,Domestic call-out,,,,',
        'P-02,X123456,2023-03-02,day,Police,Intelligence shared late,2023-09-01,,,',
        'P-03,X123456,2023-03-03,day,Police,Discussed in supervision,,N07P001,2023-04-01,',
        'H-01,X123456,2023-03-04,day,Health,Found after the offence,,N07P001,2023-04-01,2023-12-01',
        'PR-01,X123456,2023-03-05,day,Probation,Probation own note,,,,',
        'PR-02,X123456,2023-03,month,Prison,Security report that month,2023-04-10,,,',
      ]),
      'a.csv': HELD,
    };
    const r = await asOf(files, 'N07P001', '2023-05-01');
    expect(r.knowledge).toEqual({
      known: ['info:P-03'],
      onRecord: ['info:PR-02', 'info:PR-01'],
      notHeld: [],
      notYetRecorded: [],
      heldElsewhere: ['info:P-01', 'info:P-02'],
      hindsightOnly: ['info:H-01'],
      notYetHappened: ['offence'],
    });
    // Before the month is out, a month-precision record has not (for certain) happened.
    expect((await asOf(files, 'N07P001', '2023-03-20')).knowledge.notYetHappened).toEqual(['info:PR-02', 'offence']);
    // Before known_from, evidence of knowing does not apply: the police still held it.
    expect((await asOf(files, 'N07P001', '2023-03-31')).knowledge.heldElsewhere).toContain('info:P-03');
  });

  it('lists the further offence under notYetHappened, in its place, only until it happens', async () => {
    const files = { 'c.csv': contacts(['X123456,1,2023-11-11,,COAP,N07P002,,,', 'X123456,2,2023-11-12,09:00,COAP,N07P002,,,']), 'a.csv': HELD };
    expect((await asOf(files, 'N07P002', '2023-11-10')).knowledge.notYetHappened).toEqual(['contact:1', 'offence', 'contact:2']);
    const after = await asOf(files, 'N07P002', '2023-11-12T10:00');
    expect(after.knowledge.notYetHappened).toEqual([]);
    expect(after.knowledge.known).toEqual(['contact:1', 'contact:2']);
  });

  it('orders each list by occurred time (a day counting from its start), then by id as text', async () => {
    const files = { 'c.csv': contacts(['X123456,20,2023-02-01,,COAP,N07P001,,,', 'X123456,3,2023-02-01,,COAP,N07P001,,,', 'X123456,100,2023-02-01,00:00,COAP,N07P001,,,', 'X123456,9,2023-01-31,23:00,COAP,N07P001,,,']), 'a.csv': HELD };
    expect((await asOf(files, 'N07P001', '2023-03-01')).knowledge.known).toEqual(['contact:9', 'contact:100', 'contact:20', 'contact:3']);
  });
});

describe('as-of: workload, team and other work', () => {
  const snapshots = (from: string, days: number[], pct: number | ((i: number) => number), cases = 52) =>
    days.map((d, i) => {
      const date = new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      return `${date},N07P002,N07T02,${typeof pct === 'number' ? pct : pct(i)},${cases}`;
    });

  it('takes the latest snapshot on or before the date, and says how stale it is', async () => {
    const r = await asOf({ 'w.csv': workload(snapshots('2023-08-01', [0, 7], 95, 49)), 'a.csv': HELD }, 'N07P002', '2023-08-20T10:00');
    expect(r.workload).toEqual({ snapshotDate: '2023-08-08', staleDays: 12, capacityPct: 95, totalCases: 49, caseloadAtLeast50: false, over110Since: null, excessive: false });
  });

  it('calls a run of exactly 28 days over 110% excessive, and one day shorter not', async () => {
    const weekly = (n: number) => Array.from({ length: n }, (_, i) => i * 7);
    const run28 = { 'w.csv': workload(snapshots('2023-08-01', [...weekly(4), 27], 111)), 'a.csv': HELD };
    expect((await asOf(run28, 'N07P002', '2023-08-28')).workload).toMatchObject({ over110Since: '2023-08-01', excessive: true, caseloadAtLeast50: true });
    const run27 = { 'w.csv': workload(snapshots('2023-08-01', [...weekly(4), 26], 111)), 'a.csv': HELD };
    expect((await asOf(run27, 'N07P002', '2023-08-27')).workload).toMatchObject({ over110Since: '2023-08-01', excessive: false });
  });

  it('breaks a run at a gap of 9 days but not of 8, and at any snapshot not over 110%', async () => {
    const gap9 = { 'w.csv': workload(snapshots('2023-08-01', [0, 8, 17, 25, 33], 120)), 'a.csv': HELD };
    expect((await asOf(gap9, 'N07P002', '2023-09-03')).workload).toMatchObject({ over110Since: '2023-08-18', excessive: false });
    const gap8 = { 'w.csv': workload(snapshots('2023-08-01', [0, 8, 16, 24, 32], 120)), 'a.csv': HELD };
    expect((await asOf(gap8, 'N07P002', '2023-09-02')).workload).toMatchObject({ over110Since: '2023-08-01', excessive: true });
    const dip = { 'w.csv': workload(snapshots('2023-08-01', [0, 7, 14, 21, 28], (i) => (i === 2 ? 110 : 130))), 'a.csv': HELD };
    expect((await asOf(dip, 'N07P002', '2023-08-29')).workload).toMatchObject({ over110Since: '2023-08-22', excessive: false });
  });

  it('gives no workload and no team, never a made-up figure, when there are no snapshots', async () => {
    const r = await asOf({ 'a.csv': HELD, 't.csv': teams(['2023-09-01,N07T09,80,Green']) }, 'N07P002', '2023-09-10');
    expect(r.workload).toBeNull();
    expect(r.team).toBeNull();
  });

  it("finds the team from the workload snapshot's team, else from the allocation's", async () => {
    const t = teams(['2023-08-01,N07T02,61,Red', '2023-08-15,N07T03,90,Green', '2023-09-01,N07T02,58,Red']);
    expect((await asOf({ 'a.csv': HELD, 't.csv': t, 'w.csv': workload(snapshots('2023-08-01', [0], 100)) }, 'N07P002', '2023-08-31')).team).toEqual({ teamCode: 'N07T02', snapshotDate: '2023-08-01', staffingPct: 61, deliveryStatus: 'Red' });
    expect((await asOf({ 'a.csv': HELD, 't.csv': t }, 'N07P003', '2023-08-20')).team).toEqual({ teamCode: 'N07T03', snapshotDate: '2023-08-15', staffingPct: 90, deliveryStatus: 'Green' });
  });

  it("counts the officer's contacts on other cases that day and in the seven days ending on it", async () => {
    const other = contacts(['X999999,0,2023-09-03,,COAP,N07P002,,,', 'X999999,1,2023-09-04,,COAP,N07P002,,,', 'X999999,2,2023-09-05,,COAP,N07P002,,,', 'X999999,3,2023-09-10,09:00,COAP,N07P002,,,', 'X999999,4,2023-09-10,17:00,COAP,N07P002,,,', 'X999999,5,2023-09-10,,COAP,N07P001,,,', 'X999999,6,2023-09-11,,COAP,N07P002,,,']);
    expect((await asOf({ 'a.csv': HELD, 'c.csv': other }, 'N07P002', '2023-09-10T08:00')).otherWork).toEqual({ sameDay: 2, sameWeek: 4 });
  });
});
