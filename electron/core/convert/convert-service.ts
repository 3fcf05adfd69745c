/**
 * What the window and the CLI do with conversions: plan leads (in a worker), page and fix the
 * plans, simulate and undo (in a worker), write the requests; and the same for one inventory
 * record. One instance per call, bound to the open workspace.
 */
import type { DealInput, LeadChoice, LeadConvertSettings, LeadPlan } from '../../../shared/domain/convert';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { ConvertRepo, type LeadSelection, type PlanFilter } from '../db/repos/convert-repo';
import { SimulationRepo } from '../db/repos/simulation-repo';
import { inventoryRequests } from '../engines/convert/inventory-requests';
import { claimPlan } from '../engines/convert/lead-run';
import { planLead } from '../engines/convert/lead-plan';
import { leadRequests } from '../engines/convert/lead-requests';
import type { ApiVersion, RequestSet } from '../engines/convert/zoho-request';
import { inventoryPlanFor, simulateInventory } from './inventory-io';
import { selectedLeads } from './lead-sources';
import { replicaLeadWorld, type LeadFields } from './lead-world-io';
import type { LeadPlanJob, LeadPlanResult } from './run-lead-plans';
import type { LeadSimulationJob, LeadSimulationResult, UndoJob } from './run-lead-simulation';
import type { UndoResult } from './simulation-io';
import { writeRequestFolder } from './request-folder';
import { planItem, runSummary, simulationInfo } from './summaries';

type RunSummary = NonNullable<Res<'convert.run'>['run']>;
type Written = Res<'convert.writeRequests'>;

/** The worker jobs conversions start (the core's job runner provides them). */
export interface ConvertJobs {
  plan(payload: Omit<LeadPlanJob, 'dbPath' | 'nativeBinding'>, jobId?: string): Promise<LeadPlanResult>;
  simulate(payload: Omit<LeadSimulationJob, 'dbPath' | 'nativeBinding'>, jobId?: string): Promise<LeadSimulationResult>;
  undo(payload: Omit<UndoJob, 'dbPath' | 'nativeBinding'>, jobId?: string): Promise<UndoResult>;
}

/** Conversions on one workspace. */
export class ConvertService {
  private readonly repo: ConvertRepo;
  private readonly sims: SimulationRepo;

  constructor(
    private readonly db: Db,
    private readonly fieldsOf: (module: string) => FieldMeta[],
    private readonly now: () => Date,
    private readonly jobs: ConvertJobs,
    /** Targets chosen earlier for leads of a selection (the review decisions). */
    private readonly reviewChoices: (selection: LeadSelection) => Record<string, LeadChoice> = () => ({}),
  ) {
    this.repo = new ConvertRepo(db);
    this.sims = new SimulationRepo(db);
  }

  leadFields(): LeadFields {
    return { Leads: this.fieldsOf('Leads'), Contacts: this.fieldsOf('Contacts'), Accounts: this.fieldsOf('Accounts'), Deals: this.fieldsOf('Deals') };
  }

  private runOrThrow(runId: number): NonNullable<ReturnType<ConvertRepo['run']>> {
    const run = this.repo.run(runId);
    if (!run) throw new AppError('CONVERT_RUN_NOT_FOUND', `There is no conversion plan run ${runId} in this workspace.`);
    return run;
  }

  summary(runId: number | null): RunSummary | null {
    const run = runId === null ? this.repo.latestRun() : this.runOrThrow(runId);
    return run ? runSummary(run, this.repo) : null;
  }

  async plan(source: LeadSelection, settings: LeadConvertSettings, jobId?: string): Promise<RunSummary> {
    const { runId } = await this.jobs.plan({ selection: source, settings, fields: this.leadFields(), choices: this.reviewChoices(source), now: this.now().toISOString() }, jobId);
    return runSummary(this.runOrThrow(runId), this.repo);
  }

  page(runId: number, filter: PlanFilter, offset: number, limit: number): Res<'convert.plans'> {
    this.runOrThrow(runId);
    const { total, rows } = this.repo.page(runId, filter, offset, limit);
    return { total, offset, items: rows.map((r) => planItem(r.plan, r.simulationId)) };
  }

  detail(runId: number, key: string): { plan: LeadPlan; simulation: number | null } {
    this.runOrThrow(runId);
    const row = this.repo.plan(runId, key);
    if (!row) throw new AppError('RECORD_NOT_FOUND', `Run ${runId} has no plan for lead ${key}.`);
    return { plan: row.plan, simulation: row.simulationId };
  }

  /** Plans one lead again with new targets (or deal), against the replica and the run's other plans. */
  choose(runId: number, key: string, contactId: string | null, accountId: string | null, deal: DealInput | null | undefined, via: 'picked' | 'zoho-match' = 'picked'): { plan: LeadPlan; run: RunSummary } {
    const run = this.runOrThrow(runId);
    const row = this.repo.plan(runId, key);
    if (!row) throw new AppError('RECORD_NOT_FOUND', `Run ${runId} has no plan for lead ${key}.`);
    if (row.simulationId !== null) {
      throw new AppError('BAD_REQUEST', `This conversion is simulated in the replica (simulation ${row.simulationId}); undo it before changing the plan.`);
    }
    const old = row.plan;
    const choice: LeadChoice = {
      contactId,
      accountId,
      contactSource: contactId === null ? null : contactId === old.choice.contactId ? old.choice.contactSource : via,
      accountSource: accountId === null ? null : accountId === old.choice.accountId ? old.choice.accountSource : via,
      ...(deal !== undefined ? { deal } : old.choice.deal !== undefined ? { deal: old.choice.deal } : {}),
      // The plan still starts from the review only while its targets are the review's.
      ...(old.choice.review !== undefined && contactId === old.choice.contactId && accountId === old.choice.accountId ? { review: old.choice.review } : {}),
    };
    const fields = this.leadFields();
    const world = replicaLeadWorld(this.db, fields, this.now().toISOString());
    for (const other of this.repo.plans(runId)) {
      if (other.plan.lead.key !== key && other.simulationId === null) claimPlan(world, other.plan);
    }
    const selection: LeadSelection = old.lead.batchRow !== null && run.source.kind === 'batch' ? { kind: 'batch', batch: run.source.batch, rows: [old.lead.batchRow] } : { kind: 'replica', ids: [old.lead.id ?? key] };
    const [source] = [...selectedLeads(this.db, selection, fields.Leads).leads];
    if (!source) throw new AppError('RECORD_NOT_FOUND', `Lead ${key} is no longer in the ${run.source.kind === 'batch' ? 'batch' : 'replica'}.`);
    const plan = planLead(source, choice, run.settings, world);
    this.db.transaction(() => this.repo.replacePlan(runId, plan))();
    return { plan, run: runSummary(this.runOrThrow(runId), this.repo) };
  }

  async simulate(runId: number, keys: string[] | null, jobId?: string): Promise<Res<'convert.simulate'>> {
    this.runOrThrow(runId);
    const r = await this.jobs.simulate({ runId, keys, fields: this.leadFields(), now: this.now().toISOString() }, jobId);
    const sim = this.sims.get(r.simulationId ?? 0);
    if (!sim) throw new AppError('INTERNAL', 'The simulation was not recorded.');
    return { simulation: simulationInfo(sim, this.sims), applied: r.applied, refusedNow: r.refusedNow, created: r.created, run: runSummary(this.runOrThrow(runId), this.repo) };
  }

  async undo(simulationId: number, jobId?: string): Promise<Res<'convert.undo'>> {
    if (!this.sims.get(simulationId)) throw new AppError('SIMULATION_NOT_FOUND', `There is no simulation ${simulationId} in this workspace.`);
    const r = await this.jobs.undo({ simulationId, now: this.now().toISOString() }, jobId);
    const sim = this.sims.get(simulationId);
    if (!sim) throw new AppError('SIMULATION_NOT_FOUND', `There is no simulation ${simulationId} in this workspace.`);
    return { simulation: simulationInfo(sim, this.sims), ...r };
  }

  simulations(): Res<'convert.simulations'> {
    return { items: this.sims.list(200).map((s) => simulationInfo(s, this.sims)) };
  }

  private written(set: RequestSet, prefix: string, path: string): Written {
    const w = writeRequestFolder(path, set, prefix, this.now().toISOString());
    return { folder: w.folder, manifest: w.manifest, readme: w.readme, requests: set.requests.length, records: set.requests.reduce((n, r) => n + r.records.length, 0), skipped: set.skipped, notes: set.notes };
  }

  writeRequests(runId: number, keys: string[] | null, version: ApiVersion, mode: 'single' | 'mass', path: string): Written {
    this.runOrThrow(runId);
    const wanted = keys === null ? null : new Set(keys);
    const plans = [...this.repo.plans(runId)].map((r) => r.plan).filter((p) => wanted === null || wanted.has(p.lead.key));
    return this.written(leadRequests(plans, { version, mode }), 'lead-conversion', path);
  }

  inventoryPlan(module: string, id: string, targets: string[]): Res<'convert.inventoryPlan'> {
    return { plan: inventoryPlanFor(this.db, this.fieldsOf, module, id, targets) };
  }

  inventorySimulate(module: string, id: string, target: string): Res<'convert.inventorySimulate'> {
    const r = simulateInventory(this.db, this.fieldsOf, module, id, target, this.now().toISOString());
    const sim = this.sims.get(r.simulationId);
    if (!sim) throw new AppError('INTERNAL', 'The simulation was not recorded.');
    return { plan: r.plan, simulation: simulationInfo(sim, this.sims), child: r.child };
  }

  inventoryWrite(module: string, ids: string[], targets: string[], version: ApiVersion, mode: 'single' | 'mass', path: string, moduleIds: Record<string, string>): Written {
    const plans = ids.map((id) => inventoryPlanFor(this.db, this.fieldsOf, module, id, targets));
    return this.written(inventoryRequests(plans, { version, mode, moduleIds }), 'inventory-conversion', path);
  }
}
