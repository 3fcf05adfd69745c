/**
 * Inventory conversions against the replica (IO): the world an inventory plan reads, and a
 * simulated conversion applied in one transaction.
 */
import type { InventoryPlan, RecordRef } from '../../../shared/domain/convert';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { recordName } from '../../../shared/domain/record-name';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/open';
import { ReplicaRecordsRepo } from '../db/repos/replica-records-repo';
import { SimulationRepo } from '../db/repos/simulation-repo';
import { planInventory, type InventoryWorld } from '../engines/convert/inventory-plan';
import { inventoryChanges, PROVISIONAL_PREFIX } from '../engines/convert/simulation';
import { replicaUniques } from './lead-world-io';
import { applyChanges } from './simulation-io';

const BACK_LINK: Readonly<Record<string, string>> = { 'Quotes>Sales_Orders': 'Quote_Name', 'Sales_Orders>Invoices': 'Sales_Order' };

/** The world of an inventory plan over the replica of `db`. */
export function replicaInventoryWorld(db: Db, fieldsOf: (m: string) => FieldMeta[], targets: readonly string[]): InventoryWorld {
  const records = new ReplicaRecordsRepo(db);
  const sims = new SimulationRepo(db);
  return {
    fieldsOf,
    uniques: replicaUniques(records, Object.fromEntries(targets.map((t) => [t, fieldsOf(t)]))),
    convertedChildren(parentModule, parentId, target) {
      const out: RecordRef[] = [];
      const field = BACK_LINK[`${parentModule}>${target}`];
      if (field) {
        for (const id of records.idsWhere(target, field, parentId, 20)) {
          const v = records.get(target, id) ?? {};
          out.push({ module: target, id, name: recordName(target, (k) => v[k]) || id });
        }
      }
      for (const child of sims.linkedChildren(parentModule, parentId, target)) {
        if (!out.some((o) => o.id === child.id)) out.push(child);
      }
      return out;
    },
  };
}

/** Plans one record's conversion; the record must be in the replica. */
export function inventoryPlanFor(db: Db, fieldsOf: (m: string) => FieldMeta[], module: string, id: string, targets: readonly string[]): InventoryPlan {
  const parent = new ReplicaRecordsRepo(db).get(module, id);
  if (!parent) throw new AppError('RECORD_NOT_FOUND', `No ${module.replace(/_/g, ' ')} record with id ${id} in the replica.`);
  return planInventory(module, id, parent, targets, replicaInventoryWorld(db, fieldsOf, targets));
}

/** Simulates one conversion (in one transaction); refused plans throw Zoho's code. */
export function simulateInventory(
  db: Db,
  fieldsOf: (m: string) => FieldMeta[],
  module: string,
  id: string,
  target: string,
  now: string,
): { plan: InventoryPlan; simulationId: number; child: { module: string; id: string } } {
  return db.transaction(() => {
    const plan = inventoryPlanFor(db, fieldsOf, module, id, [target]);
    const refusal = plan.findings.find((f) => f.severity === 'error');
    if (refusal || !plan.record) {
      throw new AppError(refusal?.code ?? 'INVALID_DATA', refusal?.message ?? 'Zoho would refuse this conversion.');
    }
    const sims = new SimulationRepo(db);
    const simId = sims.create('inventory', null, `${plan.source.name}: ${module.replace(/_/g, ' ')} -> ${target.replace(/_/g, ' ')}`, 1, now);
    const changes = inventoryChanges(plan, (m) => `${PROVISIONAL_PREFIX}${simId}-1-${m.toLowerCase()}`);
    applyChanges(db, simId, changes, now);
    const child = changes[0] as (typeof changes)[number];
    sims.addLink(simId, { module, id }, { module: child.module, id: child.id, name: plan.record.name });
    return { plan, simulationId: simId, child: { module: child.module, id: child.id } };
  })();
}
