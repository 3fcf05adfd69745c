/**
 * Converting an inventory record (pure; seed S2, ZOHO-SPEC §6): Quote -> Sales Order or
 * Invoice, Sales Order -> Invoice, one target per conversion. The child carries the parent's
 * header fields that exist in the target module, its line items entry by entry
 * (Quoted_Items -> Ordered_Items -> Invoiced_Items), its tags, and a lookup back to it.
 */
import { INVENTORY_TARGETS, LINE_ITEM_FIELD, type ConvertFinding, type InventoryPlan, type RecordRef } from '../../../../shared/domain/convert';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { LOOKUP_TYPES } from '../../../../shared/domain/field-meta';
import { recordName } from '../../../../shared/domain/record-name';
import { isRefused, note, refusal } from './findings';
import type { RecordValues } from './lead-world';
import { approvalRefusal, APPROVAL_STATE_KEY } from './record-state';
import { parseTags } from './tags';
import type { UniqueIndex } from './unique-index';

/** The lookup on each child pointing back at its parent module. */
const BACK_LINKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Sales_Orders: { Quotes: 'Quote_Name' },
  Invoices: { Sales_Orders: 'Sales_Order' },
};

/** Fields Zoho sets itself on the child (numbers, audit, state), never copied. */
const NOT_CARRIED = new Set(['Owner', 'Tag', 'Locked__s', 'Created_By', 'Modified_By', 'Created_Time', 'Modified_Time', 'Layout']);

/** What an inventory plan reads besides the parent. */
export interface InventoryWorld {
  fieldsOf(module: string): readonly FieldMeta[];
  uniques: UniqueIndex;
  /** Children already converted from this parent into `target` (replica back-links, simulations). */
  convertedChildren(parentModule: string, parentId: string, target: string): RecordRef[];
}

/** Line-item entries of a parent, without the ids and parent links Zoho gives the copies anew. */
export function carryLineItems(cell: string | undefined): { items: Record<string, unknown>[]; readable: boolean } {
  const text = (cell ?? '').trim();
  if (text === '') return { items: [], readable: true };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return { items: [], readable: false };
    const items = parsed
      .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
      .map((entry) => Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'id' && k !== 'Parent_Id' && !k.startsWith('$'))));
    return { items, readable: true };
  } catch {
    return { items: [], readable: false };
  }
}

function carriedFields(parent: RecordValues, source: readonly FieldMeta[], target: readonly FieldMeta[], skip: ReadonlySet<string>): { field: string; value: string }[] {
  const inSource = new Set(source.map((f) => f.apiName));
  const out: { field: string; value: string }[] = [];
  for (const f of target) {
    if (NOT_CARRIED.has(f.apiName) || skip.has(f.apiName) || f.dataType === 'autonumber' || f.dataType === 'subform') continue;
    if (!inSource.has(f.apiName)) continue;
    const v = parent[f.apiName];
    if (v === undefined || v === '') continue;
    out.push({ field: f.apiName, value: v });
    const name = parent[`${f.apiName}.name`];
    if (LOOKUP_TYPES.has(f.dataType) && name) out.push({ field: `${f.apiName}.name`, value: name });
  }
  return out;
}

/** Plans converting `parent` (of `module`) into the `requested` targets. */
export function planInventory(module: string, parentId: string, parent: RecordValues, requested: readonly string[], world: InventoryWorld): InventoryPlan {
  const source: RecordRef = { module, id: parentId, name: recordName(module, (k) => parent[k]) || parentId };
  const findings: ConvertFinding[] = [];
  const allowed = INVENTORY_TARGETS[module] ?? [];
  const base = { source, requested: [...requested], findings, carryOverTags: true };
  if (allowed.length === 0) {
    findings.push(refusal('INVALID_DATA', module, `${module.replace(/_/g, ' ')} records do not convert; only Quotes (to Sales Orders or Invoices) and Sales Orders (to Invoices) do.`));
    return { ...base, target: null, status: 'refused', record: null, carried: [], backLink: null };
  }
  if (requested.length === 0) {
    findings.push(refusal('MANDATORY_NOT_FOUND', 'options', 'convert_to is empty: name the module to convert to.', 'convert_to'));
    return { ...base, target: null, status: 'refused', record: null, carried: [], backLink: null };
  }
  if (requested.length > 1) {
    findings.push(refusal('INVALID_DATA', 'options', `Multiple modules have been used for conversion (${requested.join(', ')}): Zoho converts to one module per action.`, 'convert_to'));
  }
  const target = requested[0] as string;
  if (!allowed.includes(target)) {
    findings.push(refusal('INVALID_DATA', 'options', `The requested module ${target} is invalid: ${module.replace(/_/g, ' ')} convert to ${allowed.join(' or ')}.`, 'convert_to'));
    return { ...base, target, status: 'refused', record: null, carried: [], backLink: null };
  }
  const approval = approvalRefusal(parent[APPROVAL_STATE_KEY], 'inventory');
  if (approval) findings.push(refusal(approval.code, module, approval.message, APPROVAL_STATE_KEY));
  for (const child of world.convertedChildren(module, parentId, target)) {
    findings.push(refusal('ID_ALREADY_CONVERTED', module, `${source.name} has already been converted to ${child.name} (${target.replace(/_/g, ' ')}).`, null, child));
  }

  const targetFields = world.fieldsOf(target);
  const backField = BACK_LINKS[target]?.[module] ?? null;
  const skip = new Set<string>(backField ? [backField] : []);
  const carried = carriedFields(parent, world.fieldsOf(module), targetFields, skip);
  const values: Record<string, string> = Object.fromEntries(carried.map((c) => [c.field, c.value]));
  if (parent.Owner) values.Owner = parent.Owner;
  if (backField) {
    values[backField] = parentId;
    values[`${backField}.name`] = source.name;
  }
  const tags = parseTags(parent.Tag);
  if (tags.length > 0) values.Tag = tags.join(';');
  const lineItemField = LINE_ITEM_FIELD[target] ?? 'Invoiced_Items';
  const lines = carryLineItems(parent[LINE_ITEM_FIELD[module] ?? '']);
  if (!lines.readable) {
    findings.push(note(module, `The ${LINE_ITEM_FIELD[module]} of ${source.name} in the replica is not a list of entries; Zoho copies the line items it holds.`));
  } else if (lines.items.length === 0) {
    findings.push(note(module, `The replica holds no line items for ${source.name} (a Bulk Read export carries none); Zoho copies the ones it holds.`));
  } else {
    values[lineItemField] = JSON.stringify(lines.items);
  }
  for (const c of world.uniques.clashes(target, values)) {
    findings.push(
      refusal('DUPLICATE_DATA', target, `${c.field} "${c.value}" is unique in ${target.replace(/_/g, ' ')} and ${c.holder.name} (${c.holder.id}) already has it.`, c.field, {
        module: c.holder.module,
        id: c.holder.id,
        name: c.holder.name,
      }),
    );
  }
  if (!backField) {
    findings.push(note(target, `${target.replace(/_/g, ' ')} have no lookup to ${module.replace(/_/g, ' ')}; Zoho keeps the link as the conversion's parent record.`));
  }
  return {
    ...base,
    requested: [...requested],
    target,
    status: isRefused(findings) ? 'refused' : 'ready',
    record: { module: target, name: recordName(target, (k) => values[k]) || source.name, values, lineItemField, lineItems: lines.items, tags },
    carried: carried.filter((c) => !c.field.endsWith('.name')),
    backLink: backField ? { field: backField, id: parentId } : null,
  };
}
