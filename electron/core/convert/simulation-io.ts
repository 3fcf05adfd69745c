/**
 * Applying simulated changes to the replica and undoing them (IO). The caller holds the
 * transaction: a simulation is applied whole or not at all, and so is its undo.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { SimulationRepo } from '../db/repos/simulation-repo';
import type { ReplicaChange } from '../engines/convert/simulation';

/** Writes changes into the replica and records them under simulation `id`. */
export function applyChanges(db: Db, simulationId: number, changes: readonly ReplicaChange[], now: string, startSeq = 0): number {
  const records = new ReplicaRecordsRepo(db);
  const sims = new SimulationRepo(db);
  let seq = startSeq;
  for (const c of changes) {
    seq += 1;
    if (c.kind === 'create') {
      records.insert(c.module, c.id, c.values, now);
      sims.addChange(simulationId, seq, { module: c.module, recordId: c.id, kind: 'create', before: null, after: c.values });
    } else {
      if (!records.has(c.module, c.id)) {
        throw new AppError('RECORD_NOT_FOUND', `${c.module} record ${c.id} is no longer in the replica; plan again before simulating.`);
      }
      const before = records.valuesOf(c.module, c.id, Object.keys(c.values));
      records.update(c.module, c.id, c.values, now);
      sims.addChange(simulationId, seq, { module: c.module, recordId: c.id, kind: 'update', before, after: c.values });
    }
  }
  return seq;
}

/** What an undo did. */
export interface UndoResult {
  removed: number;
  restored: number;
  /** Values changed since the simulation (a reload), left as they are now. */
  keptChanged: number;
}

/**
 * Undoes simulation `id`: removes the records it created and gives back the previous value of
 * every field it set. A value changed since (a reload brought Zoho's) is left as it now is.
 * Refused while a later simulation still applied touched the same records.
 */
export function undoChanges(db: Db, simulationId: number, now: string): UndoResult {
  const sims = new SimulationRepo(db);
  const sim = sims.get(simulationId);
  if (!sim) throw new AppError('SIMULATION_NOT_FOUND', `There is no simulation ${simulationId} in this workspace.`);
  if (sim.undoneAt !== null) throw new AppError('NOTHING_TO_UNDO', `Simulation ${simulationId} was already undone (${sim.undoneAt}).`);
  const later = sims.laterOverlapping(simulationId);
  if (later.length > 0) {
    throw new AppError(
      'UNDO_BLOCKED',
      `Simulation ${simulationId} cannot be undone before ${later.map((s) => `#${s.id} (${s.label})`).join(', ')}, which changed the same records: undo ${later.length === 1 ? 'it' : 'them'} first.`,
    );
  }
  const records = new ReplicaRecordsRepo(db);
  const result: UndoResult = { removed: 0, restored: 0, keptChanged: 0 };
  for (const c of sims.changes(simulationId).reverse()) {
    if (c.kind === 'create') {
      if (records.has(c.module, c.recordId)) {
        records.remove(c.module, c.recordId);
        result.removed += 1;
      }
      continue;
    }
    const current = records.valuesOf(c.module, c.recordId, Object.keys(c.after));
    const restore: Record<string, string | null> = {};
    for (const [k, after] of Object.entries(c.after)) {
      if ((current[k] ?? '') === (after ?? '')) restore[k] = c.before?.[k] ?? null;
      else result.keptChanged += 1;
    }
    if (Object.keys(restore).length > 0 && records.has(c.module, c.recordId)) {
      records.update(c.module, c.recordId, restore, now);
      result.restored += 1;
    }
  }
  sims.markUndone(simulationId, now);
  return result;
}
