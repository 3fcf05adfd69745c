/**
 * Mapping templates in the CLI's JSON format, to and from a batch mapping (pure).
 *
 * `{ "module": "Leads", "columns": { "E-mail address": "Email" } }` is the minimal form; a
 * column may instead hold `{ "field", "transforms", "default", "join", "joinWith" }`, or a list
 * of those when one column fills several fields (a full name split into first and last).
 */
import type { z } from 'zod';
import type { BatchMapping, FieldMapping } from '../../../../shared/domain/batch';
import { AppError } from '../../../../shared/ipc/errors';
import { TemplateSchema } from '../../../../shared/ipc/batch-schemas';

export type TemplateJson = z.infer<typeof TemplateSchema>;

/** Validates a template; refuses anything else with TEMPLATE_INVALID. */
export function parseTemplate(json: unknown): TemplateJson {
  const r = TemplateSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new AppError('TEMPLATE_INVALID', `Not a mapping template${where}: ${issue?.message ?? 'invalid'}. Expected {"module": "...", "columns": {"header": "Field_API_Name"}}.`);
  }
  return r.data;
}

/**
 * The mapping a template gives a file with these headers. Headers the template names but the
 * file lacks are returned so the user can be told; the file's other headers stay unmapped.
 */
export function templateToMapping(template: TemplateJson, headers: readonly string[]): { mapping: BatchMapping; missingColumns: string[] } {
  const present = new Set(headers);
  const missing: string[] = [];
  const fields: FieldMapping[] = [];
  for (const [header, value] of Object.entries(template.columns)) {
    if (!present.has(header)) {
      missing.push(header);
      continue;
    }
    const specs = typeof value === 'string' ? [{ field: value }] : Array.isArray(value) ? value : [value];
    for (const spec of specs) {
      const join = (spec.join ?? []).filter((h) => present.has(h));
      fields.push({
        field: spec.field,
        columns: [header, ...join],
        joinWith: spec.joinWith ?? ' ',
        transforms: spec.transforms ?? [],
        defaultValue: spec.default ?? null,
      });
    }
  }
  return { mapping: { module: template.module, fields, ignoreEmpty: template.ignoreEmpty ?? false }, missingColumns: missing };
}

/** A template that reproduces `mapping` (transforms and defaults included). */
export function mappingToTemplate(mapping: BatchMapping, name?: string): TemplateJson {
  const columns: TemplateJson['columns'] = {};
  for (const f of mapping.fields) {
    const [first, ...rest] = f.columns;
    if (first === undefined) continue;
    const plain = rest.length === 0 && f.transforms.length === 0 && f.defaultValue === null;
    const spec = plain
      ? f.field
      : {
          field: f.field,
          ...(f.transforms.length > 0 ? { transforms: f.transforms } : {}),
          ...(f.defaultValue !== null ? { default: f.defaultValue } : {}),
          ...(rest.length > 0 ? { join: rest, joinWith: f.joinWith } : {}),
        };
    const existing = columns[first];
    if (existing === undefined) {
      columns[first] = spec;
    } else {
      const list = (Array.isArray(existing) ? existing : [typeof existing === 'string' ? { field: existing } : existing]).concat(
        typeof spec === 'string' ? [{ field: spec }] : [spec],
      );
      columns[first] = list;
    }
  }
  return { ...(name ? { name } : {}), module: mapping.module, columns, ...(mapping.ignoreEmpty ? { ignoreEmpty: true } : {}) };
}
