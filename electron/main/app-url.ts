/**
 * The window's own origin, `app://preflight/`, and the rules for what it may load.
 *
 * Kept free of `electron` imports so the path checks can be tested under plain Node.
 */
import path from 'node:path';

/** The privileged scheme registered in app-protocol.ts. */
export const APP_SCHEME = 'app';
/** The only host the scheme serves; any other is refused. */
export const APP_HOST = 'preflight';
/** Every page and asset of the window lives under this prefix. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True when `raw` is a URL of our own origin.
 *
 * Compares protocol and host rather than `URL.origin`: Node reports the origin of a custom
 * scheme as the string "null", which would make every app: URL look alike.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Schemes the window may request: its own, and devtools for the developer tools pane. */
export function isAllowedRequestUrl(raw: string): boolean {
  if (isAppUrl(raw)) {
    return true;
  }
  // data: and blob: never reach the network; the CSP already limits where they may be used.
  return /^(devtools|data|blob):/i.test(raw);
}

/**
 * The file under `rendererDir` that an app: URL names, or null when it names none.
 *
 * `/` means index.html. Anything that decodes to a path outside `rendererDir` (`..`, encoded
 * slashes, backslashes on Windows, NUL bytes) is refused here, before the disk is touched.
 */
export function resolveRendererFile(rendererDir: string, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return null;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) {
    return null;
  }
  if (rel === '' || rel === '/') {
    rel = '/index.html';
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(root + path.sep) ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a renderer file; Chromium refuses module scripts without the JS one. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
