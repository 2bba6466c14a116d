import { describe, expect, it } from 'vitest';
import { hardenContents, hardenSession, type HardenableContents, type HardenableSession } from '../../electron/hardening.js';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
  } as unknown as HardenableContents;
  const fire = (event: string, url?: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('web contents hardening', () => {
  it('blocks navigation, redirects and webviews, and denies new windows', () => {
    const f = fakeContents();
    hardenContents(f.contents);
    expect(f.fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(f.fire('will-navigate', 'app://foresight/elsewhere')).toBe(true);
    expect(f.fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(f.fire('will-attach-webview')).toBe(true);
    expect(f.open('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  it('denies every permission and cancels outside requests in a packaged build', () => {
    let requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
    let check: (() => boolean) | null = null;
    let device: (() => boolean) | null = null;
    let onRequest: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0] | null = null;
    hardenSession({
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
      webRequest: { onBeforeRequest: (l) => (onRequest = l) },
    }, true);
    const granted: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) requestHandler!({}, p, (g) => granted.push(g));
    expect(granted).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
    const answers: boolean[] = [];
    onRequest!({ url: 'https://example.org/' }, (r) => answers.push(r.cancel));
    onRequest!({ url: 'app://foresight/index.html' }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true, false]);
  });
});
