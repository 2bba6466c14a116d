/** The renderer is served from one fixed privileged origin; its IndexedDB data is keyed to it, so it never changes. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'foresight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of the app's own origin. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** Navigation inside the app is never needed (it is a single page); every attempt is refused. */
export function allowNavigation(_url: string): boolean {
  return false;
}

/**
 * In packaged builds the app makes no network requests at all: anything but its own origin and local data URLs
 * is cancelled. In development the Vite server on localhost is allowed.
 */
export function shouldCancelRequest(url: string, packaged: boolean): boolean {
  const u = parse(url);
  if (!u) return true;
  if (u.protocol === `${APP_SCHEME}:`) return !isAppUrl(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:' || u.protocol === 'chrome-extension:') return false;
  if (!packaged && (u.hostname === 'localhost' || u.hostname === '127.0.0.1')) return false;
  return true;
}

/** The parts of Electron's WebFrameMain that decide trust: a top-level frame has no parent. */
export type SenderFrame = { url: string; parent: unknown } | null;

/** An IPC message is trusted only from the top-level frame of the app's own origin. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
