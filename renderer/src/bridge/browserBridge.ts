import type { ForesightBridge } from '../../../shared/bridge/contract.js';

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
};
