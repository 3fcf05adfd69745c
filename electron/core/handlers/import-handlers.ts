/**
 * Channels that bring a CSV into a new batch: preview (detection, suggestions, templates) and
 * start (import, map, validate).
 */
import type { BatchMapping, Transform } from '../../../shared/domain/batch';
import { suggestedLookup } from '../../../shared/domain/default-transforms';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Handlers, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { previewCsv } from '../engines/import/preview-csv';
import { headerFingerprint } from '../engines/mapping/header-fingerprint';
import { suggestMapping, type ColumnSuggestion } from '../engines/mapping/suggest-mapping';
import { parseTemplate, templateToMapping } from '../engines/mapping/template-format';
import { detectDateOrder } from '../engines/transform';
import { checkMapping } from '../batch/check-mapping';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';
import { refuseUsersImport } from './users-handlers';

type ImportHandlers = Pick<Handlers, 'import.preview' | 'import.start'>;

/** Suggestions at or above this confidence are applied without asking (CLI, quick import). */
export const AUTO_MAP_CONFIDENCE = 0.75;

/** A mapping from the confident suggestions. */
export function mappingFromSuggestions(
  module: string,
  suggestions: readonly ColumnSuggestion[],
  picklistMemory: Readonly<Record<string, Record<string, string>>> = {},
  context: { fields: readonly FieldMeta[]; sampleRows: readonly string[][] } = { fields: [], sampleRows: [] },
): BatchMapping {
  const byName = new Map(context.fields.map((f) => [f.apiName, f]));
  return {
    module,
    ignoreEmpty: false,
    fields: suggestions
      .filter((s) => s.field !== null && s.confidence >= AUTO_MAP_CONFIDENCE)
      .map((s) => {
        const field = s.field as string;
        // A picklist whose values the user translated before gets the same table again.
        const table = picklistMemory[field];
        const meta = byName.get(field);
        const lookup = meta ? suggestedLookup(meta, context.sampleRows.map((r) => r[s.index] ?? '')) : null;
        const transforms: Transform[] = table ? [{ kind: 'picklist', table }] : lookup ? [lookup] : [];
        return { field, columns: [s.column], joinWith: ' ', transforms, defaultValue: null };
      }),
  };
}

function looksLikeDate(values: string[]): boolean {
  return values.length > 0 && values.every((v) => /^\s*\d{1,4}[/.\- ]\d{1,2}[/.\- ]\d{1,4}\b/.test(v));
}

/** Builds the import handlers. */
export function importHandlers(ctx: HandlerContext): ImportHandlers {
  return {
    'import.preview': async ({ source, module, encoding, delimiter }) => {
      refuseUsersImport(module);
      const s = ctx.session();
      const { fields } = s.metadata.get(module);
      const file = resolveSource(source, ctx.uploads);
      const p = await previewCsv(file.path, { encoding, delimiter });
      const history = s.batches.templates.history(module);
      let suggestions = suggestMapping(p.header, fields, history, p.rows).map((x) => ({ ...x, reason: x.reason as Res<'import.preview'>['suggestions'][number]['reason'] }));
      const matching = s.batches.templates.byFingerprint(headerFingerprint(p.header)).filter((t) => t.module === module);
      const best = matching[0];
      if (best) {
        // The user's own template for these very headers beats any guess.
        const { mapping } = templateToMapping(parseTemplate(JSON.parse(best.templateJson)), p.header);
        const byColumn = new Map(mapping.fields.map((f) => [f.columns[0], f.field]));
        suggestions = suggestions.map((x) => {
          const field = byColumn.get(x.column);
          return field
            ? { ...x, field, confidence: 1, reason: 'template' as const, caution: null }
            : { ...x, field: null, confidence: 0, reason: 'none' as const, caution: null };
        });
      }
      const ambiguous = p.header.filter((_, i) => {
        const values = p.rows.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
        return looksLikeDate(values) && detectDateOrder(values).ambiguous;
      });
      return {
        encoding: p.encoding,
        delimiter: p.delimiter,
        detected: p.detected,
        header: p.header,
        rows: p.rows,
        raggedRows: p.raggedRows,
        suggestions,
        templates: matching.map((t) => ({
          name: t.name,
          module: t.module,
          mapping: { ...templateToMapping(parseTemplate(JSON.parse(t.templateJson)), p.header).mapping, module },
        })),
        ambiguousDateColumns: ambiguous,
        picklistMemory: s.batches.picklistMemory(module),
      };
    },

    'import.start': async ({ source, module, encoding, delimiter, mapping, template, jobId }) => {
      refuseUsersImport(module);
      const s = ctx.session();
      const { fields } = s.metadata.get(module);
      const file = resolveSource(source, ctx.uploads);
      const id = jobId ?? `import_${process.pid}_${Date.now()}`;
      let sampleRows: string[][] = [];
      try {
        const choose = (header: readonly string[]): BatchMapping => {
          if (mapping) return { ...mapping, module };
          if (template) {
            const row = s.batches.templates.get(template);
            if (!row) {
              throw new AppError('TEMPLATE_NOT_FOUND', `There is no template named “${template}”.`);
            }
            return { ...templateToMapping(parseTemplate(JSON.parse(row.templateJson)), header).mapping, module };
          }
          const sameHeaders = s.batches.templates.byFingerprint(headerFingerprint(header)).filter((t) => t.module === module);
          if (sameHeaders.length === 1 && sameHeaders[0]) {
            // The one template saved for these very headers is what the user did last time.
            return { ...templateToMapping(parseTemplate(JSON.parse(sameHeaders[0].templateJson)), header).mapping, module };
          }
          return mappingFromSuggestions(module, suggestMapping(header, fields, s.batches.templates.history(module), sampleRows), s.batches.picklistMemory(module), { fields, sampleRows });
        };
        // The header is read first so the mapping is known, and refused if wrong, before a
        // single row is stored; the worker then validates each row as it stores it.
        const { header, rows } = await previewCsv(file.path, { encoding, delimiter });
        sampleRows = rows;
        const planned = choose(header);
        checkMapping(planned, header, fields);
        const imported = await ctx.importBatch(id, { file, module, encoding, delimiter, validate: { header, mappingJson: JSON.stringify(planned), fields } });
        if (!imported.validated) {
          // The file changed between the two reads: map what was actually imported.
          s.batches.initialMapping(imported.batchId, choose(imported.header));
          await ctx.validateBatch(id, imported.batchId, fields);
        }
        if (mapping) {
          s.batches.remember(module, planned);
        }
        return s.batches.summary(imported.batchId);
      } finally {
        if (file.uploadId) ctx.uploads.remove(file.uploadId);
      }
    },
  };
}
