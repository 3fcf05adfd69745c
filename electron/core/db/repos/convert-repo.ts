/**
 * SQL for planned lead conversions: runs and their plans (one row per lead, the plan as JSON).
 */
import type { LeadChoice, LeadConvertSettings, LeadPlan, LeftOutRows } from '../../../../shared/domain/convert';
import type { Db } from '../open';

/** Where a run's leads come from. */
export type LeadSelection = { kind: 'replica'; ids: string[] | null } | { kind: 'batch'; batch: number; rows: number[] | null };

/** A run as stored. */
export interface RunRecord {
  id: number;
  source: LeadSelection;
  settings: LeadConvertSettings;
  createdAt: string;
  leads: number;
  ready: number;
  refused: number;
  leftOut: LeftOutRows;
}

/** Which plans a page shows. */
export type PlanFilter = 'all' | 'ready' | 'refused' | 'simulated';

/** A plan row as stored. */
export interface PlanRow {
  seq: number;
  plan: LeadPlan;
  simulationId: number | null;
}

function codesOf(plan: LeadPlan): string {
  return ` ${[...new Set(plan.findings.filter((f) => f.severity === 'error').map((f) => f.code ?? ''))].join(' ')} `;
}

/** Repository of conversion runs and plans. */
export class ConvertRepo {
  constructor(private readonly db: Db) {}

  createRun(source: LeadSelection, settings: LeadConvertSettings, createdAt: string): number {
    const r = this.db
      .prepare('INSERT INTO convert_runs (source_json, settings_json, created_at) VALUES (?, ?, ?)')
      .run(JSON.stringify(source), JSON.stringify(settings), createdAt);
    return Number(r.lastInsertRowid);
  }

  /** A writer that adds plans in order; call `finish` to store the counts. */
  planWriter(runId: number): { add(plan: LeadPlan): void; finish(): void } {
    const insert = this.db.prepare(
      'INSERT INTO convert_plans (run_id, seq, lead_key, lead_name, status, codes, choice_json, plan_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let seq = 0;
    return {
      add: (plan) => {
        seq += 1;
        insert.run(runId, seq, plan.lead.key, plan.lead.name, plan.status, codesOf(plan), JSON.stringify(plan.choice), JSON.stringify(plan));
      },
      finish: () => this.recount(runId),
    };
  }

  /** Records the batch rows a run left out because of their review decisions. */
  setLeftOut(runId: number, leftOut: LeftOutRows): void {
    this.db.prepare('UPDATE convert_runs SET left_out_json = ? WHERE id = ?').run(JSON.stringify(leftOut), runId);
  }

  /** Recomputes a run's counts from its plans. */
  recount(runId: number): void {
    this.db
      .prepare(
        `UPDATE convert_runs SET
           leads = (SELECT count(*) FROM convert_plans WHERE run_id = @id),
           ready = (SELECT count(*) FROM convert_plans WHERE run_id = @id AND status = 'ready'),
           refused = (SELECT count(*) FROM convert_plans WHERE run_id = @id AND status = 'refused')
         WHERE id = @id`,
      )
      .run({ id: runId });
  }

  run(runId: number): RunRecord | null {
    const r = this.db.prepare('SELECT * FROM convert_runs WHERE id = ?').get(runId) as
      | { id: number; source_json: string; settings_json: string; created_at: string; leads: number; ready: number; refused: number; left_out_json: string }
      | undefined;
    if (!r) return null;
    return {
      id: r.id,
      source: JSON.parse(r.source_json) as LeadSelection,
      settings: JSON.parse(r.settings_json) as LeadConvertSettings,
      createdAt: r.created_at,
      leads: r.leads,
      ready: r.ready,
      refused: r.refused,
      leftOut: JSON.parse(r.left_out_json) as LeftOutRows,
    };
  }

  latestRun(): RunRecord | null {
    const r = this.db.prepare('SELECT id FROM convert_runs ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined;
    return r ? this.run(r.id) : null;
  }

  /** Counts per refusal code among the run's refused plans. */
  codeCounts(runId: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.db.prepare("SELECT codes FROM convert_plans WHERE run_id = ? AND status = 'refused'").iterate(runId) as IterableIterator<{ codes: string }>) {
      for (const c of r.codes.trim().split(' ')) if (c !== '') out[c] = (out[c] ?? 0) + 1;
    }
    return out;
  }

  simulatedCount(runId: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM convert_plans WHERE run_id = ? AND simulation_id IS NOT NULL').get(runId) as { n: number }).n;
  }

  page(runId: number, filter: PlanFilter, offset: number, limit: number): { total: number; rows: PlanRow[] } {
    const where = filter === 'all' ? '' : filter === 'simulated' ? 'AND simulation_id IS NOT NULL' : 'AND status = @status AND simulation_id IS NULL';
    const params = { id: runId, status: filter, limit, offset };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM convert_plans WHERE run_id = @id ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT seq, plan_json, simulation_id FROM convert_plans WHERE run_id = @id ${where} ORDER BY seq LIMIT @limit OFFSET @offset`)
      .all(params) as { seq: number; plan_json: string; simulation_id: number | null }[];
    return { total, rows: rows.map((r) => ({ seq: r.seq, plan: JSON.parse(r.plan_json) as LeadPlan, simulationId: r.simulation_id })) };
  }

  plan(runId: number, key: string): PlanRow | null {
    const r = this.db.prepare('SELECT seq, plan_json, simulation_id FROM convert_plans WHERE run_id = ? AND lead_key = ?').get(runId, key) as
      | { seq: number; plan_json: string; simulation_id: number | null }
      | undefined;
    return r ? { seq: r.seq, plan: JSON.parse(r.plan_json) as LeadPlan, simulationId: r.simulation_id } : null;
  }

  /** Every plan of the run in order (streamed). */
  *plans(runId: number): IterableIterator<PlanRow> {
    for (const r of this.db.prepare('SELECT seq, plan_json, simulation_id FROM convert_plans WHERE run_id = ? ORDER BY seq').iterate(runId) as IterableIterator<{
      seq: number;
      plan_json: string;
      simulation_id: number | null;
    }>) {
      yield { seq: r.seq, plan: JSON.parse(r.plan_json) as LeadPlan, simulationId: r.simulation_id };
    }
  }

  replacePlan(runId: number, plan: LeadPlan): void {
    this.db
      .prepare('UPDATE convert_plans SET status = ?, codes = ?, choice_json = ?, plan_json = ? WHERE run_id = ? AND lead_key = ?')
      .run(plan.status, codesOf(plan), JSON.stringify(plan.choice satisfies LeadChoice), JSON.stringify(plan), runId, plan.lead.key);
    this.recount(runId);
  }

  markSimulated(runId: number, keys: readonly string[], simulationId: number | null): void {
    const stmt = this.db.prepare('UPDATE convert_plans SET simulation_id = ? WHERE run_id = ? AND lead_key = ?');
    for (const k of keys) stmt.run(simulationId, runId, k);
  }

  /** Forgets which plans a simulation applied (it was undone). */
  clearSimulation(simulationId: number): void {
    this.db.prepare('UPDATE convert_plans SET simulation_id = NULL WHERE simulation_id = ?').run(simulationId);
  }
}
