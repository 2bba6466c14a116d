import { BRIDGE_METHODS, bridgeContract, channelFor, type BridgeMethod, type BridgeRequest, type BridgeResponse } from '../shared/bridge/contract.js';
import { createDocumentSaving, type CallerContents, type DocumentPorts } from './documents.js';
import { createKeyProtection, type SafeStorageLike } from './keyProtection.js';
import { isTrustedSender, type SenderFrame } from './security/origin.js';

/** Each method's handler: the checked request, and the web contents that asked (printing a PDF prints that window). */
export type BridgeHandlers = { [M in BridgeMethod]: (request: BridgeRequest<M>, caller: CallerContents) => Promise<BridgeResponse<M>> };

/** Who made a call: the frame (to check it is the app) and its web contents. */
export interface BridgeEvent {
  senderFrame: SenderFrame;
  sender: CallerContents;
}

/** What a rejected call tells the renderer: a plain reason, never a stack trace. */
export class BridgeRejection extends Error {}

/**
 * Serve one bridge call: reject untrusted senders, re-parse the payload with the contract's schema, run the
 * handler, and check its answer before it crosses back.
 */
export async function serveBridgeCall<M extends BridgeMethod>(
  handlers: BridgeHandlers,
  method: M,
  event: BridgeEvent,
  payload: unknown,
): Promise<BridgeResponse<M>> {
  if (!isTrustedSender(event.senderFrame)) throw new BridgeRejection(`refused ${method}: the sender is not the app`);
  const contract = bridgeContract[method];
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) throw new BridgeRejection(`refused ${method}: the request is not valid`);
  const response = await handlers[method](parsed.data as BridgeRequest<M>, event.sender);
  return contract.response.parse(response) as BridgeResponse<M>;
}

/** Register every bridge method on an ipcMain-like object. */
export function registerBridge(
  ipc: { handle: (channel: string, listener: (event: BridgeEvent, payload: unknown) => Promise<unknown>) => void },
  handlers: BridgeHandlers,
): void {
  for (const method of BRIDGE_METHODS) {
    ipc.handle(channelFor(method), (event, payload) => serveBridgeCall(handlers, method, event, payload));
  }
}

export interface AppInfoSource {
  name: string;
  version: string;
  platform: string;
}

export function createBridgeHandlers(app: AppInfoSource, safeStorage: SafeStorageLike, documents: DocumentPorts): BridgeHandlers {
  return {
    getAppInfo: async () => ({ name: app.name, version: app.version, shell: 'desktop', platform: app.platform }),
    ...createKeyProtection(safeStorage, app.platform),
    ...createDocumentSaving(documents),
  };
}
