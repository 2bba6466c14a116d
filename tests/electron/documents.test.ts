import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PDF_OPTIONS, type CallerContents, type DocumentPorts, type PdfOptions, type SaveDialogOptions } from '../../electron/documents.js';
import { createBridgeHandlers, serveBridgeCall } from '../../electron/ipc.js';
import { bridgeContract, documentFileName, MAX_DOCUMENT_BYTES } from '../../shared/bridge/contract.js';

const app = { name: 'Foresight', version: '1.2.3', platform: 'linux' };
const noSecretStore = { isAsyncEncryptionAvailable: async () => false, encryptStringAsync: vi.fn(), decryptStringAsync: vi.fn() };
const BYTES = new TextEncoder().encode('PK\u0003\u0004 a Word document');
const PDF = new TextEncoder().encode('%PDF-1.7 the print view');

/** A window's web contents that records what it was asked to print. */
function fakeContents(pdf = PDF): CallerContents & { printed: PdfOptions[] } {
  const printed: PdfOptions[] = [];
  return { printed, printToPDF: async (options) => (printed.push(options), pdf) };
}

/** The dialog answers as the person would; files are written to a map. */
function fakePorts(answer: { canceled: boolean; filePath?: string }, ...more: { canceled: boolean; filePath?: string }[]) {
  const dialogs: { caller: CallerContents; options: SaveDialogOptions }[] = [];
  const files = new Map<string, Uint8Array>();
  const answers = [answer, ...more];
  const ports: DocumentPorts = {
    documentsFolder: () => '/home/ann/Documents',
    showSaveDialog: async (caller, options) => (dialogs.push({ caller, options }), answers[Math.min(dialogs.length, answers.length) - 1]!),
    writeFile: async (path, data) => void files.set(path, data),
    exists: async (path) => files.has(path),
  };
  return { ports, dialogs, files };
}

const call = (ports: DocumentPorts, method: 'saveDocument' | 'printToPdf', payload: unknown, sender: CallerContents = fakeContents(), url = 'app://foresight/index.html') =>
  serveBridgeCall(createBridgeHandlers(app, noSecretStore, ports), method, { senderFrame: { url, parent: null }, sender }, payload);

describe('saving a document in the desktop app', () => {
  it('asks where with the save dialog, starting in Documents with the suggested name, and writes the bytes there', async () => {
    const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: '/home/ann/Reviews/SFO review - X900417.docx' });
    const sender = fakeContents();
    await expect(call(ports, 'saveDocument', { suggestedName: 'SFO review - X900417.docx', kind: 'docx', data: BYTES }, sender)).resolves.toEqual({
      outcome: 'saved',
      path: '/home/ann/Reviews/SFO review - X900417.docx',
    });
    expect([...files]).toEqual([['/home/ann/Reviews/SFO review - X900417.docx', BYTES]]);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.caller).toBe(sender);
    expect(dialogs[0]!.options).toMatchObject({
      defaultPath: '/home/ann/Documents/SFO review - X900417.docx',
      filters: [{ name: 'Word document', extensions: ['docx'] }],
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    expect(sender.printed).toEqual([]);
  });

  it('never replaces a file the dialog did not ask about: a name typed without its extension, whose file exists, is asked again', async () => {
    const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: '/tmp/review' }, { canceled: false, filePath: '/tmp/review (2).docx' });
    files.set('/tmp/review.docx', new Uint8Array([1]));
    await expect(call(ports, 'saveDocument', { suggestedName: 'review.docx', kind: 'docx', data: BYTES })).resolves.toEqual({ outcome: 'saved', path: '/tmp/review (2).docx' });
    expect(files.get('/tmp/review.docx')).toEqual(new Uint8Array([1]));
    expect(dialogs.map((d) => d.options.defaultPath)).toEqual(['/home/ann/Documents/review.docx', '/tmp/review.docx']);
  });

  it('offers each kind of document under its own name and extension', async () => {
    for (const [kind, name] of [['html', 'Web page (HTML)'], ['csv', 'Spreadsheet (CSV)'], ['pdf', 'PDF document']] as const) {
      const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: `/tmp/r.${kind}` });
      await call(ports, 'saveDocument', { suggestedName: `r.${kind}`, kind, data: BYTES });
      expect(dialogs[0]!.options.filters).toEqual([{ name, extensions: [kind] }]);
      expect([...files.keys()]).toEqual([`/tmp/r.${kind}`]);
    }
  });

  it('adds the extension when the name chosen has none', async () => {
    const { ports, files } = fakePorts({ canceled: false, filePath: '/home/ann/chronology' });
    await expect(call(ports, 'saveDocument', { suggestedName: 'chronology.csv', kind: 'csv', data: BYTES })).resolves.toEqual({ outcome: 'saved', path: '/home/ann/chronology.csv' });
    expect([...files.keys()]).toEqual(['/home/ann/chronology.csv']);
  });

  it('writes nothing when the person cancels, and says so', async () => {
    for (const answer of [{ canceled: true }, { canceled: true, filePath: '/home/ann/x.docx' }, { canceled: false, filePath: '' }]) {
      const { ports, files } = fakePorts(answer);
      await expect(call(ports, 'saveDocument', { suggestedName: 'x.docx', kind: 'docx', data: BYTES })).resolves.toEqual({ outcome: 'cancelled' });
      expect(files.size).toBe(0);
    }
  });

  it('refuses a request that is not a document to save, before any dialog opens: a path for a name, an unknown kind, no bytes or too many', async () => {
    const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: '/home/ann/x' });
    const good = { suggestedName: 'review.docx', kind: 'docx', data: BYTES };
    const bad: unknown[] = [
      { ...good, suggestedName: '../../.bashrc.docx' },
      { ...good, suggestedName: '/etc/cron.d/x.docx' },
      { ...good, suggestedName: 'C:\\Users\\ann\\x.docx' },
      { ...good, suggestedName: 'a:b.docx' },
      { ...good, suggestedName: '.hidden.docx' },
      { ...good, suggestedName: 'line\nbreak.docx' },
      { ...good, suggestedName: '' },
      { ...good, suggestedName: `${'a'.repeat(200)}.docx` },
      { ...good, suggestedName: 'review.exe' },
      { ...good, suggestedName: 'review.pdf' },
      { ...good, kind: 'exe', suggestedName: 'review.exe' },
      { ...good, data: new Uint8Array() },
      { ...good, data: new Uint8Array(MAX_DOCUMENT_BYTES + 1) },
      { ...good, data: [80, 75] },
      { ...good, data: 'PK' },
      { ...good, data: BYTES.buffer },
      { ...good, data: new DataView(BYTES.buffer) },
      { ...good, path: '/etc/passwd' },
      { suggestedName: 'review.docx', kind: 'docx' },
      null,
    ];
    for (const [i, payload] of bad.entries()) await expect(call(ports, 'saveDocument', payload), `bad request ${i}`).rejects.toThrow(/request is not valid/);
    expect(dialogs).toEqual([]);
    expect(files.size).toBe(0);
    // The largest document allowed passes.
    await expect(call(ports, 'saveDocument', { ...good, data: new Uint8Array(MAX_DOCUMENT_BYTES) })).resolves.toMatchObject({ outcome: 'saved' });
  });

  it('takes a Node Buffer as bytes, as IPC may deliver them', async () => {
    const { ports, files } = fakePorts({ canceled: false, filePath: '/tmp/x.html' });
    await call(ports, 'saveDocument', { suggestedName: 'x.html', kind: 'html', data: Buffer.from('<!doctype html>') });
    expect(new TextDecoder().decode(files.get('/tmp/x.html'))).toBe('<!doctype html>');
  });

  it('saves nothing for a frame that is not the app', async () => {
    const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: '/tmp/x.docx' });
    await expect(call(ports, 'saveDocument', { suggestedName: 'x.docx', kind: 'docx', data: BYTES }, fakeContents(), 'https://evil.example/')).rejects.toThrow(/not the app/);
    expect(dialogs).toEqual([]);
    expect(files.size).toBe(0);
  });
});

describe('printing the print view as a PDF in the desktop app', () => {
  it('prints the window that asked, A4 with the print CSS’s page size and a page number at the foot, and writes that PDF', async () => {
    const { ports, dialogs, files } = fakePorts({ canceled: false, filePath: '/home/ann/Documents/SFO review - X900417.pdf' });
    const asking = fakeContents();
    const other = fakeContents(new TextEncoder().encode('%PDF another window'));
    await expect(call(ports, 'printToPdf', { suggestedName: 'SFO review - X900417.pdf' }, asking)).resolves.toEqual({ outcome: 'saved', path: '/home/ann/Documents/SFO review - X900417.pdf' });
    expect(asking.printed).toEqual([PDF_OPTIONS]);
    expect(other.printed).toEqual([]);
    expect(asking.printed[0]).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true });
    expect(asking.printed[0]!.footerTemplate).toMatch(/class="pageNumber".*class="totalPages"/);
    expect(files.get('/home/ann/Documents/SFO review - X900417.pdf')).toBe(PDF);
    expect(dialogs[0]!.caller).toBe(asking);
    expect(dialogs[0]!.options).toMatchObject({ defaultPath: '/home/ann/Documents/SFO review - X900417.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  });

  it('writes nothing when the person cancels', async () => {
    const { ports, files } = fakePorts({ canceled: true });
    await expect(call(ports, 'printToPdf', { suggestedName: 'review.pdf' })).resolves.toEqual({ outcome: 'cancelled' });
    expect(files.size).toBe(0);
  });

  it('refuses a name that is a path or not a PDF’s, printing nothing', async () => {
    const { ports, files } = fakePorts({ canceled: false, filePath: '/tmp/x.pdf' });
    const sender = fakeContents();
    for (const payload of [{ suggestedName: '../x.pdf' }, { suggestedName: 'review.docx' }, { suggestedName: 'x.pdf', pageSize: 'A3' }, {}]) {
      await expect(call(ports, 'printToPdf', payload, sender)).rejects.toThrow(/request is not valid/);
    }
    expect(sender.printed).toEqual([]);
    expect(files.size).toBe(0);
  });
});

describe('the answer says where the document went', () => {
  it('is one of: a file the person chose, the browser’s downloads, the print dialog, or nowhere', () => {
    const save = bridgeContract.saveDocument.response;
    const print = bridgeContract.printToPdf.response;
    expect(save.parse({ outcome: 'saved', path: '/x.docx' })).toEqual({ outcome: 'saved', path: '/x.docx' });
    expect(save.parse({ outcome: 'downloaded' })).toEqual({ outcome: 'downloaded' });
    expect(print.parse({ outcome: 'printed' })).toEqual({ outcome: 'printed' });
    expect(save.parse({ outcome: 'cancelled' })).toEqual({ outcome: 'cancelled' });
    expect(print.parse({ outcome: 'cancelled' })).toEqual({ outcome: 'cancelled' });
    // A download has no path the app could know; a saved file always has one; saving never "prints".
    expect(() => save.parse({ outcome: 'downloaded', path: '/x' })).toThrow();
    expect(() => save.parse({ outcome: 'saved' })).toThrow();
    expect(() => save.parse({ outcome: 'printed' })).toThrow();
    expect(() => print.parse({ outcome: 'downloaded' })).toThrow();
  });
});

describe('a document’s file name from its title', () => {
  it('keeps the title’s words and drops what no file name may hold', () => {
    expect(documentFileName('SFO review: X900417', 'docx')).toBe('SFO review - X900417.docx');
    expect(documentFileName('Review of A/B <draft> "v2"?', 'pdf')).toBe('Review of A - B - draft - v2.pdf');
    expect(documentFileName('  ...  ', 'csv')).toBe('Review.csv');
    expect(documentFileName('x'.repeat(500), 'html')).toHaveLength(155);
  });

  it('always makes a name the bridge accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('docx', 'html', 'csv', 'pdf' as const), (title, kind) => {
        const suggestedName = documentFileName(title, kind);
        expect(bridgeContract.saveDocument.request.safeParse({ suggestedName, kind, data: BYTES }).success, suggestedName).toBe(true);
      }),
    );
  });
});
