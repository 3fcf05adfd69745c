/**
 * Inventory Convert and Mass Inventory Convert request bodies (pure; seed S2, ZOHO-SPEC §6).
 *
 * `module` names the target by `api_name`; Zoho's docs also show the module's own `id`, which
 * only the org's Modules API knows: pass `moduleIds` to include it.
 */
import type { InventoryPlan } from '../../../../shared/domain/convert';
import { MASS_CONVERT_LIMIT } from './lead-requests';
import { seqName, type ApiVersion, type RequestSet, type SkippedRecord, type ZohoRequest } from './zoho-request';

function moduleRef(target: string, moduleIds: Readonly<Record<string, string>>): Record<string, string> {
  const id = moduleIds[target];
  return id ? { api_name: target, id } : { api_name: target };
}

/** The body of one Inventory Convert call. */
export function inventoryConvertBody(plan: InventoryPlan, moduleIds: Readonly<Record<string, string>> = {}): { data: unknown[] } {
  return { data: [{ convert_to: plan.requested.map((t) => ({ module: moduleRef(t, moduleIds), carry_over_tags: plan.carryOverTags })) }] };
}

/** Requests for a set of inventory plans, one per record or Mass Convert groups of 50. */
export function inventoryRequests(
  plans: readonly InventoryPlan[],
  opts: { version: ApiVersion; mode: 'single' | 'mass'; moduleIds?: Readonly<Record<string, string>>; assignTo?: string | null },
): RequestSet {
  const ids = opts.moduleIds ?? {};
  const requests: ZohoRequest[] = [];
  const skipped: SkippedRecord[] = [];
  const ready: InventoryPlan[] = [];
  for (const p of plans) {
    if (p.status === 'ready' && p.target) ready.push(p);
    else skipped.push({ key: p.source.id, id: p.source.id, name: p.source.name, codes: p.findings.filter((f) => f.severity === 'error').map((f) => f.code ?? ''), reason: 'Zoho would refuse this conversion.' });
  }
  let seq = 0;
  const slug = (m: string): string => m.toLowerCase().replace(/_/g, '-');
  if (opts.mode === 'mass') {
    const groups = new Map<string, InventoryPlan[]>();
    for (const p of ready) {
      const key = `${p.source.module}\u0000${p.target ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += MASS_CONVERT_LIMIT) {
        const chunk = group.slice(i, i + MASS_CONVERT_LIMIT);
        const first = chunk[0] as InventoryPlan;
        seq += 1;
        const body: Record<string, unknown> = { convert_to: [{ module: moduleRef(first.target ?? '', ids) }], carry_over_tags: first.carryOverTags, ids: chunk.map((p) => p.source.id) };
        if (opts.assignTo) body.assign_to = { id: opts.assignTo };
        requests.push({
          file: `${seqName(seq)}-mass-convert-${slug(first.source.module)}-to-${slug(first.target ?? '')}.json`,
          method: 'POST',
          path: `/crm/${opts.version}/${first.source.module}/actions/mass_convert`,
          scope: `ZohoCRM.mass_convert.${first.source.module}.CREATE`,
          body,
          records: chunk.map((p) => ({ key: p.source.id, id: p.source.id, name: p.source.name })),
        });
      }
    }
  } else {
    for (const p of ready) {
      seq += 1;
      requests.push({
        file: `${seqName(seq)}-convert-${slug(p.source.module)}-${p.source.id}-to-${slug(p.target ?? '')}.json`,
        method: 'POST',
        path: `/crm/${opts.version}/${p.source.module}/${p.source.id}/actions/convert`,
        scope: `ZohoCRM.mass_convert.${p.source.module}.CREATE`,
        body: inventoryConvertBody(p, ids),
        records: [{ key: p.source.id, id: p.source.id, name: p.source.name }],
      });
    }
  }
  const notes = Object.keys(ids).length === 0 ? ['Each target module is named by api_name only; add the module id from the Modules API if your org asks for it.'] : [];
  return { kind: 'inventory-conversion', version: opts.version, requests, skipped, notes };
}
