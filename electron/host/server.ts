/**
 * The local host: the same core served over HTTP + WebSocket on 127.0.0.1, with the built
 * renderer. Used by `npm run serve`, by `npm start` where Electron is missing, and by e2e tests.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../../shared/ipc/envelope';
import { AppError, toErrorInfo } from '../../shared/ipc/errors';
import type { Core } from '../core/app';
import { hasValidToken, isSameLoopbackOrigin, newToken, TOKEN_COOKIE } from './security';
import { sendStatic } from './static-files';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest JSON request (an upload.chunk carries up to 16 MiB of base64). */
const MAX_JSON_BYTES = 24 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, err: unknown): void {
  const envelope: Envelope<never> = { ok: false, error: toErrorInfo(err) };
  sendJson(res, status, envelope);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_JSON_BYTES) {
        reject(new AppError('BAD_REQUEST', 'The request is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({});
        return;
      }
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(new AppError('BAD_REQUEST', 'The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/** Starts the host and resolves once it listens. */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? newToken();
  const sockets = new Set<WebSocket>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendError(res, 500, err);
      } else {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isSameLoopbackOrigin(req, port)) {
      sendError(res, 403, new AppError('UNAUTHORIZED', 'Requests must come from this machine, to this host.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The address printed for the user carries the token once; trade it for a cookie and
    // drop it from the address bar.
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (queryToken !== token) {
        sendError(res, 401, new AppError('UNAUTHORIZED', 'Wrong token: open the address Preflight printed.'));
        return;
      }
      res.writeHead(302, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    if (!hasValidToken(req, token)) {
      sendError(res, 401, new AppError('UNAUTHORIZED', 'Missing or wrong token: open the address Preflight printed.'));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      const payload = await readJson(req);
      const envelope = await opts.core.dispatch(channel, payload);
      sendJson(res, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      const name = url.searchParams.get('name') ?? 'upload';
      const uploads = opts.core.uploads;
      const value = await uploads.fromStream(name, req);
      sendJson(res, 200, { ok: true, value });
      return;
    }
    if (req.method === 'GET' && sendStatic(opts.rendererDir, url.pathname, res)) {
      return;
    }
    sendError(res, 404, new AppError('BAD_REQUEST', `Nothing at ${url.pathname}.`));
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/events' || !isSameLoopbackOrigin(req, port) || !hasValidToken(req, token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  const unsubscribe = opts.core.onEvent((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) {
      if (ws.readyState === ws.OPEN) {
        ws.send(text);
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) {
        ws.terminate();
      }
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function statusFor(code: string): number {
  switch (code) {
    case 'INTERNAL':
      return 500;
    case 'UNKNOWN_CHANNEL':
    case 'RECORD_NOT_FOUND':
    case 'FILE_NOT_FOUND':
    case 'UPLOAD_NOT_FOUND':
      return 404;
    case 'UNAUTHORIZED':
      return 401;
    case 'JOB_BUSY':
      return 409;
    default:
      return 400;
  }
}
