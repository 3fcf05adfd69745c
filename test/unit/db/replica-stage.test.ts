import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { createChunk } from '../../../electron/core/db/repos/replica-chunk-repo';
import { ReplicaRepo } from '../../../electron/core/db/repos/replica-repo';
import { ReplicaStageRepo } from '../../../electron/core/db/repos/replica-stage-repo';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let replica: ReplicaRepo;
let stages: ReplicaStageRepo;
let cleanup: () => void;
let dir: string;
const NOW = '2026-12-03T10:00:00Z';

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  dir = t.dir;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
  replica = new ReplicaRepo(db);
  stages = new ReplicaStageRepo(db, replica);
});
afterEach(() => {
  db.close();
  cleanup();
});

let chunks = 0;
/** Writes a chunk file of `rows` (id first, then one value per column), as the binder does. */
function chunk(rows: (string | null)[][], width: number): string {
  chunks += 1;
  const file = path.join(dir, `chunk-${chunks}.db`);
  const w = createChunk(file, width);
  for (const [id, ...values] of rows) w.add(id as string, values);
  expect(w.close()).toBe(rows.length);
  return file;
}

/** Stages `rows` (id first, then one value per key) as a load would, in chunks of `per`. */
function stage(module: string, keys: string[], rows: (string | null)[][], pid = process.pid, per = 2): { table: string; cols: string[] } {
  const cols = stages.planColumns(module, keys);
  const table = stages.create(cols, pid);
  for (let i = 0; i < rows.length; i += per) stages.copyChunk(table, chunk(rows.slice(i, i + per), keys.length), cols);
  return { table, cols };
}

function swap(module: string, keys: string[], s: { table: string; cols: string[] }): ReturnType<ReplicaStageRepo['swapIn']> {
  return db.transaction(() => stages.swapIn(s.table, module, keys, s.cols, NOW)).immediate();
}

// Record tables and stage tables only (the match keys' own tables are issue 9's, not a stage).
const tables = (): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB 'replica_t[0-9]*' OR name GLOB 'replica_s[0-9]*') ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const valueOf = (module: string, id: string, key: string): string | null | undefined => {
  const col = replica.columns(module).find((c) => c.key === key)?.col;
  return col ? replica.record(module, id)?.[col] : undefined;
};

describe('replica stages', () => {
  it('are invisible to readers until swapped in', () => {
    const s = stage('Contacts', ['Last_Name'], [['1', 'Lovelace']]);
    expect(replica.counts()).toEqual({});
    expect(replica.tableOf('Contacts')).toBeNull();
    expect(stages.stageNames()).toEqual([s.table]);
    expect(s.table).toMatch(new RegExp(`^replica_s${process.pid}_1$`));
  });

  it('become the table of an empty module, keeping the columns of earlier loads', () => {
    replica.ensureColumns('Contacts', ['Email', 'Last_Name'], NOW);
    const s = stage('Contacts', ['Last_Name', 'Phone'], [['1', 'Lovelace', '0012345600012'], ['2', 'Hopper', null]]);
    expect(s.cols).toEqual(['c2', 'c3']);
    const r = swap('Contacts', ['Last_Name', 'Phone'], s);
    expect(r).toEqual({ before: 0, after: 2, replaced: true });
    expect(tables()).toEqual(['replica_t1']);
    expect(replica.columns('Contacts').map((c) => [c.key, c.col])).toEqual([['Email', 'c1'], ['Last_Name', 'c2'], ['Phone', 'c3']]);
    expect(replica.record('Contacts', '1')).toEqual({ id: '1', c1: null, c2: 'Lovelace', c3: '0012345600012' });
    expect(replica.counts()).toEqual({ Contacts: 2 });
  });

  it('create the module when it is new', () => {
    const s = stage('Leads', ['Last_Name'], [['9', 'Boyle']]);
    expect(swap('Leads', ['Last_Name'], s)).toEqual({ before: 0, after: 1, replaced: true });
    expect(valueOf('Leads', '9', 'Last_Name')).toBe('Boyle');
    expect(stages.stageNames()).toEqual([]);
  });

  it('are upserted by id into a filled module, keeping the columns a narrower file lacks', () => {
    const first = stage('Contacts', ['Last_Name', 'Phone'], [['1', 'Lovelace', '0012345600012'], ['2', 'Hopper', '555']]);
    swap('Contacts', ['Last_Name', 'Phone'], first);
    const second = stage('Contacts', ['Email', 'Last_Name'], [['2', 'grace@example.com', 'Hopper-Murray'], ['3', null, 'Turing']]);
    expect(second.cols).toEqual(['c3', 'c1']);
    const r = swap('Contacts', ['Email', 'Last_Name'], second);
    expect(r).toEqual({ before: 2, after: 3, replaced: false });
    expect(valueOf('Contacts', '1', 'Phone')).toBe('0012345600012');
    expect(valueOf('Contacts', '2', 'Phone')).toBe('555');
    expect(valueOf('Contacts', '2', 'Last_Name')).toBe('Hopper-Murray');
    expect(valueOf('Contacts', '2', 'Email')).toBe('grace@example.com');
    expect(valueOf('Contacts', '3', 'Last_Name')).toBe('Turing');
    expect(stages.stageNames()).toEqual([]);
  });

  it('keep the last row of an id repeated inside the file, in one chunk and across chunks', () => {
    const rows = [['1', 'First'], ['2', 'Other'], ['1', 'Second'], ['3', 'x'], ['2', 'Again'], ['1', 'Third'], ['1', 'Last']];
    const s = stage('Contacts', ['Last_Name'], rows, process.pid, 3);
    expect(swap('Contacts', ['Last_Name'], s)).toMatchObject({ after: 3 });
    expect(valueOf('Contacts', '1', 'Last_Name')).toBe('Last');
    expect(valueOf('Contacts', '2', 'Last_Name')).toBe('Again');
  });

  it('copy a chunk whole or not at all, and detach it either way', () => {
    const cols = stages.planColumns('Contacts', ['Last_Name']);
    const table = stages.create(cols, process.pid);
    stages.copyChunk(table, chunk([['1', 'x']], 1), cols);
    const file = path.join(dir, 'not-a-chunk.db');
    fs.writeFileSync(file, 'not sqlite');
    expect(() => stages.copyChunk(table, file, cols)).toThrow();
    expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM pragma_database_list').get()).toEqual({ n: 1 });
  });

  it('fall back to the upsert when the module changed its columns since the stage was planned', () => {
    const s = stage('Contacts', ['Last_Name'], [['1', 'Lovelace']]);
    replica.ensureColumns('Contacts', ['Email'], NOW); // another load took c1 meanwhile
    expect(swap('Contacts', ['Last_Name'], s)).toEqual({ before: 0, after: 1, replaced: false });
    expect(valueOf('Contacts', '1', 'Last_Name')).toBe('Lovelace');
    expect(replica.columns('Contacts').map((c) => [c.key, c.col])).toEqual([['Email', 'c1'], ['Last_Name', 'c2']]);
  });

  it('are dropped whole when discarded, and those of processes that are gone at open', () => {
    const mine = stage('Contacts', ['Last_Name'], [['1', 'x']]);
    const dead = stage('Contacts', ['Last_Name'], [['1', 'y']], 1_000_001);
    const other = stage('Leads', ['Last_Name'], [['1', 'z']], 1_000_002);
    expect(stages.discardAbandoned((pid) => pid === process.pid || pid === 1_000_002)).toBe(1);
    expect(stages.stageNames().sort()).toEqual([mine.table, other.table].sort());
    stages.discard(mine.table);
    stages.discard(mine.table);
    expect(stages.stageNames()).toEqual([other.table]);
    expect(dead.table).toBe('replica_s1000001_1');
  });

  it('refuse names that are not stages', () => {
    expect(() => stages.discard('replica_t1')).toThrow(/stage name/);
    expect(() => stages.copyChunk('batches', 'x.db', [])).toThrow(/stage name/);
  });
});
