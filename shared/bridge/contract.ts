import { z } from 'zod';

/**
 * The one bridge between the sandboxed renderer and the main process: each method a named async function with a
 * zod request and response, checked on both sides. The preload exposes exactly these on `window.foresight`.
 */
export const bridgeContract = {
  getAppInfo: {
    request: z.object({}).strict(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      /** `desktop` in Electron; `browser` when the renderer runs under `npm run web` or the tests. */
      shell: z.enum(['desktop', 'browser']),
      platform: z.string(),
    }),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeRequest<M extends BridgeMethod> = z.infer<BridgeContract[M]['request']>;
export type BridgeResponse<M extends BridgeMethod> = z.infer<BridgeContract[M]['response']>;

/** What the renderer sees on `window.foresight`, whichever shell it runs in. */
export type ForesightBridge = { [M in BridgeMethod]: (request: BridgeRequest<M>) => Promise<BridgeResponse<M>> };

export const BRIDGE_METHODS = Object.keys(bridgeContract) as BridgeMethod[];

/** IPC channel names are derived, never free-form: `foresight:<method>`. */
export function channelFor(method: BridgeMethod): string {
  return `foresight:${method}`;
}
