/**
 * Planning the conversion of many leads (worker side): every lead of the selection planned
 * against the replica, the plans stored as one run in one transaction.
 */
import type { LeadChoice, LeadConvertSettings } from '../../../shared/domain/convert';
import { openWorkspaceDb } from '../db/open';
import { ConvertRepo, type LeadSelection } from '../db/repos/convert-repo';
import { claimPlan, CREATE_NEW } from '../engines/convert/lead-run';
import { planLead } from '../engines/convert/lead-plan';
import type { JobContext } from '../engines/replica-load/load-types';
import { inWriteTransaction, progressReporter } from './job-progress';
import { selectedLeads } from './lead-sources';
import { replicaLeadWorld, type LeadFields } from './lead-world-io';

/** Everything the worker needs to plan a run. */
export interface LeadPlanJob {
  dbPath: string;
  nativeBinding?: string;
  selection: LeadSelection;
  settings: LeadConvertSettings;
  fields: LeadFields;
  /** Targets chosen per lead key (review decisions, picks); other leads create new records. */
  choices: Record<string, LeadChoice>;
  now: string;
}

/** What a planning job gives back. */
export interface LeadPlanResult {
  runId: number;
  leads: number;
}

/** Plans the selection; resolves with the new run's id. */
export async function runLeadPlans(job: LeadPlanJob, ctx: JobContext): Promise<LeadPlanResult> {
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  try {
    return inWriteTransaction(db, () => {
      const repo = new ConvertRepo(db);
      const runId = repo.createRun(job.selection, job.settings, job.now);
      const world = replicaLeadWorld(db, job.fields, job.now);
      const { total, leads } = selectedLeads(db, job.selection, job.fields.Leads);
      const report = progressReporter(ctx, 'planning', 'Planning was cancelled; nothing was stored.');
      const writer = repo.planWriter(runId);
      let done = 0;
      for (const lead of leads) {
        const plan = planLead(lead, job.choices[lead.key] ?? CREATE_NEW, job.settings, world);
        claimPlan(world, plan);
        writer.add(plan);
        done += 1;
        report(done, total);
      }
      writer.finish();
      report(done, total, true);
      return { runId, leads: done };
    });
  } finally {
    db.close();
  }
}
