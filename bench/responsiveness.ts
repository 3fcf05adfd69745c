/**
 * Does the main process keep answering while long work runs? Start the real host, start a load
 * or an import through it, and ask `app.info` every 50 ms, recording how long each answer takes.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export interface Responsiveness {
  loadMs: number;
  pings: number;
  p50: number;
  p99: number;
  max: number;
}

function post(port: number, token: string, channel: string, body: unknown): Promise<{ ms: number; json: unknown }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/rpc/${channel}`, method: 'POST', headers: { 'x-preflight-token': token, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, json: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs one long request (`channel`, `body`) through a host on `workspace` while pinging it. */
export async function measureResponsiveness(root: string, workspace: string, appData: string, channel: string, body: unknown): Promise<Responsiveness> {
  const child = spawn(process.execPath, [path.join(root, 'out/node/host.cjs'), '--workspace', workspace, '--port', '0'], {
    env: { ...process.env, PREFLIGHT_APP_DATA: appData },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[a-f0-9]+)/.exec(out);
        if (m?.[1]) {
          resolve(new URL(m[1]));
        }
      });
      child.once('exit', () => reject(new Error(`host exited: ${out}`)));
    });
    const port = Number(url.port);
    const token = url.searchParams.get('token') ?? '';
    const latencies: number[] = [];
    let loading = true;
    const pinger = (async () => {
      while (loading) {
        const r = await post(port, token, 'app.info', {});
        latencies.push(r.ms);
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const load = await post(port, token, channel, body);
    loading = false;
    await pinger;
    if (!(load.json as { ok: boolean }).ok) {
      throw new Error(`load failed: ${JSON.stringify(load.json)}`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return { loadMs: load.ms, pings: sorted.length, p50: pct(sorted, 50), p99: pct(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
  } finally {
    child.kill('SIGTERM');
  }
}
