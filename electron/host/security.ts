/**
 * The local host's request checks: token, Host header, Origin.
 *
 * The host listens on 127.0.0.1 only, yet any web page the user visits could still send
 * requests to it; the random token (cookie or header) and the Host/Origin checks stop both
 * cross-site requests and DNS-rebinding.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'pf_token';
export const TOKEN_HEADER = 'x-preflight-token';

/** A new random token for one host run. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) {
    return null;
  }
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === TOKEN_COOKIE) {
      return rest.join('=');
    }
  }
  return null;
}

/** True when the request carries the token in our cookie or header. */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  const given = typeof header === 'string' ? header : cookieToken(req);
  return given !== null && safeEqual(given, token);
}

/** True when Host (and Origin, if sent) name this host on loopback. */
export function isSameLoopbackOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = req.headers.host ?? '';
  if (!allowed.has(host)) {
    return false;
  }
  const origin = req.headers.origin;
  if (origin === undefined) {
    return true;
  }
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
