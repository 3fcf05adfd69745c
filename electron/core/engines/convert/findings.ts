/**
 * Building Zoho findings (pure): one place for the shape, so every rule reads the same.
 */
import type { ConvertCode, ConvertFinding, RecordRef } from '../../../../shared/domain/convert';

/** A refusal: Zoho answers with `code` and converts nothing. */
export function refusal(code: ConvertCode, about: string, message: string, field: string | null = null, record: RecordRef | null = null): ConvertFinding {
  return { code, severity: 'error', message, about, field, record };
}

/** A note: Zoho converts, but not quite as the user may expect. */
export function note(about: string, message: string, field: string | null = null, record: RecordRef | null = null): ConvertFinding {
  return { code: null, severity: 'note', message, about, field, record };
}

/** True when any finding refuses the conversion. */
export function isRefused(findings: readonly ConvertFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
