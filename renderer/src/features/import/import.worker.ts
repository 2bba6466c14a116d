/// <reference lib="webworker" />
// The import worker: a thin adapter that hands each message from the window to the import session (app/importSession.ts)
// and posts its answers back. Cancel terminates the worker: nothing is stored before Accept.
import { handleImportMessage } from '../../app/importSession.js';
import type { ToWorker } from '../../app/importProtocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ToWorker>) => handleImportMessage(event.data, (message) => self.postMessage(message));
