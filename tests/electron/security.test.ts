import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/security/csp.js';
import { allowNavigation, isAppUrl, isTrustedSender, shouldCancelRequest } from '../../electron/security/origin.js';
import { secureWebPreferences } from '../../electron/security/webPreferences.js';

describe('the app origin', () => {
  it.each([
    ['app://foresight/index.html', true],
    ['app://foresight/', true],
    ['app://evil/index.html', false],
    ['app://user:pw@foresight/', false],
    ['file:///etc/passwd', false],
    ['https://foresight/', false],
    ['not a url', false],
  ])('%s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('refuses every navigation', () => {
    expect(allowNavigation('app://foresight/other.html')).toBe(false);
    expect(allowNavigation('https://example.org/')).toBe(false);
  });
});

describe('network requests', () => {
  it('cancels anything that would leave the machine in a packaged build', () => {
    expect(shouldCancelRequest('https://example.org/', true)).toBe(true);
    expect(shouldCancelRequest('http://localhost:5173/', true)).toBe(true);
    expect(shouldCancelRequest('wss://example.org/', true)).toBe(true);
    expect(shouldCancelRequest('app://foresight/index.html', true)).toBe(false);
    expect(shouldCancelRequest('app://elsewhere/index.html', true)).toBe(true);
    expect(shouldCancelRequest('data:text/plain,hi', true)).toBe(false);
  });

  it('allows the local development server only when not packaged', () => {
    expect(shouldCancelRequest('http://localhost:5173/', false)).toBe(false);
    expect(shouldCancelRequest('https://example.org/', false)).toBe(true);
  });
});

describe('IPC senders', () => {
  it('trusts only the top-level frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://foresight/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://foresight/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('window hardening', () => {
  it('sandboxes and isolates every window, with no Node, webviews or spellcheck', () => {
    expect(secureWebPreferences('/p/preload.cjs', { packaged: true })).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(secureWebPreferences('/p/preload.cjs', { packaged: false }).devTools).toBe(true);
  });

  it('sends the CSP of the security baseline as a header', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
