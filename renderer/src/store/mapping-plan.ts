/**
 * The mapping editor's model: one plan per source column, turned into a Bulk Write mapping and
 * back (pure).
 *
 * The contract's mapping is field-first (`{field, columns, transforms}`); users think
 * column-first ("what becomes of this column?"). A plan holds one column's answer: a field, or
 * two fields when a full name is split, an optional second column joined to it, and its
 * declared transforms in a fixed order (trim, split, case, then one value format), so the same
 * choices always give the same mapping.
 */
import type { BatchMapping, FieldMapping, Transform } from '../../../shared/domain/batch';
import { suggestedLookup } from '../../../shared/domain/default-transforms';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Res } from '../../../shared/ipc/contract';

/** Why a field was suggested for a column, as the core says. */
export type SuggestionReason = Res<'import.preview'>['suggestions'][number]['reason'];
/** One suggestion of `import.preview`. */
export type Suggestion = Res<'import.preview'>['suggestions'][number];

/** Transforms that say how a value is read (at most one per column). */
export type FormatTransform = Extract<
  Transform,
  { kind: 'date' | 'datetime' | 'phone' | 'number' | 'boolean' | 'picklist' | 'multiselect' | 'lookup' }
>;
export type FormatKind = FormatTransform['kind'];
export type CaseTo = Extract<Transform, { kind: 'case' }>['to'];

/** Where a column's field came from, shown as the "Match" of the row. */
export type MatchOrigin =
  | { kind: 'suggested'; reason: SuggestionReason; confidence: number }
  | { kind: 'user' }
  | { kind: 'template'; name: string }
  | { kind: 'batch' };

/** What becomes of one source column. */
export interface ColumnPlan {
  column: string;
  /** Target field (API name); ignored while `split` is set. */
  field: string | null;
  /** Full name split into two fields. */
  split: { first: string | null; last: string | null } | null;
  /** A second column joined after this one. */
  join: { column: string; separator: string } | null;
  trim: boolean;
  caseTo: CaseTo | null;
  format: FormatTransform | null;
  /** Bulk Write `default_value` for empty cells. */
  defaultValue: string | null;
  /** Transforms the editor does not model, kept as they were (after the modelled ones). */
  extra: Transform[];
  origin: MatchOrigin;
  /**
   * A field the core suggested but whose sample values do not fit it: offered with the reason,
   * never mapped until the user takes it.
   */
  offer: { field: string; confidence: number; caution: string } | null;
}

/** Below this a suggestion is offered rather than prefilled (the core's auto-map threshold). */
export const OFFER_BELOW = 0.75;

const FORMAT_KINDS: ReadonlySet<string> = new Set(['date', 'datetime', 'phone', 'number', 'boolean', 'picklist', 'multiselect', 'lookup']);

function isFormat(t: Transform): t is FormatTransform {
  return FORMAT_KINDS.has(t.kind);
}

/** A column mapped to nothing. */
export function emptyPlan(column: string): ColumnPlan {
  return {
    column,
    field: null,
    split: null,
    join: null,
    trim: false,
    caseTo: null,
    format: null,
    defaultValue: null,
    extra: [],
    origin: { kind: 'user' },
    offer: null,
  };
}

/** Plans from the core's suggestions (every suggestion is prefilled; its confidence is shown). */
export function plansFromSuggestions(
  header: readonly string[],
  suggestions: readonly Suggestion[],
  template: string | null,
  context: { fields: readonly FieldMeta[]; sampleRows: readonly string[][] } = { fields: [], sampleRows: [] },
): ColumnPlan[] {
  const byName = new Map(context.fields.map((f) => [f.apiName, f]));
  return header.map((column, index) => {
    const s = suggestions.find((x) => x.index === index) ?? suggestions.find((x) => x.column === column);
    const plan = emptyPlan(column);
    if (s === undefined || s.field === null) {
      return { ...plan, origin: { kind: 'suggested', reason: 'none', confidence: 0 } };
    }
    if (typeof s.caution === 'string' && s.confidence < OFFER_BELOW) {
      return { ...plan, origin: { kind: 'suggested', reason: 'none', confidence: 0 }, offer: { field: s.field, confidence: s.confidence, caution: s.caution } };
    }
    const origin: MatchOrigin =
      s.reason === 'template' && template !== null
        ? { kind: 'template', name: template }
        : { kind: 'suggested', reason: s.reason, confidence: s.confidence };
    // A lookup column of names starts as "find by name": the core says so too when it maps alone.
    const meta = byName.get(s.field);
    const lookup = meta ? suggestedLookup(meta, context.sampleRows.map((r) => r[index] ?? '')) : null;
    return { ...plan, field: s.field, origin, format: lookup };
  });
}

/** The fields a plan fills. */
export function plannedFields(plan: ColumnPlan): string[] {
  if (plan.split !== null) {
    return [plan.split.first, plan.split.last].filter((f): f is string => f !== null);
  }
  return plan.field === null ? [] : [plan.field];
}

/** Field -> the column that fills it. */
export function fieldOwners(plans: readonly ColumnPlan[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const p of plans) {
    for (const f of plannedFields(p)) {
      if (!owners.has(f)) owners.set(f, p.column);
    }
  }
  return owners;
}

/** The transforms of one plan in the editor's fixed order. */
export function planTransforms(plan: ColumnPlan, part: 'first' | 'last' | null): Transform[] {
  const out: Transform[] = [];
  if (plan.trim) out.push({ kind: 'trim' });
  if (part !== null) out.push({ kind: 'split-name', part });
  if (plan.caseTo !== null) out.push({ kind: 'case', to: plan.caseTo });
  if (plan.format !== null) out.push(plan.format);
  out.push(...plan.extra);
  return out;
}

/** The mapping the plans describe; a field claimed twice keeps its first column only. */
export function mappingFromPlans(module: string, plans: readonly ColumnPlan[], ignoreEmpty: boolean): BatchMapping {
  const fields: FieldMapping[] = [];
  const used = new Set<string>();
  const add = (plan: ColumnPlan, field: string | null, part: 'first' | 'last' | null): void => {
    if (field === null || used.has(field)) return;
    used.add(field);
    const columns = plan.join !== null && part === null ? [plan.column, plan.join.column] : [plan.column];
    fields.push({
      field,
      columns,
      joinWith: plan.join?.separator ?? ' ',
      transforms: planTransforms(plan, part),
      defaultValue: plan.defaultValue === '' ? null : plan.defaultValue,
    });
  };
  for (const plan of plans) {
    if (plan.split !== null) {
      add(plan, plan.split.first, 'first');
      add(plan, plan.split.last, 'last');
    } else {
      add(plan, plan.field, null);
    }
  }
  return { module, fields, ignoreEmpty };
}

/** Plans that reproduce an existing mapping (editing a batch's mapping). */
export function plansFromMapping(header: readonly string[], mapping: BatchMapping): ColumnPlan[] {
  const plans = header.map((c) => emptyPlan(c));
  const byColumn = new Map(plans.map((p) => [p.column, p]));
  for (const m of mapping.fields) {
    const primary = m.columns[0];
    const plan = primary === undefined ? undefined : byColumn.get(primary);
    if (plan === undefined) continue;
    const split = m.transforms.find((t) => t.kind === 'split-name');
    const rest = m.transforms.filter((t) => t.kind !== 'split-name');
    plan.origin = { kind: 'batch' };
    if (split !== undefined && split.kind === 'split-name') {
      const halves = plan.split ?? { first: null, last: null };
      plan.split = split.part === 'first' ? { ...halves, first: m.field } : { ...halves, last: m.field };
      plan.field = null;
    } else if (plan.field === null && plan.split === null) {
      plan.field = m.field;
      const second = m.columns[1];
      plan.join = second === undefined ? null : { column: second, separator: m.joinWith };
    } else {
      // A second plain mapping from the same column: this editor shows one per column, so the
      // extra one is dropped rather than silently merged (rare; only hand-written templates).
      continue;
    }
    // The first mapping of a column sets its transforms; a split's two halves share them.
    if (plan.format === null && !plan.trim && plan.caseTo === null && plan.extra.length === 0) {
      for (const t of rest) {
        if (t.kind === 'trim') plan.trim = true;
        else if (t.kind === 'case') plan.caseTo = t.to;
        else if (isFormat(t) && plan.format === null) plan.format = t;
        else plan.extra.push(t);
      }
    }
    plan.defaultValue ??= m.defaultValue;
  }
  return plans;
}

/** Plans from a saved template's mapping of this file, transforms and defaults included. */
export function plansFromTemplate(header: readonly string[], mapping: BatchMapping, name: string): ColumnPlan[] {
  return plansFromMapping(header, mapping).map((p) => (p.origin.kind === 'batch' ? { ...p, origin: { kind: 'template', name } } : p));
}

/** The percentage of a confidence in [0, 1]. */
export function percent(confidence: number): number {
  return Math.round(confidence * 100);
}

/** The "Match" text of a row: "API name · 100%", "alias · 80%", "used before", "template"… */
export function originText(origin: MatchOrigin, mapped: boolean): string {
  if (!mapped) {
    return origin.kind === 'user' ? 'not imported' : 'no match';
  }
  switch (origin.kind) {
    case 'user':
      return 'chosen by you';
    case 'template':
      return `template “${origin.name}”`;
    case 'batch':
      return 'current mapping';
    case 'suggested':
      switch (origin.reason) {
        case 'api-name':
          return `API name · ${percent(origin.confidence)}%`;
        case 'label':
          return `label · ${percent(origin.confidence)}%`;
        case 'history':
          return 'used before';
        case 'alias':
          return `alias · ${percent(origin.confidence)}%`;
        case 'similar':
          return `similar · ${percent(origin.confidence)}%`;
        case 'values':
          return `name and values · ${percent(origin.confidence)}%`;
        case 'template':
          return 'template';
        case 'none':
          return 'no match';
      }
  }
  return '';
}

/** True when a suggestion is a guess the user should check (similar names). */
export function isWeakMatch(origin: MatchOrigin): boolean {
  return origin.kind === 'suggested' && origin.reason === 'similar';
}

/** A short summary of a plan's transforms, for the collapsed row. */
export function transformSummary(plan: ColumnPlan): string {
  const parts: string[] = [];
  if (plan.trim) parts.push('trim');
  if (plan.split !== null) parts.push('split name');
  if (plan.join !== null) parts.push(`+ ${plan.join.column}`);
  if (plan.caseTo !== null) parts.push(plan.caseTo === 'title' ? 'Title Case' : plan.caseTo === 'upper' ? 'UPPER' : 'lower');
  if (plan.format !== null) parts.push(formatSummary(plan.format));
  if (plan.extra.length > 0) parts.push(`${plan.extra.length} more`);
  if (plan.defaultValue !== null && plan.defaultValue !== '') parts.push(`default “${plan.defaultValue}”`);
  return parts.join(' · ');
}

const ORDER_TEXT = { dmy: 'd/m/y', mdy: 'm/d/y', ymd: 'y/m/d', excel: 'Excel serial' } as const;

function formatSummary(f: FormatTransform): string {
  switch (f.kind) {
    case 'date':
      return `date ${ORDER_TEXT[f.order]}`;
    case 'datetime':
      return `date-time ${ORDER_TEXT[f.order]} ${f.timeZone}`;
    case 'phone':
      return f.e164 ? `phone E.164${f.defaultCountry !== null ? ` (${f.defaultCountry})` : ''}` : 'phone digits';
    case 'number':
      return `number “${f.decimal}” decimals`;
    case 'boolean':
      return 'yes/no';
    case 'picklist':
      return `picklist (${Object.keys(f.table).length} mapped)`;
    case 'multiselect':
      return `multi-select “${f.separator}”`;
    case 'lookup':
      return `lookup by ${f.by}`;
  }
}
