/**
 * The window as a user opens it: the real local host, Debian's Chromium, the app loaded and
 * showing its heading. Page errors are collected so a suite can assert there were none.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startHostProcess, type HostProcess } from './host-process';

export interface OpenWindow {
  host: HostProcess;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions (4xx replies with coded errors excepted). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openWindow(opts: { timeoutMs?: number } = {}): Promise<OpenWindow> {
  const host = await startHostProcess();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(opts.timeoutMs ?? 20_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1, name: 'Preflight' }).waitFor();
  return {
    host,
    browser,
    page,
    consoleErrors,
    async close() {
      await browser.close();
      await host.stop();
    },
  };
}
