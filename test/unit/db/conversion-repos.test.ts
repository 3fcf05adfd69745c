import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { ReplicaRecordsRepo } from '../../../electron/core/db/repos/replica-records-repo';
import { SimulationRepo } from '../../../electron/core/db/repos/simulation-repo';
import { applyChanges, undoChanges } from '../../../electron/core/convert/simulation-io';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
});
afterEach(() => {
  db.close();
  cleanup();
});

const NOW = '2026-11-22T10:00:00.000Z';

describe('schema 10', () => {
  it('has the conversion and customers tables', () => {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['convert_runs', 'convert_plans', 'simulations', 'simulation_changes', 'simulation_links', 'invoice_customers', 'invoice_contact_persons', 'invoice_customers_state']) {
      expect(names).toContain(t);
    }
  });
});

describe('ReplicaRecordsRepo', () => {
  it('writes records by API name, adds columns as needed, pages through them by id while the caller writes', () => {
    const r = new ReplicaRecordsRepo(db);
    for (let i = 0; i < 25; i += 1) r.insert('Contacts', `48768760000000${String(i).padStart(5, '0')}`, { Last_Name: `N${i}`, Phone: i % 2 ? '0012345600012' : null }, NOW);
    expect(r.get('Contacts', '4876876000000000001')).toEqual({ Last_Name: 'N1', Phone: '0012345600012' });
    let n = 0;
    for (const rec of r.iterate('Contacts', ['Last_Name'], 10)) {
      // Writing between pages is allowed (no statement stays open).
      r.update('Contacts', rec.id, { Tag: 'seen' }, NOW);
      n += 1;
    }
    expect(n).toBe(25);
    expect(r.get('Contacts', '4876876000000000024')).toEqual({ Last_Name: 'N24', Tag: 'seen' });
    expect(r.idsWhere('Contacts', 'Phone', '0012345600012')).toHaveLength(12);
    r.remove('Contacts', '4876876000000000000');
    expect(r.has('Contacts', '4876876000000000000')).toBe(false);
  });
});

describe('simulated changes', () => {
  it('are undone exactly, keep values changed since, and block an earlier undo while a later one overlaps', () => {
    const r = new ReplicaRecordsRepo(db);
    const sims = new SimulationRepo(db);
    r.insert('Leads', 'L1', { Last_Name: 'Lead', Converted__s: 'false' }, NOW);
    const one = sims.create('leads', null, 'one', 1, NOW);
    applyChanges(db, one, [
      { module: 'Contacts', id: 'provisional-1-1-contacts', kind: 'create', values: { Last_Name: 'Lead' } },
      { module: 'Leads', id: 'L1', kind: 'update', values: { Converted__s: 'true', Converted_Contact: 'provisional-1-1-contacts' } },
    ], NOW);
    const two = sims.create('leads', null, 'two', 1, NOW);
    applyChanges(db, two, [{ module: 'Leads', id: 'L1', kind: 'update', values: { Tag: 'x' } }], NOW);
    expect(() => undoChanges(db, one, NOW)).toThrow(/undo it first/);
    undoChanges(db, two, NOW);
    // A reload changed one of the simulated values in the meantime: that one stays.
    r.update('Leads', 'L1', { Converted_Contact: '4876876000000999999' }, NOW);
    expect(undoChanges(db, one, NOW)).toEqual({ removed: 1, restored: 1, keptChanged: 1 });
    expect(r.get('Leads', 'L1')).toEqual({ Last_Name: 'Lead', Converted__s: 'false', Converted_Contact: '4876876000000999999' });
    expect(r.has('Contacts', 'provisional-1-1-contacts')).toBe(false);
    expect(sims.get(one)?.undoneAt).toBe(NOW);
  });
});
