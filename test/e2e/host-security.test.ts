/**
 * The local host as a hostile page or process would see it: token, Host and Origin checks.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

let host: HostProcess;
let token: string;
beforeAll(async () => {
  host = await startHostProcess();
  token = new URL(host.url).searchParams.get('token') ?? '';
});
afterAll(async () => {
  await host.stop();
});

function request(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(path, host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('local host security', () => {
  it('listens on 127.0.0.1 and prints an address with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[a-f0-9]{64}$/);
  });

  it('refuses every request without the token', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/index.html')).status).toBe(401);
    const rpc = await request('/rpc/app.info', { method: 'POST', body: '{}' });
    expect(rpc.status).toBe(401);
    expect(JSON.parse(rpc.body)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect((await request('/?token=wrong')).status).toBe(401);
  });

  it('trades the printed token for an HttpOnly cookie and serves the window with a CSP', async () => {
    const first = await request(`/?token=${token}`);
    expect(first.status).toBe(302);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await request('/', { headers: { cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<div id="root">');
  });

  it('answers RPC with the token header, and refuses other hosts and origins', async () => {
    const ok = await request('/rpc/app.info', { method: 'POST', headers: { 'x-preflight-token': token }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value.workspace.path).toBe(host.workspace);
    const rebinding = await request('/rpc/app.info', { method: 'POST', headers: { 'x-preflight-token': token, host: 'evil.example' }, body: '{}' });
    expect(rebinding.status).toBe(403);
    const crossSite = await request('/rpc/app.info', { method: 'POST', headers: { 'x-preflight-token': token, origin: 'https://evil.example' }, body: '{}' });
    expect(crossSite.status).toBe(403);
  });

  it('does not serve files outside the built window', async () => {
    const r = await request('/..%2f..%2fpackage.json', { headers: { 'x-preflight-token': token } });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('"name": "preflight"');
  });

  it('refuses event sockets without the token', async () => {
    const port = new URL(host.origin).port;
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/events`);
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(refused).toBe('refused');
    const accepted = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/events`, { headers: { 'x-preflight-token': token } });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('error', () => resolve('refused'));
    });
    expect(accepted).toBe('open');
  });
});
