/**
 * Choices and labels of the import screen (pure).
 */
import type { ColumnPlan, FormatKind, FormatTransform } from '../../store/mapping-plan';
import type { DelimiterChoice, EncodingChoice, FieldMeta } from '../../store/types';

export const ENCODINGS: { value: EncodingChoice; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252' },
];

export const DELIMITERS: { value: DelimiterChoice; label: string; name: string }[] = [
  { value: ',', label: 'Comma  ,', name: 'comma' },
  { value: ';', label: 'Semicolon  ;', name: 'semicolon' },
  { value: '\t', label: 'Tab', name: 'tab' },
  { value: '|', label: 'Pipe  |', name: 'pipe' },
];

/** A delimiter as the core reports it, in words ("comma"). */
export function delimiterName(d: string): string {
  return DELIMITERS.find((x) => x.value === d)?.name ?? `“${d}”`;
}

export function encodingName(e: string): string {
  return ENCODINGS.find((x) => x.value === e.toLowerCase())?.label ?? e;
}

export const FORMAT_LABELS: Record<FormatKind, string> = {
  date: 'Date',
  datetime: 'Date and time',
  phone: 'Phone number',
  number: 'Number',
  boolean: 'Yes / no',
  picklist: 'Picklist values',
  multiselect: 'Multi-select list',
  lookup: 'Lookup (find the record)',
};

export const DATE_ORDERS = [
  { value: 'dmy', label: 'Day/month/year (24/08/2020)' },
  { value: 'mdy', label: 'Month/day/year (08/24/2020)' },
  { value: 'ymd', label: 'Year/month/day (2020/08/24)' },
  { value: 'excel', label: 'Excel serial number (44067)' },
] as const;

/** The value format that fits a Zoho data type, offered (never applied) as a hint. */
export function formatForType(dataType: string): FormatKind | null {
  switch (dataType) {
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'phone':
      return 'phone';
    case 'integer':
    case 'bigint':
    case 'double':
    case 'decimal':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'picklist':
      return 'picklist';
    case 'multiselectpicklist':
      return 'multiselect';
    case 'lookup':
      return 'lookup';
    default:
      return null;
  }
}

/** The user's own time zone, the natural default for date-times written without one. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A format transform with its usual settings. */
export function defaultFormat(kind: FormatKind, field: FieldMeta | undefined, rememberedPicklist: Record<string, string> = {}): FormatTransform {
  switch (kind) {
    case 'date':
      return { kind: 'date', order: 'dmy' };
    case 'datetime':
      return { kind: 'datetime', order: 'dmy', timeZone: localTimeZone() };
    case 'phone':
      return { kind: 'phone', e164: false, defaultCountry: null };
    case 'number':
      return { kind: 'number', decimal: '.' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'picklist':
      // Values the user translated for this field before come back pre-filled.
      return { kind: 'picklist', table: { ...rememberedPicklist } };
    case 'multiselect':
      return { kind: 'multiselect', separator: ',' };
    case 'lookup':
      return { kind: 'lookup', by: field?.lookupModule === 'Contacts' || field?.lookupModule === 'Leads' ? 'email' : 'name' };
  }
}

/** Distinct non-empty values of a column in the sample rows, in order of appearance. */
export function distinctValues(rows: readonly string[][], index: number, max: number): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = (r[index] ?? '').trim();
    if (v !== '' && !seen.has(v)) {
      seen.add(v);
      if (seen.size >= max) break;
    }
  }
  return [...seen];
}

/** True when a column's sample already holds Zoho dates (yyyy-MM-dd), so no order is needed. */
export function looksIsoDate(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(v));
}

/** Why a date column needs attention, or null. */
export function dateHint(plan: ColumnPlan, field: FieldMeta | undefined, samples: readonly string[], ambiguous: boolean): string | null {
  if (field === undefined || (field.dataType !== 'date' && field.dataType !== 'datetime')) return null;
  if (plan.format?.kind === 'date' || plan.format?.kind === 'datetime') return null;
  if (ambiguous) return 'Day and month could be either way round in this column: declare the date order.';
  if (samples.length > 0 && !looksIsoDate(samples)) return 'Not written as yyyy-MM-dd: declare the date order.';
  return null;
}
