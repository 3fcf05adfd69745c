/**
 * SQL for simulated conversions: what each one wrote into the replica, so it can be undone.
 */
import type { RecordRef } from '../../../../shared/domain/convert';
import type { Db } from '../open';

/** A simulation as listed. */
export interface SimulationRecord {
  id: number;
  kind: 'leads' | 'inventory';
  runId: number | null;
  label: string;
  conversions: number;
  createdAt: string;
  undoneAt: string | null;
}

/** One record a simulation wrote. */
export interface StoredChange {
  seq: number;
  module: string;
  recordId: string;
  kind: 'create' | 'update';
  /** Update: the previous value of each key it set (null: the cell was empty). */
  before: Record<string, string | null> | null;
  after: Record<string, string>;
}

type SimRow = { id: number; kind: 'leads' | 'inventory'; run_id: number | null; label: string; conversions: number; created_at: string; undone_at: string | null };

const toRecord = (r: SimRow): SimulationRecord => ({ id: r.id, kind: r.kind, runId: r.run_id, label: r.label, conversions: r.conversions, createdAt: r.created_at, undoneAt: r.undone_at });

/** Repository of simulations. */
export class SimulationRepo {
  constructor(private readonly db: Db) {}

  create(kind: SimulationRecord['kind'], runId: number | null, label: string, conversions: number, createdAt: string): number {
    return Number(this.db.prepare('INSERT INTO simulations (kind, run_id, label, conversions, created_at) VALUES (?, ?, ?, ?, ?)').run(kind, runId, label, conversions, createdAt).lastInsertRowid);
  }

  /** The next free id of a simulation, for its provisional record ids. */
  nextId(): number {
    return (this.db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM simulations').get() as { n: number }).n;
  }

  addChange(simulationId: number, seq: number, c: Omit<StoredChange, 'seq'>): void {
    this.db
      .prepare('INSERT INTO simulation_changes (simulation_id, seq, module, record_id, kind, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(simulationId, seq, c.module, c.recordId, c.kind, c.before === null ? null : JSON.stringify(c.before), JSON.stringify(c.after));
  }

  addLink(simulationId: number, parent: { module: string; id: string }, child: RecordRef): void {
    this.db
      .prepare('INSERT INTO simulation_links (simulation_id, parent_module, parent_id, child_module, child_id, child_name) VALUES (?, ?, ?, ?, ?, ?)')
      .run(simulationId, parent.module, parent.id, child.module, child.id, child.name);
  }

  /** Children of a parent from simulations still applied. */
  linkedChildren(parentModule: string, parentId: string, childModule: string): RecordRef[] {
    return (
      this.db
        .prepare(
          `SELECT l.child_module AS module, l.child_id AS id, l.child_name AS name FROM simulation_links l
           JOIN simulations s ON s.id = l.simulation_id
           WHERE l.parent_module = ? AND l.parent_id = ? AND l.child_module = ? AND s.undone_at IS NULL`,
        )
        .all(parentModule, parentId, childModule) as RecordRef[]
    );
  }

  get(id: number): SimulationRecord | null {
    const r = this.db.prepare('SELECT * FROM simulations WHERE id = ?').get(id) as SimRow | undefined;
    return r ? toRecord(r) : null;
  }

  /** Newest first. */
  list(limit: number): SimulationRecord[] {
    return (this.db.prepare('SELECT * FROM simulations ORDER BY id DESC LIMIT ?').all(limit) as SimRow[]).map(toRecord);
  }

  changes(id: number): StoredChange[] {
    return (
      this.db.prepare('SELECT seq, module, record_id, kind, before_json, after_json FROM simulation_changes WHERE simulation_id = ? ORDER BY seq').all(id) as {
        seq: number;
        module: string;
        record_id: string;
        kind: 'create' | 'update';
        before_json: string | null;
        after_json: string;
      }[]
    ).map((r) => ({
      seq: r.seq,
      module: r.module,
      recordId: r.record_id,
      kind: r.kind,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as Record<string, string | null>),
      after: JSON.parse(r.after_json) as Record<string, string>,
    }));
  }

  /** Later simulations still applied that touched any record this one touched. */
  laterOverlapping(id: number): SimulationRecord[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT s.* FROM simulations s
           JOIN simulation_changes later ON later.simulation_id = s.id
           JOIN simulation_changes mine ON mine.module = later.module AND mine.record_id = later.record_id AND mine.simulation_id = ?
           WHERE s.id > ? AND s.undone_at IS NULL ORDER BY s.id`,
        )
        .all(id, id) as SimRow[]
    ).map(toRecord);
  }

  setConversions(id: number, conversions: number, label: string): void {
    this.db.prepare('UPDATE simulations SET conversions = ?, label = ? WHERE id = ?').run(conversions, label, id);
  }

  markUndone(id: number, at: string): void {
    this.db.prepare('UPDATE simulations SET undone_at = ? WHERE id = ?').run(at, id);
  }

  /** A stamp that changes whenever a simulation is applied or undone. */
  stamp(): string {
    const r = this.db.prepare('SELECT coalesce(max(id), 0) AS n, count(undone_at) AS u FROM simulations').get() as { n: number; u: number };
    return `${r.n}.${r.u}`;
  }
}
