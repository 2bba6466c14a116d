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
};
