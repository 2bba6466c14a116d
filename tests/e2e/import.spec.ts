import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { strayQuoteExport } from '../../scripts/demo/strayQuote.js';
import { demoBytes, demoManifest } from '../helpers/demoFiles.js';
import { encodeWindows1252 } from '../helpers/windows1252.js';
import { makeXlsx } from '../helpers/xlsx.js';
import { openApp } from './app.js';

const DEMO = ['contacts.csv', 'information.csv', 'allocations.csv', 'workload_snapshots.csv', 'team_snapshots.csv'];
const DEMO_RECORDS = demoManifest.caseContacts + demoManifest.information;
type Upload = { name: string; mimeType: string; buffer: Buffer };

const csvFiles = (): Upload[] => DEMO.map((name) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(demoBytes(name)) }));
const windowsFiles = (): Upload[] =>
  DEMO.map((name) => ({ name: name.replace('.csv', '-win.csv'), mimeType: 'text/csv', buffer: Buffer.from(encodeWindows1252(new TextDecoder().decode(demoBytes(name)))) }));
const xlsxFiles = (): Upload[] =>
  DEMO.map((name) => {
    const rows = Papa.parse<string[]>(new TextDecoder().decode(demoBytes(name)), { skipEmptyLines: true }).data;
    return { name: name.replace('.csv', '.xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(makeXlsx(rows)) };
  });

async function newCase(page: Page, title: string) {
  await openApp(page);
  await expect(page.getByRole('grid', { name: 'Chronology' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/#/new');
  await page.getByLabel('Case name').fill(title);
  await page.getByLabel('CRN').fill('X900417');
  await page.getByLabel('Day').fill('12');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2023');
  await page.getByLabel('Time of the further offence (optional)').fill('02:17');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
}

async function importFiles(page: Page, files: Upload[]) {
  await page.getByLabel('Choose files').setInputFiles(files);
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible({ timeout: 60_000 });
}

/** The whole chronology, with hindsight on: every record, those after the further offence included. */
async function chronologyOf(page: Page) {
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await page.getByLabel('Hindsight', { exact: true }).check();
  const grid = page.getByRole('grid', { name: 'Chronology' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(DEMO_RECORDS + 1), { timeout: 30_000 });
  await page.locator('tr[data-record-id="contact:2600000003"]').click();
  return page.getByRole('complementary', { name: 'Selected record' }).innerText();
}

for (const [variant, files] of [['UTF-8 CSV', csvFiles], ['Windows-1252 CSV', windowsFiles], ['Excel workbooks', xlsxFiles]] as const) {
  test(`a new user imports the demo files as ${variant} and gets the demo case`, async ({ page }) => {
    await newCase(page, `Imported from ${variant}`);
    await importFiles(page, files());
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Kind' }) });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table).toContainText('Contacts (nDelius contact list)');
    await expect(table).toContainText(variant === 'Windows-1252 CSV' ? 'Windows-1252' : variant === 'Excel workbooks' ? 'Excel workbook' : 'UTF-8');
    await expect(page.getByText('Problems')).toHaveCount(0);
    await page.getByRole('button', { name: 'Accept and store' }).click();
    await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible({ timeout: 60_000 });
    const detail = await chronologyOf(page);
    expect(detail).toContain('Risk of serious harm to a known adult (partner) assessed as High.');
    // The notes with curly quotes and a diaeresis survive every encoding.
    await page.locator('.chronology-scroll').focus();
    const curly = page.locator('td.col-summary', { hasText: '“going well”' });
    await page.getByRole('grid', { name: 'Chronology' }).focus();
    for (let i = 0; i < 40 && (await curly.count()) === 0; i++) await page.keyboard.press('PageDown');
    await expect(curly.first()).toBeVisible();
    // The accepted import is in the case's audit trail, and left a backup.
    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.locator('tbody tr').first()).toContainText(/Imported 5 files \(.*\): 354 case records, 4,117 other-work contacts, 851 workload snapshots, 81 team snapshots, 3 allocations stored/);
    await expect(page.getByText(/The audit trail checks out: its 2 entries are/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Backups' }).click();
    // Made after the import is stored, in a worker that outlives the import screen.
    await expect(page.getByRole('row', { name: new RegExp(`Imported from ${variant}.*After an import`) })).toBeVisible({ timeout: 30_000 });
  });
}

test('re-importing the same files changes nothing', async ({ page }) => {
  await newCase(page, 'Re-import');
  await importFiles(page, csvFiles());
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import more files' }).click();
  await importFiles(page, csvFiles());
  await expect(page.getByText('Nothing new: everything in these files is already in the case.')).toBeVisible();
  await expect(page.getByText('Imported before')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Accept and store' })).toHaveCount(0);
  await chronologyOf(page);
});

test('an overlapping file adds only its new rows and lists changed rows to accept or reject', async ({ page }) => {
  await newCase(page, 'Overlap');
  const header = 'crn,contact_id,contact_date,contact_start_time,type_code,type_description,staff_code,notes\n';
  const first = header + 'X900417,1,01/06/2023,10:00,COAP,Planned Office Visit (NS),N07P214,First note\nX900417,2,02/06/2023,10:00,COAP,Planned Office Visit (NS),N07P214,Second note\n';
  const second = header + 'X900417,2,02/06/2023,10:00,COAP,Planned Office Visit (NS),N07P214,Second note corrected\nX900417,3,03/06/2023,10:00,COAP,Planned Office Visit (NS),N07P214,Third note\n';
  await importFiles(page, [{ name: 'june-a.csv', mimeType: 'text/csv', buffer: Buffer.from(first) }]);
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await page.getByRole('button', { name: 'Import more files' }).click();
  await importFiles(page, [{ name: 'june-b.csv', mimeType: 'text/csv', buffer: Buffer.from(second) }]);
  await expect(page.getByText('Rows that differ from what the case holds (1)')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Second note corrected' })).toBeVisible();
  await expect(page.getByText(/This will store\s*1 case record,/)).toBeVisible();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toHaveAttribute('aria-rowcount', '4');
  await expect(page.locator('tr[data-record-id="contact:2"]')).toContainText('Second note');
  await expect(page.locator('tr[data-record-id="contact:2"]')).not.toContainText('corrected');
});

test('a bad file shows its row errors, can be downloaded, and stores nothing', async ({ page }) => {
  await newCase(page, 'Bad file');
  const bad = 'crn,contact_id,contact_date,type_code,staff_code\nX900417,1,31/02/2022,COAP,N07P214\nX900417,2,01/02/2022,COAP,N07P21\n';
  await importFiles(page, [{ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) }]);
  await expect(page.getByText('Blocked')).toBeVisible();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('row').nth(1)).toContainText('bad.csv');
  await expect(problems).toContainText('contact_date');
  await expect(problems).toContainText('31/02/2022');
  await expect(problems).toContainText('not a real date');
  await expect(problems).toContainText('staff_code');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download problems (CSV)' }).click();
  expect((await download).suggestedFilename()).toBe('import-problems.csv');
  await expect(page.getByRole('button', { name: 'Accept and store' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible();
});

test('an 8.7 MB export with a stray quote is refused at that quote, naming its line and column, and stores nothing', async ({ page }) => {
  await newCase(page, 'Stray quote');
  await importFiles(page, [{ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(strayQuoteExport()) }]);
  await expect(page.getByText('Blocked')).toBeVisible();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText("a quote opened in column 'notes' on line 1,204 is not closed within 100,000 characters");
  await expect(page.getByRole('button', { name: 'Accept and store' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible();
});

test('cancel during the check leaves nothing stored', async ({ page }) => {
  await newCase(page, 'Cancelled');
  await page.getByLabel('Choose files').setInputFiles(csvFiles());
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Choose files')).toBeVisible();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible();
});

test('without an allocations file, allocations are proposed from transfer contacts and stored only when confirmed', async ({ page }) => {
  await newCase(page, 'Proposed allocations');
  await importFiles(page, csvFiles().filter((f) => f.name !== 'allocations.csv'));
  const proposals = page.getByRole('region', { name: 'Who held the case (proposed)' });
  await expect(proposals.getByLabel('Staff code, row 1')).toHaveValue('N07P101');
  await expect(proposals.getByLabel('From, row 1')).toHaveValue('16/05/2022');
  await expect(proposals.getByLabel('To, row 1')).toHaveValue('31/01/2023');
  await expect(proposals.getByLabel('Staff code, row 2')).toHaveValue('N07P214');
  await expect(proposals.getByLabel('To, row 2')).toHaveValue('');
  // The reviewer adds the sickness cover the transfers cannot show, and makes a mistake first.
  await proposals.getByRole('button', { name: 'Add an allocation' }).click();
  await proposals.getByLabel('Staff code, row 3').fill('N07P377');
  await proposals.getByLabel('From, row 3').fill('10/07/2023');
  await proposals.getByLabel('To, row 3').fill('31/02/2023');
  await proposals.getByLabel('Cover, row 3').check();
  await page.getByLabel('I have checked these allocations: store them with the import').check();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(proposals.getByText('Enter a real date, or leave blank if still held')).toBeVisible();
  await proposals.getByLabel('To, row 3').fill('20/08/2023');
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible({ timeout: 60_000 });
  // What was stored, by what it is: the case's own records apart from the officers' other work.
  const m = demoManifest;
  const n = (k: number) => k.toLocaleString('en-GB');
  await expect(page.getByText(`Stored in one step: ${n(m.caseContacts + m.information)} case records, ${n(m.otherContacts)} other-work contacts, ${n(m.workloadSnapshots)} workload snapshots, ${n(m.teamSnapshots)} team snapshots, 3 allocations.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the timeline' })).toBeVisible();
  await expect(page.getByText('A backup of the case as it now stands has been made.')).toBeVisible({ timeout: 30_000 });
});

test('the import screens have no axe-core violations (WCAG 2.2 AA)', async ({ page }) => {
  const scan = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
  await newCase(page, 'Accessible import');
  expect(await scan()).toEqual([]);
  const bad = 'crn,contact_id,contact_date,type_code,staff_code\nX900417,1,31/02/2022,COAP,N07P214\n';
  await importFiles(page, [...csvFiles().filter((f) => f.name !== 'allocations.csv'), { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) }]);
  await expect(page.getByRole('region', { name: 'Who held the case (proposed)' })).toBeVisible();
  expect(await scan()).toEqual([]);
});

test('unknown columns are asked about once, with example values, and the answers are remembered', async ({ page }) => {
  await newCase(page, 'Mapped columns');
  const file = (name: string, id: number) => ({
    name, mimeType: 'text/csv',
    buffer: Buffer.from(`Case Ref,Contact No,Date,Type,Officer Code,Free Text\nX900417,${id},01/06/2023,COAP,N07P214,Seen in the office\n`),
  });
  await page.getByLabel('Choose files').setInputFiles([file('local-export.csv', 1)]);
  await expect(page.getByRole('heading', { name: 'Tell Foresight what these columns hold' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Free Text/ })).toContainText('Seen in the office');
  await page.getByLabel('Case Ref').selectOption('crn');
  await page.getByLabel('Contact No').selectOption('contact_id');
  await page.getByLabel('Type', { exact: true }).selectOption('type_code');
  await page.getByLabel('Free Text').selectOption('notes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible();

  await page.getByRole('button', { name: 'Import more files' }).click();
  await importFiles(page, [file('local-export-2.csv', 2)]);
  await page.getByRole('button', { name: 'Accept and store' }).click();
  // Leaving the import screen while it stores cancels the import: wait until it is stored.
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Chronology' })).toHaveAttribute('aria-rowcount', '3');
  await expect(page.locator('tr[data-record-id="contact:2"]')).toContainText('Seen in the office');
});

test('a file of no known kind can be given its kind and columns', async ({ page }) => {
  await newCase(page, 'Unknown kind');
  await page.getByLabel('Choose files').setInputFiles([{ name: 'who.csv', mimeType: 'text/csv', buffer: Buffer.from('Ref,Started,Officer\nX900417,01/02/2023,N07P214\n') }]);
  await expect(page.getByRole('heading', { name: 'Tell Foresight what these columns hold' })).toBeVisible();
  await page.getByLabel('What does this file hold?').selectOption('allocations');
  await page.getByLabel('Ref').selectOption('crn');
  await page.getByLabel('Started').selectOption('from');
  await page.getByLabel('Officer').selectOption('staff_code');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Allocations (who held the case)', exact: true })).toBeVisible();
  await expect(page.getByText(/This will store\s*1 allocation,/)).toBeVisible();
});

test('a large Windows-1252 file whose first megabyte is plain ASCII is still read as Windows-1252', async ({ page }) => {
  await newCase(page, 'Late Windows-1252');
  const header = 'crn,contact_id,contact_date,type_code,staff_code,notes\n';
  const ascii = Array.from({ length: 14_000 }, (_, i) => `X900417,${i + 1},01/06/2023,COAP,N07P214,Routine note number ${i + 1} about reporting and housing.\n`).join('');
  const last = encodeWindows1252('X900417,99999,02/06/2023,COAP,N07P214,He said it was “fine”.\n');
  const bytes = Buffer.concat([Buffer.from(header + ascii), Buffer.from(last)]);
  expect(bytes.length).toBeGreaterThan(1024 * 1024);
  await importFiles(page, [{ name: 'late.csv', mimeType: 'text/csv', buffer: bytes }]);
  await expect(page.getByRole('cell', { name: /late\.csv.*Windows-1252/ })).toBeVisible();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await page.getByRole('grid', { name: 'Chronology' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('complementary', { name: 'Selected record' })).toContainText('He said it was “fine”.');
});

test('a changed row the user accepts replaces the stored one, with the new file as its source', async ({ page }) => {
  await newCase(page, 'Accepted change');
  const header = 'crn,contact_id,contact_date,type_code,staff_code,notes\n';
  await importFiles(page, [{ name: 'v1.csv', mimeType: 'text/csv', buffer: Buffer.from(header + 'X900417,7,01/06/2023,COAP,N07P214,Original\n') }]);
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await page.getByRole('button', { name: 'Import more files' }).click();
  await importFiles(page, [{ name: 'v2.csv', mimeType: 'text/csv', buffer: Buffer.from(header + 'X900417,7,01/06/2023,COAP,N07P214,Corrected\n') }]);
  await page.getByLabel("Replace contact:7 with the file's version").check();
  await expect(page.getByText(/replace\s*1\s*changed row,/)).toBeVisible();
  await page.getByRole('button', { name: 'Accept and store' }).click();
  await expect(page.getByRole('heading', { name: 'Import stored' })).toBeVisible();
  await page.getByRole('link', { name: 'Chronology', exact: true }).click();
  await page.locator('tr[data-record-id="contact:7"]').click();
  const detail = page.getByRole('complementary', { name: 'Selected record' });
  await expect(detail).toContainText('Corrected');
  await detail.getByText('Technical details').click();
  await expect(detail).toContainText('v2.csv');
  await expect(detail.locator('.hash')).toHaveText(/^[0-9a-f]{64}$/);
});

test('closing the window while an import is being stored leaves the case as it was', async ({ page, context }) => {
  await newCase(page, 'Closed mid-import');
  const caseUrl = page.url().replace(/\/import$/, '');
  // Enough rows that storing them takes a while: 60,000 contacts for the case.
  const header = 'crn,contact_id,contact_date,type_code,staff_code,notes';
  const rows = Array.from({ length: 60_000 }, (_, i) => `X900417,${4_000_000_000 + i},2023-0${1 + (i % 9)}-1${i % 10},COAP,N07P214,"Attended on time; discussed housing, work and the licence conditions at length. Ref ${i}."`);
  await page.getByLabel('Choose files').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
  await page.getByRole('button', { name: 'Accept and store' }).click({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Storing the import' })).toBeVisible();
  await expect.poll(async () => Number((await page.getByRole('progressbar').getAttribute('value')) ?? 0), { intervals: [20] }).toBeGreaterThan(0);
  // Part-way through the write: it has started and has not finished.
  expect(await page.getByRole('heading', { name: 'Import stored' }).isVisible()).toBe(false);
  await page.close({ runBeforeUnload: false });

  const reopened = await context.newPage();
  await openApp(reopened, caseUrl);
  await expect(reopened.getByRole('heading', { name: 'This case has no records yet' })).toBeVisible({ timeout: 30_000 });
});
