/**
 * Suggesting a Zoho field for every column of a file, with a confidence the user can see (pure).
 *
 * Evidence, strongest first: the column is the field's API name; it is the field's label;
 * the user mapped this header to this field before; it is a common alias; it merely looks
 * like the field's name. Each field takes at most one column, and read-only fields none.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { HEADER_ALIASES } from './header-aliases';
import { compactHeader, diceSimilarity, normalizeHeader } from './normalize-header';

export type SuggestionReason = 'api-name' | 'label' | 'history' | 'alias' | 'similar' | 'none';

export interface ColumnSuggestion {
  column: string;
  index: number;
  field: string | null;
  /** In [0, 1]; 0 when nothing was suggested. */
  confidence: number;
  reason: SuggestionReason;
}

/** What the user mapped before: normalised header -> field -> times used. */
export type MappingHistory = ReadonlyMap<string, ReadonlyMap<string, number>>;

interface Candidate {
  index: number;
  field: string;
  confidence: number;
  reason: SuggestionReason;
}

const SIMILAR_THRESHOLD = 0.72;

/** One suggestion per column, in column order. */
export function suggestMapping(headers: readonly string[], fields: readonly FieldMeta[], history: MappingHistory = new Map()): ColumnSuggestion[] {
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
      ? { column, index, field: c.field, confidence: c.confidence, reason: c.reason }
      : { column, index, field: null, confidence: 0, reason: 'none' as const };
  });
}
