/**
 * The `app://preflight/` scheme that serves the built renderer to the window.
 *
 * A privileged standard scheme instead of file:// gives the page a real origin, so the CSP's
 * 'self', same-origin checks and the IPC sender check all have something precise to compare
 * against, and no other file on disk is reachable from the page.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CSP } from '../host/security';
import { APP_SCHEME, contentTypeOf, resolveRendererFile } from './app-url';

/**
 * Declares the scheme privileged; Electron only accepts this before the app is ready.
 *
 * `supportFetchAPI` is needed because Vite emits `<script type="module" crossorigin>` and
 * Chromium fetches module scripts in CORS mode. `corsEnabled` stays off so no other origin
 * can read from the scheme.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from `rendererDir` (out/renderer) on the scheme, each with our CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (file === null) {
      return notFound();
    }
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      // Missing files and folders alike: the page only ever asks for files Vite emitted.
      return notFound();
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP },
  });
}
