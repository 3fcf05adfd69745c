import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(async () => {
  await t.close();
});

describe('app.info', () => {
  it('reports the version and the open workspace with its schema version', async () => {
    const info = await t.call('app.info', {});
    expect(info.version).toBe('0.0.0-test');
    expect(info.workspace.path).toBe(t.workspace);
    expect(info.workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.existsSync(t.workspace)).toBe(true);
  });

  it('opens the workspace in WAL mode with foreign keys on', () => {
    const db = new Database(t.workspace, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });
});

describe('workspace.open', () => {
  it('creates a new workspace and switches to it, announcing the change', async () => {
    const seen: string[] = [];
    t.core.onEvent((name, payload) => {
      if (name === 'workspace.changed') {
        seen.push((payload as { path: string }).path);
      }
    });
    const other = path.join(t.dir, 'sub', 'second.db');
    const info = await t.call('workspace.open', { path: other, create: true });
    expect(info.path).toBe(other);
    expect((await t.call('app.info', {})).workspace.path).toBe(other);
    expect(seen).toEqual([other]);
    const recent = await t.call('workspace.recent', {});
    expect(recent.items.map((i) => i.path)).toEqual([other, t.workspace]);
  });

  it('refuses to open a missing file without create, and keeps the current one', async () => {
    const err = await t.fail('workspace.open', { path: path.join(t.dir, 'nope.db'), create: false });
    expect(err.code).toBe('FILE_NOT_FOUND');
    expect((await t.call('app.info', {})).workspace.path).toBe(t.workspace);
  });

  it('refuses a file that is not a database', async () => {
    const junk = path.join(t.dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite, just text that is long enough to have a header'.repeat(20));
    const err = await t.fail('workspace.open', { path: junk, create: false });
    expect(err.code).toBe('WORKSPACE_NOT_A_DATABASE');
    expect(fs.readFileSync(junk, 'utf8')).toContain('this is not sqlite');
  });

  it('refuses a workspace written by a newer Preflight', async () => {
    const newer = path.join(t.dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const err = await t.fail('workspace.open', { path: newer, create: false });
    expect(err.code).toBe('WORKSPACE_NEWER_SCHEMA');
    expect(err.message).toContain(String(LATEST_SCHEMA_VERSION + 5));
  });
});

describe('dispatch', () => {
  it('refuses an unknown channel', async () => {
    expect((await t.fail('replica.destroy', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses a request that does not match the contract, naming the field', async () => {
    const err = await t.fail('replica.page', { module: 'Contacts', offset: -1, limit: 10, sort: null, search: '' });
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('offset');
    expect((await t.fail('workspace.open', { path: 'x', create: true, extra: 1 })).code).toBe('BAD_REQUEST');
    expect((await t.fail('metadata.fields', { module: '../etc' })).code).toBe('BAD_REQUEST');
  });

  it('has no native dialog outside Electron', async () => {
    expect((await t.fail('dialog.openFile', { title: 'x', extensions: ['csv'], save: false })).code).toBe('NOT_SUPPORTED');
  });
});
