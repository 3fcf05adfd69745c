/**
 * Planning the conversion of many leads (worker side): every lead of the selection planned
 * against the replica, the plans stored as one run in one transaction.
 */
import type { LeadChoice, LeadConvertSettings } from '../../../shared/domain/convert';
import type { ReviewDecision } from '../../../shared/domain/review';
import { openWorkspaceDb } from '../db/open';
import { ConvertRepo, type LeadSelection } from '../db/repos/convert-repo';
import { ReviewRepo } from '../db/repos/review-repo';
import { claimPlan } from '../engines/convert/lead-run';
import { LeftOutCounter, reviewedStart } from '../engines/convert/review-choice';
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
  /**
   * Targets chosen per lead key (picks); other leads start from their review decision (batch
   * rows) or create new records.
   */
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
      // Read once: a million-row batch reviewed row by row would otherwise cost a query a row.
      const decisions = job.selection.kind === 'batch' ? new ReviewRepo(db).decisions(job.selection.batch) : new Map<number, ReviewDecision>();
      const leftOut = new LeftOutCounter();
      let done = 0;
      for (const lead of leads) {
        const start = lead.batchRow === null ? reviewedStart(undefined) : reviewedStart(decisions.get(lead.batchRow));
        if (start.kind === 'left-out') {
          leftOut.add(lead.batchRow ?? 0, start.reason);
        } else {
          const plan = planLead(lead, job.choices[lead.key] ?? start.choice, job.settings, world);
          claimPlan(world, plan);
          writer.add(plan);
        }
        done += 1;
        report(done, total);
      }
      writer.finish();
      if (leftOut.total > 0) repo.setLeftOut(runId, leftOut.result());
      report(done, total, true);
      return { runId, leads: done - leftOut.total };
    });
  } finally {
    db.close();
  }
}
