/**
 * Reading a Zoho Fields API response into `FieldMeta` (pure).
 *
 * The same parser reads the standard metadata we ship in `resources/zoho/` and the response an
 * org saved from `GET /crm/v2/settings/fields?module=<api_name>` (ZOHO-SPEC §3). Zoho's key
 * spellings differ between API versions and SDKs, so every alternative is resolved here once
 * and the rest of the code only sees `FieldMeta`.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { AppError } from '../../../../shared/ipc/errors';

type JsonObject = Record<string, unknown>;

/** Types whose value Zoho computes; they can never be written, whatever the flags say. */
const COMPUTED_TYPES: ReadonlySet<string> = new Set(['autonumber', 'formula', 'rollup_summary']);

const PICKLIST_TYPES: ReadonlySet<string> = new Set(['picklist', 'multiselectpicklist']);

/** Zoho's placeholder for "no value"; sending it stores an empty picklist. */
const PICKLIST_NONE = '-None-';

/**
 * Validates a saved Fields API response and normalises its fields.
 *
 * Throws `METADATA_INVALID` when the top level is not `{"fields": [...]}`, when a field lacks a
 * string `api_name` or `data_type`, or when an api_name appears twice. Keys we do not use are
 * ignored, so a full v2-v8 response parses as well as our trimmed standard files.
 */
export function parseFieldsResponse(json: unknown, module: string): FieldMeta[] {
  if (!isObject(json) || !Array.isArray(json.fields)) {
    throw new AppError(
      'METADATA_INVALID',
      `${module} metadata is not a Fields API response: expected an object with a "fields" array, ` +
        `as returned by GET /crm/v2/settings/fields?module=${module}.`,
    );
  }
  const seen = new Set<string>();
  return json.fields.map((raw: unknown, index: number): FieldMeta => {
    const field = parseField(raw, index, module);
    if (seen.has(field.apiName)) {
      throw new AppError('METADATA_INVALID', `${module} metadata lists the field "${field.apiName}" twice (again at fields[${index}]).`);
    }
    seen.add(field.apiName);
    return field;
  });
}

/** API names of the fields Zoho requires on every insert (`system_mandatory`). */
export function mandatoryFields(fields: readonly FieldMeta[]): string[] {
  return fields.filter((f) => f.systemMandatory).map((f) => f.apiName);
}

/** API names of the fields marked unique, in metadata order (Zoho's matching order). */
export function uniqueFields(fields: readonly FieldMeta[]): string[] {
  return fields.filter((f) => f.unique !== null).map((f) => f.apiName);
}

function parseField(raw: unknown, index: number, module: string): FieldMeta {
  if (!isObject(raw)) {
    throw new AppError('METADATA_INVALID', `${module} metadata: fields[${index}] is not an object.`);
  }
  const apiName = nonEmptyString(raw.api_name);
  if (apiName === null) {
    throw new AppError('METADATA_INVALID', `${module} metadata: fields[${index}] has no "api_name" string.`);
  }
  const dataType = nonEmptyString(raw.data_type);
  if (dataType === null) {
    throw new AppError('METADATA_INVALID', `${module} metadata: fields[${index}] (${apiName}) has no "data_type" string.`);
  }
  return {
    apiName,
    label: nonEmptyString(raw.field_label) ?? nonEmptyString(raw.display_label) ?? apiName,
    dataType,
    length: toNumber(raw.length),
    decimalPlaces: toNumber(raw.decimal_place),
    systemMandatory: isTrue(raw.system_mandatory),
    // Layouts spell it `required` (v7/v8) or `mandatory` (v2 SDK models); accept both.
    layoutMandatory: isTrue(raw.required) || isTrue(raw.mandatory),
    readOnly: isReadOnly(raw, dataType),
    custom: isTrue(raw.custom_field),
    unique: parseUnique(raw.unique),
    picklist: parsePicklist(raw.pick_list_values, dataType),
    lookupModule: parseLookupModule(raw.lookup),
    convertMapping: parseConvertMapping(raw.convert_mapping),
    textareaType: isObject(raw.textarea) ? nonEmptyString(raw.textarea.type) : null,
    ...picklistMapsOf(raw.pick_list_values),
  };
}

/**
 * `maps` of each picklist value: `[{"api_name":"Stage","pick_list_values":[{"actual_value":…}]}]`
 * lists the values the named field may take alongside this one (a Pipeline's Stages).
 */
function picklistMapsOf(value: unknown): Pick<FieldMeta, 'picklistMaps'> {
  if (!Array.isArray(value)) return {};
  const out: Record<string, Record<string, string[]>> = {};
  for (const entry of value as unknown[]) {
    if (!isObject(entry) || !Array.isArray(entry.maps) || entry.type === 'unused') continue;
    const own = nonEmptyString(entry.actual_value) ?? nonEmptyString(entry.display_value);
    if (own === null) continue;
    for (const m of entry.maps as unknown[]) {
      if (!isObject(m) || !Array.isArray(m.pick_list_values)) continue;
      const field = nonEmptyString(m.api_name) ?? (isObject(m.field) ? nonEmptyString(m.field.api_name) : null);
      if (field === null) continue;
      const values = (m.pick_list_values as unknown[])
        .map((v) => (isObject(v) ? (nonEmptyString(v.actual_value) ?? nonEmptyString(v.display_value)) : nonEmptyString(v)))
        .filter((v): v is string => v !== null);
      (out[own] ??= {})[field] = values;
    }
  }
  return Object.keys(out).length > 0 ? { picklistMaps: out } : {};
}

/**
 * Whether the API can ever write the field.
 *
 * Real v7 responses are not consistent about the two flags: `Owner` comes with
 * `field_read_only: true` although the API assigns owners, while `Created_Time` and `Full_Name`
 * come with both flags false although nothing can write them. Their `operation_type` is right in
 * both cases, so it decides when present; the flags decide otherwise (our standard files).
 */
function isReadOnly(raw: JsonObject, dataType: string): boolean {
  if (COMPUTED_TYPES.has(dataType) || isTrue(raw.read_only)) {
    return true;
  }
  const ops = raw.operation_type;
  if (isObject(ops) && ('api_create' in ops || 'api_update' in ops)) {
    return !isTrue(ops.api_create) && !isTrue(ops.api_update);
  }
  return isTrue(raw.field_read_only);
}

/**
 * `{}` means not unique; any key means unique.
 *
 * The docs spell the flag `case_sensitive`, the SDKs `casesensitive`, and either may arrive as a
 * string. Zoho's own default is case-insensitive matching.
 */
function parseUnique(value: unknown): FieldMeta['unique'] {
  if (!isObject(value) || Object.keys(value).length === 0) {
    return null;
  }
  const flag = 'case_sensitive' in value ? value.case_sensitive : value.casesensitive;
  return { caseSensitive: isTrue(flag) };
}

/**
 * Values a user can pick, in Zoho's display order.
 *
 * `unused` entries are values removed from the picklist (still returned by the API so old records
 * keep their value), and `-None-` is the empty placeholder; neither is a value to suggest.
 */
function parsePicklist(value: unknown, dataType: string): string[] | null {
  const entries = Array.isArray(value) ? value : [];
  // Zoho sends `pick_list_values: []` on every field, so an empty list means "not a picklist".
  if (!PICKLIST_TYPES.has(dataType) && entries.length === 0) {
    return null;
  }
  const ranked: { value: string; rank: number; index: number }[] = [];
  entries.forEach((entry: unknown, index: number) => {
    if (!isObject(entry) || entry.type === 'unused') {
      return;
    }
    const text = nonEmptyString(entry.actual_value) ?? nonEmptyString(entry.display_value);
    if (text === null || text === PICKLIST_NONE) {
      return;
    }
    ranked.push({ value: text, rank: toNumber(entry.sequence_number) ?? Number.MAX_SAFE_INTEGER, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return [...new Set(ranked.map((r) => r.value))];
}

/** `lookup.module` is an object with `api_name` in v2.1+ and a plain string in older responses. */
function parseLookupModule(value: unknown): string | null {
  if (!isObject(value)) {
    return null;
  }
  const target = value.module;
  return nonEmptyString(target) ?? (isObject(target) ? nonEmptyString(target.api_name) : null);
}

function parseConvertMapping(value: unknown): FieldMeta['convertMapping'] {
  if (!isObject(value)) {
    return null;
  }
  return {
    Contacts: mappingTarget(value.Contacts),
    Accounts: mappingTarget(value.Accounts),
    Deals: mappingTarget(value.Deals),
  };
}

/** A target is an api name, or an object carrying one (seen in layout-level mappings). */
function mappingTarget(value: unknown): string | null {
  return nonEmptyString(value) ?? (isObject(value) ? nonEmptyString(value.api_name) : null);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Booleans sometimes arrive as strings in hand-edited or SDK-serialised responses. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return null;
}
