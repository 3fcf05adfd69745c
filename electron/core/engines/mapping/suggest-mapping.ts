/**
 * Suggesting a Zoho field for every column of a file, with a confidence the user can see (pure).
 *
 * Evidence, strongest first: the column is the field's API name; it is the field's label;
 * the user mapped this header to this field before; it is a common alias; it merely looks
 * like the field's name. Each field takes at most one column, and read-only fields none.
 *
 * With sample rows, the values weigh in: a header match whose values mostly cannot fit the
 * field's type drops below the auto-map threshold and says why (`caution`), and a weak header
 * match whose values all fit a distinctive type (every value an email) is lifted above it.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { HEADER_ALIASES } from './header-aliases';
import { compactHeader, diceSimilarity, normalizeHeader } from './normalize-header';
import { cautionText, DISTINCTIVE_KINDS, isDoubtful, isStrongFit, measureFit } from './value-fit';

export type SuggestionReason = 'api-name' | 'label' | 'history' | 'alias' | 'similar' | 'values' | 'none';

export interface ColumnSuggestion {
  column: string;
  index: number;
  field: string | null;
  /** In [0, 1]; 0 when nothing was suggested. */
  confidence: number;
  reason: SuggestionReason;
  /** Why the column's values make the suggestion doubtful; null when they fit or were not seen. */
  caution: string | null;
}

/** What the user mapped before: normalised header -> field -> times used. */
export type MappingHistory = ReadonlyMap<string, ReadonlyMap<string, number>>;

interface Candidate {
  index: number;
  field: string;
  confidence: number;
  reason: SuggestionReason;
  caution?: string;
}

const SIMILAR_THRESHOLD = 0.72;

/** Confidence of a header match whose values do not fit: offered, below the auto-map threshold (0.75). */
const DOUBTFUL_CONFIDENCE = 0.45;
/** A weak header match (from here to the auto-map threshold) is lifted by values, never above an exact label. */
const LIFTABLE_FROM = 0.5;
const LIFTABLE_BELOW = 0.75;
const LIFT = 0.25;
const LIFTED_MAX = 0.88;
/** Sample values per column that are judged. */
const SAMPLE_VALUES = 50;

/** One suggestion per column, in column order; `sampleRows` are the preview's data rows. */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly FieldMeta[],
  history: MappingHistory = new Map(),
  sampleRows: readonly (readonly string[])[] = [],
): ColumnSuggestion[] {
  const writable = fields.filter((f) => !f.readOnly);
  const byCompactApi = new Map(writable.map((f) => [compactHeader(f.apiName), f]));
  const byCompactLabel = new Map<string, FieldMeta>();
  for (const f of writable) {
    const key = compactHeader(f.label);
    if (!byCompactLabel.has(key)) byCompactLabel.set(key, f);
  }
  const aliasIndex = new Map<string, string[]>();
  for (const f of writable) {
    for (const alias of HEADER_ALIASES[f.apiName] ?? []) {
      const key = compactHeader(alias);
      aliasIndex.set(key, [...(aliasIndex.get(key) ?? []), f.apiName]);
    }
  }
  const writableNames = new Set(writable.map((f) => f.apiName));

  const candidates: Candidate[] = [];
  headers.forEach((header, index) => {
    const compact = compactHeader(header);
    if (compact === '') {
      return;
    }
    const api = byCompactApi.get(compact);
    if (api) candidates.push({ index, field: api.apiName, confidence: 1, reason: 'api-name' });
    const label = byCompactLabel.get(compact);
    if (label) candidates.push({ index, field: label.apiName, confidence: 0.95, reason: 'label' });
    const seen = history.get(normalizeHeader(header));
    if (seen) {
      for (const [field, uses] of seen) {
        if (writableNames.has(field)) {
          // More uses, more confidence, but never above an exact API name or label.
          candidates.push({ index, field, confidence: Math.min(0.94, 0.85 + 0.02 * uses), reason: 'history' });
        }
      }
    }
    for (const field of aliasIndex.get(compact) ?? []) {
      candidates.push({ index, field, confidence: 0.8, reason: 'alias' });
    }
    // "Zip/Postcode", "Phone or Mobile": each part may be a name or an alias on its own.
    const parts = header.split(/\/|\||\bor\b/i).map(compactHeader).filter((p) => p !== '' && p !== compact);
    for (const part of parts) {
      const hit = byCompactApi.get(part) ?? byCompactLabel.get(part);
      if (hit) candidates.push({ index, field: hit.apiName, confidence: 0.78, reason: 'alias' });
      for (const field of aliasIndex.get(part) ?? []) {
        candidates.push({ index, field, confidence: 0.76, reason: 'alias' });
      }
    }
    for (const f of writable) {
      const sim = Math.max(diceSimilarity(header, f.apiName), diceSimilarity(header, f.label));
      if (sim >= SIMILAR_THRESHOLD && sim < 1) {
        candidates.push({ index, field: f.apiName, confidence: Math.round(sim * 0.7 * 100) / 100, reason: 'similar' });
      }
    }
  });

  if (sampleRows.length > 0) weighValues(candidates, headers.length, writable, sampleRows);

  // Greedy assignment, best evidence first; ties keep column order so results are stable.
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const takenFields = new Set<string>();
  const chosen = new Map<number, Candidate>();
  for (const c of candidates) {
    if (chosen.has(c.index) || takenFields.has(c.field)) continue;
    chosen.set(c.index, c);
    takenFields.add(c.field);
  }
  return headers.map((column, index) => {
    const c = chosen.get(index);
    return c
      ? { column, index, field: c.field, confidence: c.confidence, reason: c.reason, caution: c.caution ?? null }
      : { column, index, field: null, confidence: 0, reason: 'none' as const, caution: null };
  });
}

/** Lowers the candidates whose column's values do not fit, lifts weak ones whose values do. */
function weighValues(candidates: Candidate[], width: number, fields: readonly FieldMeta[], rows: readonly (readonly string[])[]): void {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const columns: string[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    for (let i = 0; i < width; i += 1) {
      const v = row[i] ?? '';
      const col = columns[i] as string[];
      if (v.trim() !== '' && col.length < SAMPLE_VALUES) col.push(v);
    }
  }
  for (const c of candidates) {
    const meta = byName.get(c.field);
    const fit = meta ? measureFit(meta, columns[c.index] ?? []) : null;
    if (fit === null) continue;
    if (isDoubtful(fit)) {
      c.confidence = Math.min(c.confidence, DOUBTFUL_CONFIDENCE);
      c.caution = cautionText(fit);
    } else if (isStrongFit(fit) && DISTINCTIVE_KINDS.has(fit.kind) && (c.reason === 'similar' || c.reason === 'alias') && c.confidence >= LIFTABLE_FROM && c.confidence < LIFTABLE_BELOW) {
      c.confidence = Math.min(LIFTED_MAX, Math.round((c.confidence + LIFT) * 100) / 100);
      c.reason = 'values';
    }
  }
}
