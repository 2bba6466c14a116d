import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/protocol.js';

const root = join('/opt', 'foresight', 'renderer');

describe('resolving app:// paths', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://foresight/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://foresight/assets/index.js')).toBe(join(root, 'assets', 'index.js'));
  });

  it.each([
    'app://foresight/../../etc/passwd',
    'app://foresight/%2e%2e/%2e%2e/etc/passwd',
    'app://foresight/assets/..%2f..%2f..%2fsecret',
    'app://foresight/assets/..%5c..%5c..%5csecret',
  ])('never resolves %s outside the renderer folder', (url) => {
    const path = resolveAppPath(root, url);
    expect(path === null || path.startsWith(root + sep)).toBe(true);
  });

  it('refuses encoded parent-directory escapes, NUL bytes, other hosts and other schemes', () => {
    for (const url of ['app://foresight/assets/..%2f..%2f..%2fsecret', 'app://foresight/%00', 'app://other/index.html', 'file:///etc/passwd']) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });
});

describe('the app:// handler', () => {
  const files = new Map([[join(root, 'index.html'), new TextEncoder().encode('<!doctype html>')]]);
  const handler = createAppProtocolHandler({
    root,
    readFile: async (path) => {
      const f = files.get(path);
      if (!f) throw new Error('ENOENT');
      return f;
    },
  });

  it('serves a file with its type and the CSP header', async () => {
    const response = await handler({ url: 'app://foresight/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for missing files and traversal, and 405 for other methods', async () => {
    expect((await handler({ url: 'app://foresight/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://foresight/%2e%2e/x', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://foresight/index.html', method: 'POST' })).status).toBe(405);
  });
});
