/**
 * Channels of the Convert area: lead conversion plans, simulations, request folders, and
 * inventory conversions.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import { ConvertService, type ConvertJobs } from '../convert/convert-service';
import { leadConversionOptions } from '../convert/lead-options';
import type { LeadPlanResult } from '../convert/run-lead-plans';
import type { LeadSimulationResult } from '../convert/run-lead-simulation';
import type { UndoResult } from '../convert/simulation-io';
import type { WorkerJob } from '../workers/worker-protocol';
import type { HandlerContext } from './handler-context';

type ConvertHandlers = Pick<
  Handlers,
  | 'convert.plan'
  | 'convert.run'
  | 'convert.plans'
  | 'convert.planDetail'
  | 'convert.choose'
  | 'convert.simulate'
  | 'convert.undo'
  | 'convert.simulations'
  | 'convert.writeRequests'
  | 'convert.inventoryPlan'
  | 'convert.inventorySimulate'
  | 'convert.inventoryWrite'
  | 'convert.options'
>;

let jobSeq = 0;

/** Runs a conversion job in a worker, with progress on `job.progress`. */
function runJob<T>(ctx: HandlerContext, kind: WorkerJob['kind'], payload: object, jobId?: string): Promise<T> {
  const s = ctx.session();
  const id = jobId ?? `${kind.replace('.', '_')}_${process.pid}_${(jobSeq += 1)}`;
  const job = { kind, payload: { ...payload, dbPath: s.path, nativeBinding: ctx.options.nativeBinding } } as WorkerJob;
  return ctx.jobs.run(id, job, (p) => ctx.events.emit('job.progress', { jobId: id, kind, ...p })) as Promise<T>;
}

/** The service for the open workspace. */
export function convertService(ctx: HandlerContext): ConvertService {
  const s = ctx.session();
  const jobs: ConvertJobs = {
    plan: (payload, jobId) => runJob<LeadPlanResult>(ctx, 'convert.plan', payload, jobId),
    simulate: (payload, jobId) => runJob<LeadSimulationResult>(ctx, 'convert.simulate', payload, jobId),
    undo: (payload, jobId) => runJob<UndoResult>(ctx, 'convert.undo', payload, jobId),
  };
  return new ConvertService(s.db, (m) => s.metadata.find(m)?.fields ?? [], ctx.now, jobs);
}

/** Tells listeners the replica changed under the simulated records. */
function replicaChanged(ctx: HandlerContext, modules: readonly string[]): void {
  ctx.session().batches.replicaChanged();
  for (const module of modules) ctx.events.emit('replica.changed', { module });
}

const LEAD_MODULES = ['Leads', 'Contacts', 'Accounts', 'Deals'];

/** Builds the convert handlers. */
export function convertHandlers(ctx: HandlerContext): ConvertHandlers {
  return {
    'convert.plan': ({ source, settings, jobId }) => convertService(ctx).plan(source, settings, jobId),
    'convert.run': async ({ run }) => ({ run: convertService(ctx).summary(run) }),
    'convert.plans': async ({ run, filter, offset, limit }) => convertService(ctx).page(run, filter, offset, limit),
    'convert.planDetail': async ({ run, key }) => convertService(ctx).detail(run, key),
    'convert.choose': async ({ run, key, contactId, accountId, deal, via }) => convertService(ctx).choose(run, key, contactId, accountId, deal, via),
    'convert.simulate': async ({ run, keys, jobId }) => {
      const r = await convertService(ctx).simulate(run, keys, jobId);
      replicaChanged(ctx, LEAD_MODULES);
      return r;
    },
    'convert.undo': async ({ simulation, jobId }) => {
      const r = await convertService(ctx).undo(simulation, jobId);
      replicaChanged(ctx, r.simulation.kind === 'leads' ? LEAD_MODULES : ['Sales_Orders', 'Invoices']);
      return r;
    },
    'convert.simulations': async () => convertService(ctx).simulations(),
    'convert.writeRequests': async ({ run, keys, version, mode, path }) => convertService(ctx).writeRequests(run, keys, version, mode, path),
    'convert.inventoryPlan': async ({ module, id, targets }) => convertService(ctx).inventoryPlan(module, id, targets),
    'convert.inventorySimulate': async ({ module, id, target }) => {
      const r = convertService(ctx).inventorySimulate(module, id, target);
      replicaChanged(ctx, [target]);
      return r;
    },
    'convert.options': async ({ lead, modules }) => {
      const s = ctx.session();
      return leadConversionOptions(s.db, (m) => s.metadata.find(m)?.fields ?? [], lead, modules);
    },
    'convert.inventoryWrite': async ({ module, ids, targets, version, mode, path, moduleIds }) => convertService(ctx).inventoryWrite(module, ids, targets, version, mode, path, moduleIds ?? {}),
  };
}
