import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_HEADER, contactRow } from '../../../bench/generate-contacts';
import { writeGeneratedCsv } from '../../../bench/write-generated-csv';
import { openWorkspaceDb } from '../../../electron/core/db/open';
import { ReplicaRepo } from '../../../electron/core/db/repos/replica-repo';
import type { JobContext, ReplicaLoadJob } from '../../../electron/core/engines/replica-load/load-types';
import { runReplicaLoad } from '../../../electron/core/engines/replica-load/run-replica-load';
import { ROOT, tempDir } from '../../helpers/temp-dir';

// The staged load splits a file into groups of batches (a batch is about 1 MiB of the file):
// the binder binds two groups in three into chunk files and hands the third to the loading
// thread as rows. With a group per batch, a 20,000-record file (4.6 MB, five batches) has
// groups 1, 2, 4, 5 as chunks and group 3 (about rows 9,100-13,600) bound by the loader.
const WORKER = path.join(ROOT, 'out', 'node', 'worker.cjs');
const ROWS = 20_000;
const IN_GROUP_1 = 100;
const IN_GROUP_3 = 11_000;
const IN_GROUP_5 = 19_000;

let dir: string;
let cleanup: () => void;
let dbPath: string;

beforeEach(() => {
  if (!fs.existsSync(WORKER)) {
    throw new Error('out/node/worker.cjs is missing: run `node scripts/build-node.mjs` first.');
  }
  ({ dir, cleanup } = tempDir());
  dbPath = path.join(dir, 'ws.preflight.db');
  openWorkspaceDb(dbPath, { create: true }).close();
});
afterEach(() => cleanup());

const ctx: JobContext = { progress: () => undefined, cancelled: () => false };
const idOf = (i: number): string => String(4876876000001000000n + BigInt(i));

/** The generated contacts file with `change` applied to some rows (0-based record index). */
function writeFile(change: (i: number, row: string[]) => string[]): string {
  const file = path.join(dir, 'contacts.csv');
  writeGeneratedCsv(file, CONTACT_HEADER, ROWS, (i) => change(i, contactRow(i)));
  return file;
}

function job(file: string): ReplicaLoadJob {
  return {
    dbPath,
    workerPath: WORKER,
    module: 'Contacts',
    filePath: file,
    sourceName: path.basename(file),
    fields: [],
    now: '2026-12-03T10:00:00.000Z',
    chunkChars: 1,
  };
}

function lastName(id: string): string | null | undefined {
  const db = openWorkspaceDb(dbPath, { create: false });
  try {
    const repo = new ReplicaRepo(db);
    const col = repo.columns('Contacts').find((c) => c.key === 'Last_Name')?.col ?? '';
    return repo.record('Contacts', id)?.[col];
  } finally {
    db.close();
  }
}

function stageTables(): string[] {
  const db = openWorkspaceDb(dbPath, { create: false });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE name GLOB 'replica_s[0-9]*'").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('a staged load bound by two threads', () => {
  it('keeps file order across chunks and the loader-bound group: the last row of an id wins', async () => {
    const file = writeFile((i, row) => {
      const out = [...row];
      // Record 5 repeats in the loader's group and again in the last chunk; record 12,000 (the
      // loader's group) repeats in the last chunk; record 200 (first chunk) in the loader's group.
      if (i === IN_GROUP_3) out.splice(0, 3, idOf(5), 'Five', 'Again in group 3');
      if (i === IN_GROUP_5) out.splice(0, 3, idOf(5), 'Five', 'Last in group 5');
      if (i === IN_GROUP_5 + 1) out.splice(0, 3, idOf(12_000), 'Twelve', 'Last of 12000');
      if (i === IN_GROUP_3 + 1) out.splice(0, 3, idOf(200), 'Two', 'Last of 200');
      // Rows without an id in a chunk and in the loader's group.
      if (i === IN_GROUP_1 || i === IN_GROUP_3 + 2) out[0] = '  ';
      return out;
    });
    const r = await runReplicaLoad(job(file), ctx);
    expect(r).toMatchObject({ loaded: ROWS - 2, inserted: ROWS - 2 - 4, updated: 4, rejected: 2 });
    expect(r.rejectedRows).toEqual([
      { row: IN_GROUP_1 + 1, reason: 'no record id' },
      { row: IN_GROUP_3 + 3, reason: 'no record id' },
    ]);
    expect(lastName(idOf(5))).toBe('Last in group 5');
    expect(lastName(idOf(12_000))).toBe('Last of 12000');
    expect(lastName(idOf(200))).toBe('Last of 200');
    expect(lastName(idOf(ROWS - 1))).toBe(contactRow(ROWS - 1)[2]);
    expect(stageTables()).toEqual([]);
  });

  it('refuses a ragged row in the loader-bound group, leaving no stage and no records', async () => {
    const file = writeFile((i, row) => (i === IN_GROUP_3 ? [...row, 'one too many'] : row));
    await expect(runReplicaLoad(job(file), ctx)).rejects.toMatchObject({ code: 'CSV_MALFORMED', message: expect.stringContaining(`Row ${IN_GROUP_3 + 1} `) as unknown });
    expect(stageTables()).toEqual([]);
    const db = openWorkspaceDb(dbPath, { create: false });
    expect(new ReplicaRepo(db).counts()).toEqual({});
    db.close();
  });
});
