import { extname, join } from 'node:path';
import type { BridgeRequest, DocumentKind } from '../shared/bridge/contract.js';

/** What Chromium is asked for when it prints a window as PDF: A4, the page size and margins the print CSS sets. */
export interface PdfOptions {
  pageSize: 'A4';
  preferCSSPageSize: boolean;
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  generateTaggedPDF: boolean;
  generateDocumentOutline: boolean;
}

/** The web contents that made a bridge call, as far as saving documents uses it: a fake in tests, Electron's in main.ts. */
export interface CallerContents {
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('showOverwriteConfirmation' | 'createDirectory')[];
}

/** What saving needs from Electron and Node, injected so it is tested without either. */
export interface DocumentPorts {
  /** The person's Documents folder, where the dialog starts. */
  documentsFolder(): string;
  /** The native save dialog, over the window of the caller. */
  showSaveDialog(caller: CallerContents, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Whether a file is there already: the dialog asked about the name as typed, not with the extension added. */
  exists(path: string): Promise<boolean>;
}

/** Each kind of document as the save dialog names it. */
const KINDS: Record<DocumentKind, string> = {
  docx: 'Word document',
  html: 'Web page (HTML)',
  csv: 'Spreadsheet (CSV)',
  pdf: 'PDF document',
};

/** The page's number at the foot of each page; the header is empty (Chromium would otherwise print the title and the app's URL). */
export const PDF_OPTIONS: PdfOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: '<div style="width:100%;text-align:center;font-family:Arial,Helvetica,sans-serif;font-size:8pt;color:#0b0c0c">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/**
 * Saving documents in the desktop app (issue 15): the native save dialog, opening in the Documents folder with the
 * name suggested, then the bytes written where the person chose. Cancelling writes nothing.
 */
export function createDocumentSaving(ports: DocumentPorts) {
  const save = async (caller: CallerContents, suggestedName: string, kind: DocumentKind, data: Uint8Array): Promise<{ outcome: 'saved'; path: string } | { outcome: 'cancelled' }> => {
    let defaultPath = join(ports.documentsFolder(), suggestedName);
    for (;;) {
      const chosen = await ports.showSaveDialog(caller, {
        title: `Save as ${KINDS[kind]}`,
        defaultPath,
        buttonLabel: 'Save',
        filters: [{ name: KINDS[kind], extensions: [kind] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (chosen.canceled || !chosen.filePath) return { outcome: 'cancelled' };
      if (extname(chosen.filePath)) {
        await ports.writeFile(chosen.filePath, data);
        return { outcome: 'saved', path: chosen.filePath };
      }
      // Some Linux dialogs return the name as typed: it gets the kind's extension, and if a file of that name is
      // there already, the dialog asks again with that name, so nothing is replaced without the person saying so.
      const path = `${chosen.filePath}.${kind}`;
      if (!(await ports.exists(path))) {
        await ports.writeFile(path, data);
        return { outcome: 'saved', path };
      }
      defaultPath = path;
    }
  };
  return {
    saveDocument: ({ suggestedName, kind, data }: BridgeRequest<'saveDocument'>, caller: CallerContents) => save(caller, suggestedName, kind, data),
    // The window is printed as it is now (the renderer has put the print view on screen), before the dialog opens.
    printToPdf: async ({ suggestedName }: BridgeRequest<'printToPdf'>, caller: CallerContents) => {
      return save(caller, suggestedName, 'pdf', await caller.printToPDF(PDF_OPTIONS));
    },
  };
}
