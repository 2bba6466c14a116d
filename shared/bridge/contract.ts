import { z } from 'zod';

/**
 * The one bridge between the sandboxed renderer and the main process: each method a named async function with a
 * zod request and response, checked on both sides. The preload exposes exactly these on `window.foresight`.
 */
/** A 256-bit key as hex. */
const HexKey = z.string().regex(/^[0-9a-f]{64}$/);

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
  /** Whether the operating system can protect the store's key (safeStorage with a real secret store). */
  keyProtection: {
    request: z.object({}).strict(),
    response: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  },
  /** Protect the store's data key with the operating system's secret store. */
  protectKey: {
    request: z.object({ key: HexKey }).strict(),
    response: z.object({ protectedKey: z.string().min(1) }),
  },
  unprotectKey: {
    request: z.object({ protectedKey: z.string().min(1).max(10_000) }).strict(),
    response: z.object({ key: HexKey }),
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
