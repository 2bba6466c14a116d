import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { SECURITY_HEADERS } from './security/csp.js';
import { isAppUrl } from './security/origin.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Map an app:// URL to a file inside the renderer's folder, or null. Guards against path traversal
 * (`..`, encoded or not) and absolute paths, so the renderer can read nothing outside its own build.
 */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = normalize(join(root, wanted));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

export interface ProtocolDeps {
  root: string;
  readFile: (path: string) => Promise<Uint8Array>;
}

/** The app:// handler: files from the renderer build, each with the CSP and other security headers. */
export function createAppProtocolHandler(deps: ProtocolDeps) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    const path = resolveAppPath(deps.root, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await deps.readFile(path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', ...SECURITY_HEADERS },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
