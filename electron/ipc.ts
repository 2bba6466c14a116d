import { BRIDGE_METHODS, bridgeContract, channelFor, type BridgeMethod, type BridgeRequest, type BridgeResponse } from '../shared/bridge/contract.js';
import { createKeyProtection, type SafeStorageLike } from './keyProtection.js';
import { isTrustedSender, type SenderFrame } from './security/origin.js';

export type BridgeHandlers = { [M in BridgeMethod]: (request: BridgeRequest<M>) => Promise<BridgeResponse<M>> };

/** What a rejected call tells the renderer: a plain reason, never a stack trace. */
export class BridgeRejection extends Error {}

/**
 * Serve one bridge call: reject untrusted senders, re-parse the payload with the contract's schema, run the
 * handler, and check its answer before it crosses back.
 */
export async function serveBridgeCall<M extends BridgeMethod>(
  handlers: BridgeHandlers,
  method: M,
  sender: SenderFrame,
  payload: unknown,
): Promise<BridgeResponse<M>> {
  if (!isTrustedSender(sender)) throw new BridgeRejection(`refused ${method}: the sender is not the app`);
  const contract = bridgeContract[method];
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) throw new BridgeRejection(`refused ${method}: the request is not valid`);
  const response = await handlers[method](parsed.data as BridgeRequest<M>);
  return contract.response.parse(response) as BridgeResponse<M>;
}

/** Register every bridge method on an ipcMain-like object. */
export function registerBridge(
  ipc: { handle: (channel: string, listener: (event: { senderFrame: SenderFrame }, payload: unknown) => Promise<unknown>) => void },
  handlers: BridgeHandlers,
): void {
  for (const method of BRIDGE_METHODS) {
    ipc.handle(channelFor(method), (event, payload) => serveBridgeCall(handlers, method, event.senderFrame, payload));
  }
}

export interface AppInfoSource {
  name: string;
  version: string;
  platform: string;
}

export function createBridgeHandlers(app: AppInfoSource, safeStorage: SafeStorageLike): BridgeHandlers {
  return {
    getAppInfo: async () => ({ name: app.name, version: app.version, shell: 'desktop', platform: app.platform }),
    ...createKeyProtection(safeStorage, app.platform),
  };
}
