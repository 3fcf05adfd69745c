/**
 * Type-checking and lint as part of the counted suites, so `npm test` fails on a type error or
 * a broken layering rule just as it does on a failing test.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/temp-dir';

function run(bin: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', bin), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('static checks', () => {
  for (const project of ['electron', 'renderer', 'test']) {
    it(`type-checks ${project}/ strictly`, () => {
      const r = run('typescript/bin/tsc', ['--noEmit', '-p', `${project}/tsconfig.json`]);
      expect(r.out).toBe('');
      expect(r.code).toBe(0);
    }, 180_000);
  }

  it('passes lint, including the per-folder import rules', () => {
    const r = run('eslint/bin/eslint.js', ['.', '--max-warnings=0']);
    expect(r.out.trim()).toBe('');
    expect(r.code).toBe(0);
  }, 180_000);
});

describe('layering rules', () => {
  async function lintAs(file: string, code: string): Promise<string[]> {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('stops shared/ from importing Node and renderer/ from importing the core', async () => {
    expect((await lintAs('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).join()).toContain('no-restricted-imports');
    expect((await lintAs('renderer/src/x.ts', "import { createCore } from '../../electron/core/app';\nexport const a = createCore;\n")).join()).toContain(
      'no-restricted-imports',
    );
    expect((await lintAs('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).join()).toContain('no-restricted-imports');
    expect((await lintAs('electron/main/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n")).join()).toContain('no-restricted-imports');
    expect(await lintAs('electron/core/x.ts', 'export const a: any = 1;\n')).toContain('@typescript-eslint/no-explicit-any: Unexpected any. Specify a different type.');
  }, 60_000);
});
