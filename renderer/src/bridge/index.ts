import type { ForesightBridge } from '../../../shared/bridge/contract.js';
import { browserBridge } from './browserBridge.js';

declare global {
  interface Window {
    foresight?: ForesightBridge;
  }
}

/** The one way the renderer reaches the shell: the desktop preload's object, or the browser stand-in. */
export const bridge: ForesightBridge = window.foresight ?? browserBridge;
