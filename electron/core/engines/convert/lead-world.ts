/**
 * What a lead plan reads besides the lead (pure interface; the IO part backs it with the
 * replica, tests with plain maps).
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { MappingEntry, TargetModule } from './lead-mapping';
import type { UniqueIndex } from './unique-index';

/** A record's values by API name (lookups by id, with `<field>.name` beside them). */
export type RecordValues = Readonly<Record<string, string>>;

/** The replica and metadata a lead plan is checked against. */
export interface LeadWorld {
  fields: { Leads: readonly FieldMeta[]; Contacts: readonly FieldMeta[]; Accounts: readonly FieldMeta[]; Deals: readonly FieldMeta[] };
  mapping: Record<TargetModule, MappingEntry[]>;
  /** An existing Contact or Account, or null when the replica has no such record. */
  record(module: 'Contacts' | 'Accounts', id: string): RecordValues | null;
  uniques: UniqueIndex;
  /**
   * A user by id (for `assign_to`), or undefined when no users are loaded, in which case any
   * id that looks like a Zoho id is taken as it is.
   */
  user(id: string): { name: string; active: boolean } | null | undefined;
  /** The conversion time (ISO 8601), for `Converted_Date_Time`. */
  now: string;
}

/** Placeholder a plan's values use for a record Zoho will create (replaced when simulated). */
export function newRef(module: TargetModule): string {
  return `@new:${module}`;
}

/** True when a value is a placeholder for a record Zoho will create. */
export function isNewRef(value: string | undefined): boolean {
  return value !== undefined && value.startsWith('@new:');
}
