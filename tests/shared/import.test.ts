import { describe, expect, it } from 'vitest';
import { detectKind, mapHeaders, unknownHeaders } from '../../shared/import/columns.js';
import { readCsv } from '../../shared/import/csv.js';
import { decodeText } from '../../shared/import/decode.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import { readText, sha256 } from '../helpers/demoFiles.js';

const CONTACT_HEADER = 'crn,contact_id,contact_date,contact_start_time,type_code,staff_code,notes,created_datetime';

describe('the CSV reader', () => {
  it('reports each record at the line it starts on, across quoted fields that span lines and CRLF endings', () => {
    const table = readCsv('a,b\r\n1,"two\r\nlines"\r\n\r\n3,"say ""hi"", then go"\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'two\r\nlines'] },
      { line: 5, cells: ['3', 'say "hi", then go'] },
    ]);
  });

  it('reads a last line without a line ending', () => {
    expect(readCsv('a\n1\n2').rows.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe('encodings', () => {
  it('reads UTF-8 with a BOM and says so', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Zieliński')]);
    expect(decodeText(bytes)).toEqual({ text: 'Zieliński', encoding: 'utf-8', hadBom: true });
  });

  it('reads Windows-1252 (a spreadsheet re-saved on Windows) with its curly quotes and pound signs', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0xa3, 0x35]);
    expect(decodeText(bytes)).toEqual({ text: '\u201cHi\u201d \u00a35', encoding: 'windows-1252', hadBom: false });
  });
});

describe('recognising and mapping columns', () => {
  it('matches headers whatever their case or punctuation', () => {
    expect(mapHeaders('contacts', ['Contact Date', 'CONTACT_ID', 'crn', 'Staff-Code', 'mystery'])).toEqual([
      'contact_date', 'contact_id', 'crn', 'staff_code', null,
    ]);
  });

  it('uses the answers a user saved for unknown headers, including "ignore"', () => {
    expect(mapHeaders('contacts', ['Case Ref', 'Junk', 'crn'], { caseref: 'notes', junk: null })).toEqual(['notes', null, 'crn']);
    expect(unknownHeaders('contacts', ['Case Ref', 'Junk', 'Other'], { caseref: 'notes', junk: null })).toEqual(['Other']);
    expect(detectKind(['Ref', 'Started', 'Officer'], { allocations: { ref: 'crn', started: 'from', officer: 'staff_code' } })).toBe('allocations');
  });

  it('maps the WMT export headers without asking', () => {
    expect(mapHeaders('workload', ['Workload Date', 'Offender Manager', 'Capacity', 'Total Cases', 'Contracted Hours', 'Reductions', 'Available Points', 'Total Points'])).toEqual([
      'snapshot_date', 'om_name', 'capacity_pct', 'total_cases', 'contracted_hours', 'reduction_hours', 'available_points', 'total_points',
    ]);
  });

  it.each([
    [CONTACT_HEADER.split(','), 'contacts'],
    [['snapshot_date', 'staff_code', 'team_code', 'capacity_pct'], 'workload'],
    [['snapshot_date', 'team_code', 'staffing_pct', 'delivery_status'], 'team'],
    [['info_id', 'crn', 'occurred', 'source_agency', 'summary'], 'information'],
    [['crn', 'staff_code', 'from', 'to', 'cover'], 'allocations'],
    [['name', 'address'], null],
    [['Case Ref', 'Contact No', 'Date', 'Type', 'Officer Code', 'Free Text'], 'contacts'],
  ])('recognises %j as %s', (header, kind) => {
    expect(detectKind(header)).toBe(kind);
  });
});

describe('reading a contacts file', () => {
  it('takes occurred from date and start time, and recorded from created_datetime', () => {
    const r = readText('c.csv', `${CONTACT_HEADER}\nX123456,1,22/06/2022,14:05,COAP,N07P012,"Seen, well",2022-06-25 09:00\n`);
    expect(r.errors).toEqual([]);
    const [c] = r.items;
    expect(c).toMatchObject({
      id: 'contact:1',
      occurred: { value: '2022-06-22T14:05:00+01:00', precision: 'exact' },
      recorded: { value: '2022-06-25T09:00:00+01:00', precision: 'exact' },
      notes: 'Seen, well',
      provenance: { fileName: 'c.csv', row: 2 },
    });
  });

  it('keeps a date-only contact at day precision and uses it as the recorded time when created_datetime is blank', () => {
    const r = readText('c.csv', `${CONTACT_HEADER}\nX123456,1,2022-06-22,,COAP,N07P012,,\n`);
    expect(r.items[0]).toMatchObject({ occurred: { value: '2022-06-22', precision: 'day' }, recorded: { value: '2022-06-22', precision: 'day' } });
  });

  it('reports every bad cell with its row, column, value and reason, and keeps the good rows', () => {
    const r = readText('c.csv', [
      CONTACT_HEADER,
      'X123456,1,31/02/2022,,COAP,N07P012,,',
      'X12345,2,01/02/2022,25:00,COAP,N07P012,,',
      'X123456,3,01/02/2022,,COAP,N07P012,,',
      'X123456,3,02/02/2022,,COAP,N07P012,,',
    ].join('\n'));
    expect(r.errors).toEqual([
      { row: 2, column: 'contact_date', value: '31/02/2022', message: 'not a real date' },
      { row: 3, column: 'crn', value: 'X12345', message: 'not a CRN (a letter and six digits)' },
      { row: 3, column: 'contact_start_time', value: '25:00', message: 'not a real time' },
      { row: 5, column: 'contact_id', value: '3', message: 'duplicate of row 4' },
    ]);
    expect(r.rows).toBe(4);
    expect(r.accepted).toBe(1);
  });

  it('names missing required columns', () => {
    const r = readText('c.csv', 'crn,contact_id,contact_date,type_code\nX123456,1,2022-01-01,COAP\n');
    expect(r.errors).toEqual([{ row: 1, column: 'staff_code', message: 'missing required column' }]);
  });

  it('refuses an empty file and a binary file renamed .csv', () => {
    expect(readCsvImportFile({ fileName: 'e.csv', bytes: new Uint8Array(), sha256: sha256(new Uint8Array()) }).errors[0]?.message).toBe('the file is empty');
    const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
    expect(readCsvImportFile({ fileName: 'x.csv', bytes: binary, sha256: sha256(binary) }).errors[0]?.message).toMatch(/not a text file/);
  });
});

describe('reading snapshots', () => {
  it('computes capacity from points when capacity_pct is absent', () => {
    const r = readText('w.csv', 'snapshot_date,staff_code,available_points,total_points\n2022-06-01,N07P012,2000,2500\n');
    expect(r.items[0]).toMatchObject({ capacityPct: 125 });
  });

  it('keeps a row whose capacity disagrees with its points, with a warning', () => {
    const r = readText('w.csv', 'snapshot_date,staff_code,capacity_pct,available_points,total_points\n2022-06-01,N07P012,90,2000,2500\n');
    expect(r.items).toHaveLength(1);
    expect(r.warnings).toEqual([{ row: 2, column: 'capacity_pct', message: 'disagrees with total_points / available_points' }]);
  });

  it('allows only the rounding the file\'s own decimals imply', () => {
    const rows = (capacity: string) => readText('w.csv', `snapshot_date,staff_code,capacity_pct,available_points,total_points\n2022-06-01,N07P012,${capacity},2000,2467\n`).warnings.length;
    expect(rows('123.4')).toBe(0);
    expect(rows('123')).toBe(0);
    expect(rows('123.2')).toBe(1);
    expect(rows('124')).toBe(1);
  });

  it('checks available points against WMT\'s arithmetic when hours and target are given', () => {
    const warn = (available: number) => readText('w.csv', `snapshot_date,staff_code,capacity_pct,nominal_target,contracted_hours,reduction_hours,available_points\n2022-06-01,N07P012,100,2176,37,1.8,${available}\n`).warnings;
    expect(warn(2070)).toEqual([]);
    expect(warn(2176)).toEqual([{ row: 2, column: 'available_points', message: 'disagrees with nominal_target × (contracted_hours − reduction_hours) / 37' }]);
  });

  it('needs capacity or both point figures', () => {
    const r = readText('w.csv', 'snapshot_date,staff_code,total_points\n2022-06-01,N07P012,2500\n');
    expect(r.errors[0]).toMatchObject({ row: 2, column: 'capacity_pct' });
  });

  it('keeps a team delivery status as recorded', () => {
    const r = readText('t.csv', 'snapshot_date,team_code,target_fte,in_post_fte,delivery_status\n2023-06-01,N07T02,10,6.1,Red\n');
    expect(r.items[0]).toMatchObject({ staffingPct: 61, deliveryStatus: 'Red' });
  });
});

describe('reading partner information', () => {
  it('keeps never-shared information as null and applies the precision column', () => {
    const r = readText('i.csv', 'info_id,crn,occurred,precision,source_agency,summary,shared_with_probation\nP-1,X123456,2023-04-10,month,Police,Call-out,\n');
    expect(r.items[0]).toMatchObject({ id: 'info:P-1', occurred: { value: '2023-04', precision: 'month' }, reachedProbation: null });
  });

  it('needs the date from which a named officer knew it', () => {
    const r = readText('i.csv', 'info_id,crn,occurred,source_agency,summary,known_to_staff_code\nP-1,X123456,2023-04-10,Police,Call-out,N07P012\n');
    expect(r.errors[0]).toMatchObject({ row: 2, column: 'known_from' });
  });
});

describe('checking UTF-8 a chunk at a time', () => {
  it('accepts a character split between chunks and a leading BOM, and rejects Windows-1252 bytes', async () => {
    const { Utf8Check } = await import('../../shared/import/decode.js');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Zoë “ok”')]);
    const split = new Utf8Check();
    for (let i = 0; i < bytes.length; i++) split.feed(bytes.subarray(i, i + 1));
    expect(split.finish()).toBe(true);
    const cp1252 = new Utf8Check();
    cp1252.feed(new Uint8Array([0x48, 0x93, 0x69, 0x94]));
    expect(cp1252.finish()).toBe(false);
    const truncated = new Utf8Check();
    truncated.feed(new Uint8Array([0x5a, 0x6f, 0xc3]));
    expect(truncated.finish()).toBe(false);
  });
});
