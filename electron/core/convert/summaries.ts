/**
 * How runs, plans and simulations are reported over IPC (pure mapping from stored rows).
 */
import type { LeadPlan } from '../../../shared/domain/convert';
import type { Res } from '../../../shared/ipc/contract';
import type { ConvertRepo, RunRecord } from '../db/repos/convert-repo';
import type { SimulationRecord, SimulationRepo } from '../db/repos/simulation-repo';

type RunSummary = Res<'convert.run'>['run'] & object;
type PlanItem = Res<'convert.plans'>['items'][number];
type SimulationInfo = Res<'convert.simulations'>['items'][number];

/** A run with its counts. */
export function runSummary(run: RunRecord, repo: ConvertRepo): RunSummary {
  return {
    run: run.id,
    source: run.source,
    settings: run.settings,
    createdAt: run.createdAt,
    leads: run.leads,
    ready: run.ready,
    refused: run.refused,
    simulated: repo.simulatedCount(run.id),
    codes: repo.codeCounts(run.id),
    leftOut: run.leftOut,
  };
}

/** A plan as a list row shows it. */
export function planItem(plan: LeadPlan, simulation: number | null): PlanItem {
  const side = (r: LeadPlan['contact']): PlanItem['contact'] => (r ? { action: r.action, name: r.name, id: r.id, source: r.source } : null);
  const errors = plan.findings.filter((f) => f.severity === 'error');
  return {
    key: plan.lead.key,
    id: plan.lead.id,
    batchRow: plan.lead.batchRow,
    name: plan.lead.name,
    company: plan.lead.company,
    status: plan.status,
    simulation,
    contact: side(plan.contact),
    account: side(plan.account),
    deal: plan.deal ? { name: plan.deal.name } : null,
    codes: [...new Set(errors.map((f) => f.code ?? ''))],
    firstProblem: errors[0]?.message ?? null,
  };
}

/** A simulation as listed, with whether it can be undone now. */
export function simulationInfo(s: SimulationRecord, sims: SimulationRepo): SimulationInfo {
  return {
    id: s.id,
    kind: s.kind,
    run: s.runId,
    label: s.label,
    conversions: s.conversions,
    createdAt: s.createdAt,
    undoneAt: s.undoneAt,
    canUndo: s.undoneAt === null && sims.laterOverlapping(s.id).length === 0,
  };
}
