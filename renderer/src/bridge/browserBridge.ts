import { bridgeContract, type DocumentKind, type ForesightBridge } from '../../../shared/bridge/contract.js';
import { saveFile } from '../features/shell/saveFile.js';

const MEDIA_TYPES: Record<DocumentKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * The bridge in a plain browser (`npm run web` and the Playwright suite): the same interface as the desktop
 * preload, answered without a main process.
 */
export const browserBridge: ForesightBridge = {
  getAppInfo: async () => ({
    name: 'Foresight',
    version: __APP_VERSION__,
    shell: 'browser',
    platform: navigator.platform || 'unknown',
  }),
  // A browser has no operating-system secret store to offer: a passphrase protects the store instead.
  keyProtection: async () => ({ available: false, reason: 'In the browser build, a passphrase protects the cases stored on this computer.' }),
  protectKey: async () => {
    throw new Error('The browser build cannot protect a key with the operating system.');
  },
  unprotectKey: async () => {
    throw new Error('The browser build cannot protect a key with the operating system.');
  },
  // Checked against the contract as the desktop checks it, so a request the desktop would refuse is refused here too.
  // The browser saves the download where it is set to (usually Downloads): the app can say only that.
  saveDocument: async (request) => {
    const { suggestedName, kind, data } = bridgeContract.saveDocument.request.parse(request);
    saveFile(data, suggestedName, MEDIA_TYPES[kind]);
    return { outcome: 'downloaded' };
  },
  // The browser's own print dialog, over the print view on screen: "Save as PDF" is chosen there.
  printToPdf: async (request) => {
    bridgeContract.printToPdf.request.parse(request);
    window.print();
    return { outcome: 'printed' };
  },
};
