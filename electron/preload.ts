// Sandboxed preload: exposes one object, `window.foresight`, with one named async function per bridge method.
// No generic invoke, no raw ipcRenderer. Requests and responses are checked against the shared contract here too.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_METHODS, bridgeContract, channelFor, type ForesightBridge } from '../shared/bridge/contract.js';

const api = Object.fromEntries(
  BRIDGE_METHODS.map((method) => [
    method,
    async (request: unknown) => {
      const contract = bridgeContract[method];
      const response: unknown = await ipcRenderer.invoke(channelFor(method), contract.request.parse(request));
      return contract.response.parse(response);
    },
  ]),
) as ForesightBridge;

contextBridge.exposeInMainWorld('foresight', Object.freeze(api));
