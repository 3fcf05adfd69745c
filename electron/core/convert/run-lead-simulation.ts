/**
 * Simulating planned lead conversions in the replica (worker side), and undoing a simulation.
 *
 * Each plan is checked again against the replica as it now is (an earlier simulation may have
 * created a record holding the same unique value); those still ready are applied, the others
 * stored refused. Everything happens in one transaction, recorded for an exact undo.
 */
import type { LeadPlan, LeadSource } from '../../../shared/domain/convert';
import { AppError } from '../../../shared/ipc/errors';
import { openWorkspaceDb } from '../db/open';
import { ConvertRepo } from '../db/repos/convert-repo';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { SimulationRepo } from '../db/repos/simulation-repo';
import { claimPlan } from '../engines/convert/lead-run';
import { planLead } from '../engines/convert/lead-plan';
import { leadChanges, PROVISIONAL_PREFIX } from '../engines/convert/simulation';
import type { JobContext } from '../engines/replica-load/load-types';
import { inWriteTransaction, progressReporter } from './job-progress';
import { batchLeads } from './lead-sources';
import { replicaLeadWorld, type LeadFields } from './lead-world-io';
import { applyChanges, undoChanges, type UndoResult } from './simulation-io';

/** A simulation of some (or all ready) plans of a run. */
export interface LeadSimulationJob {
  dbPath: string;
  nativeBinding?: string;
  runId: number;
  /** Lead keys to simulate; null for every ready plan not simulated yet. */
  keys: string[] | null;
  fields: LeadFields;
  now: string;
}

/** What a simulation did. */
export interface LeadSimulationResult {
  simulationId: number | null;
  applied: number;
  /** Plans refused on the second check (and stored so). */
  refusedNow: number;
  created: number;
}

/** An undo job. */
export interface UndoJob {
  dbPath: string;
  nativeBinding?: string;
  simulationId: number;
  now: string;
}

/** The current values of the replica leads among the plans. */
function replicaSources(db: ReturnType<typeof openWorkspaceDb>, plans: readonly LeadPlan[]): Map<string, LeadSource> {
  const out = new Map<string, LeadSource>();
  const records = new ReplicaRecordsRepo(db);
  for (const p of plans) {
    if (p.lead.id !== null) out.set(p.lead.key, { key: p.lead.key, id: p.lead.id, batchRow: null, values: records.get('Leads', p.lead.id) ?? {} });
  }
  return out;
}

/** Applies the plans; resolves with what changed. */
export async function runLeadSimulation(job: LeadSimulationJob, ctx: JobContext): Promise<LeadSimulationResult> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    return inWriteTransaction(db, () => {
      const repo = new ConvertRepo(db);
      const run = repo.run(job.runId);
      if (!run) throw new AppError('CONVERT_RUN_NOT_FOUND', `There is no conversion plan run ${job.runId}.`);
      const wanted = job.keys === null ? null : new Set(job.keys);
      const plans = [...repo.plans(job.runId)].filter((r) => r.simulationId === null && r.plan.status === 'ready' && (wanted === null || wanted.has(r.plan.lead.key))).map((r) => r.plan);
      if (plans.length === 0) throw new AppError('NOTHING_TO_CONVERT', 'No ready plan left to simulate: they are refused or simulated already.');
      const sims = new SimulationRepo(db);
      const simId = sims.create('leads', job.runId, `${plans.length} lead conversion${plans.length === 1 ? '' : 's'} (plan run ${job.runId})`, 0, job.now);
      const world = replicaLeadWorld(db, job.fields, job.now);
      const sources = replicaSources(db, plans);
      const batch = run.source.kind === 'batch' ? run.source.batch : null;
      if (batch !== null) {
        const rows = plans.map((p) => p.lead.batchRow).filter((r): r is number => r !== null);
        for (const s of batchLeads(db, batch, rows, job.fields.Leads).leads) sources.set(s.key, s);
      }
      let n = 0;
      const newId = (module: string): string => `${PROVISIONAL_PREFIX}${simId}-${(n += 1)}-${module.toLowerCase()}`;
      const report = progressReporter(ctx, 'simulating', 'The simulation was cancelled; the replica was not changed.');
      const result: LeadSimulationResult = { simulationId: simId, applied: 0, refusedNow: 0, created: 0 };
      let seq = 0;
      const applied: string[] = [];
      plans.forEach((stored, i) => {
        const source = sources.get(stored.lead.key);
        const plan = source ? planLead(source, stored.choice, { ...run.settings, deal: stored.settings.deal }, world) : { ...stored, status: 'refused' as const };
        if (plan.status !== 'ready') {
          repo.replacePlan(job.runId, plan);
          result.refusedNow += 1;
        } else {
          const changes = leadChanges(plan, newId);
          seq = applyChanges(db, simId, changes, job.now, seq);
          result.created += changes.filter((c) => c.kind === 'create').length;
          claimPlan(world, plan);
          repo.replacePlan(job.runId, plan);
          applied.push(plan.lead.key);
          result.applied += 1;
        }
        report(i + 1, plans.length);
      });
      if (result.applied === 0) throw new AppError('NOTHING_TO_CONVERT', 'Every plan is refused once checked against the replica as it now is; plan again to see why.');
      repo.markSimulated(job.runId, applied, simId);
      sims.setConversions(simId, result.applied, `${result.applied} lead conversion${result.applied === 1 ? '' : 's'} (plan run ${job.runId})`);
      report(plans.length, plans.length, true);
      return result;
    });
  } finally {
    db.close();
  }
}

/** Undoes a simulation; resolves with what was put back. */
export async function runUndoSimulation(job: UndoJob, ctx: JobContext): Promise<UndoResult> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    ctx.progress({ phase: 'undoing', done: 0, total: 1, rows: 0 });
    return inWriteTransaction(db, () => {
      const result = undoChanges(db, job.simulationId, job.now);
      new ConvertRepo(db).clearSimulation(job.simulationId);
      return result;
    });
  } finally {
    db.close();
  }
}
