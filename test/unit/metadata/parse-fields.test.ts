import { describe, expect, it } from 'vitest';
import { mandatoryFields, parseFieldsResponse, uniqueFields } from '../../../electron/core/engines/metadata/parse-fields';
import { AppError } from '../../../shared/ipc/errors';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return null;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return '';
}

function one(field: Record<string, unknown>) {
  const [parsed] = parseFieldsResponse({ fields: [{ api_name: 'F', data_type: 'text', ...field }] }, 'Leads');
  if (!parsed) {
    throw new Error('no field parsed');
  }
  return parsed;
}

describe('parseFieldsResponse: shape', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'fields'],
    ['an object without fields', { data: [] }],
    ['fields that is not an array', { fields: { api_name: 'Email' } }],
  ])('rejects %s with METADATA_INVALID', (_name, json) => {
    expect(codeOf(() => parseFieldsResponse(json, 'Leads'))).toBe('METADATA_INVALID');
  });

  it('says which field is wrong', () => {
    const json = { fields: [{ api_name: 'Email', data_type: 'email' }, { data_type: 'text' }] };
    expect(codeOf(() => parseFieldsResponse(json, 'Leads'))).toBe('METADATA_INVALID');
    expect(messageOf(() => parseFieldsResponse(json, 'Leads'))).toContain('fields[1]');
  });

  it.each([
    ['a field that is not an object', ['Email']],
    ['a missing data_type', [{ api_name: 'Email' }]],
    ['a non-string api_name', [{ api_name: 7, data_type: 'text' }]],
    ['an empty api_name', [{ api_name: '', data_type: 'text' }]],
  ])('rejects %s', (_name, fields) => {
    expect(codeOf(() => parseFieldsResponse({ fields }, 'Leads'))).toBe('METADATA_INVALID');
  });

  it('rejects a duplicate api_name', () => {
    const json = { fields: [{ api_name: 'Email', data_type: 'email' }, { api_name: 'Email', data_type: 'text' }] };
    expect(codeOf(() => parseFieldsResponse(json, 'Leads'))).toBe('METADATA_INVALID');
    expect(messageOf(() => parseFieldsResponse(json, 'Leads'))).toContain('Email');
  });

  it('accepts an empty field list and ignores unknown keys', () => {
    expect(parseFieldsResponse({ fields: [] }, 'Leads')).toEqual([]);
    const f = one({ webhook: true, profiles: [{ id: '1' }], json_type: 'string' });
    expect(f.apiName).toBe('F');
  });

  it('fills defaults for a minimal field', () => {
    expect(one({})).toEqual({
      apiName: 'F',
      label: 'F',
      dataType: 'text',
      length: null,
      decimalPlaces: null,
      systemMandatory: false,
      layoutMandatory: false,
      readOnly: false,
      custom: false,
      unique: null,
      picklist: null,
      lookupModule: null,
      convertMapping: null,
      textareaType: null,
    });
  });
});

describe('parseFieldsResponse: field properties', () => {
  it('takes the label from field_label, then display_label, then api_name', () => {
    expect(one({ field_label: 'Title', display_label: 'Designation' }).label).toBe('Title');
    expect(one({ display_label: 'Designation' }).label).toBe('Designation');
    expect(one({ field_label: null }).label).toBe('F');
  });

  it('reads lengths and decimal places from numbers or numeric strings', () => {
    expect(one({ length: 80, decimal_place: null })).toMatchObject({ length: 80, decimalPlaces: null });
    expect(one({ length: '255', decimal_place: '2' })).toMatchObject({ length: 255, decimalPlaces: 2 });
    expect(one({ length: 'long', decimal_place: {} })).toMatchObject({ length: null, decimalPlaces: null });
  });

  it('understands both unique spellings, as booleans or strings', () => {
    expect(one({ unique: { case_sensitive: true } }).unique).toEqual({ caseSensitive: true });
    expect(one({ unique: { casesensitive: 'true' } }).unique).toEqual({ caseSensitive: true });
    expect(one({ unique: { case_sensitive: false } }).unique).toEqual({ caseSensitive: false });
    expect(one({ unique: { casesensitive: 'false' } }).unique).toEqual({ caseSensitive: false });
  });

  it('treats {} and missing unique as not unique, and defaults to case-insensitive', () => {
    expect(one({ unique: {} }).unique).toBeNull();
    expect(one({ unique: null }).unique).toBeNull();
    expect(one({}).unique).toBeNull();
    expect(one({ unique: { _disable: false } }).unique).toEqual({ caseSensitive: false });
  });

  it('keeps used picklist values in sequence order and drops unused ones and -None-', () => {
    const f = one({
      data_type: 'picklist',
      pick_list_values: [
        { display_value: '-None-', actual_value: '-None-', sequence_number: 1, type: 'used' },
        { display_value: 'Shut Down', actual_value: 'ShutDown', sequence_number: 4, type: 'used' },
        { display_value: 'Acquired', actual_value: 'Acquired', sequence_number: 2, type: 'used' },
        { display_value: 'Gone', actual_value: 'Gone', sequence_number: 3, type: 'unused' },
        { display_value: 'Only display', sequence_number: 5 },
        'not an object',
      ],
    });
    expect(f.picklist).toEqual(['Acquired', 'ShutDown', 'Only display']);
  });

  it('gives picklists a list even when empty, and other types null', () => {
    expect(one({ data_type: 'picklist', pick_list_values: [] }).picklist).toEqual([]);
    expect(one({ data_type: 'multiselectpicklist' }).picklist).toEqual([]);
    expect(one({ data_type: 'text', pick_list_values: [] }).picklist).toBeNull();
  });

  it('reads the lookup module from an object or a string', () => {
    expect(one({ data_type: 'lookup', lookup: { module: { api_name: 'Accounts', id: '1' } } }).lookupModule).toBe('Accounts');
    expect(one({ data_type: 'lookup', lookup: { module: 'Contacts' } }).lookupModule).toBe('Contacts');
    expect(one({ lookup: {} }).lookupModule).toBeNull();
  });

  it('derives read-only from the flags and from computed types', () => {
    expect(one({ read_only: true }).readOnly).toBe(true);
    expect(one({ field_read_only: true }).readOnly).toBe(true);
    expect(one({ field_read_only: 'true' }).readOnly).toBe(true);
    expect(one({ data_type: 'autonumber' }).readOnly).toBe(true);
    expect(one({ data_type: 'formula' }).readOnly).toBe(true);
    expect(one({ data_type: 'rollup_summary' }).readOnly).toBe(true);
    expect(one({ data_type: 'currency' }).readOnly).toBe(false);
  });

  it('lets operation_type decide when a real response carries it', () => {
    // Shapes from the v7 Leads Fields sample: Owner is writable, Created_Time is not.
    const owner = one({
      data_type: 'ownerlookup',
      read_only: false,
      field_read_only: true,
      operation_type: { web_update: true, api_create: true, web_create: true, api_update: true },
    });
    const created = one({
      data_type: 'datetime',
      read_only: false,
      field_read_only: false,
      operation_type: { web_update: false, api_create: false, web_create: false, api_update: false },
    });
    expect(owner.readOnly).toBe(false);
    expect(created.readOnly).toBe(true);
  });

  it('reads convert_mapping only when present, accepting names or objects', () => {
    expect(one({}).convertMapping).toBeNull();
    expect(one({ convert_mapping: { Contacts: 'Mailing_Zip', Accounts: { api_name: 'Billing_Code', id: '9' }, Deals: null } }).convertMapping).toEqual({
      Contacts: 'Mailing_Zip',
      Accounts: 'Billing_Code',
      Deals: null,
    });
    expect(one({ convert_mapping: {} }).convertMapping).toEqual({ Contacts: null, Accounts: null, Deals: null });
  });

  it('reads the textarea size and the flags', () => {
    const f = one({ data_type: 'textarea', textarea: { type: 'large' }, system_mandatory: true, custom_field: true });
    expect(f).toMatchObject({ textareaType: 'large', systemMandatory: true, custom: true });
  });
});

describe('mandatoryFields / uniqueFields', () => {
  const fields = parseFieldsResponse(
    {
      fields: [
        { api_name: 'Last_Name', data_type: 'text', system_mandatory: true, unique: {} },
        { api_name: 'Email', data_type: 'email', unique: { case_sensitive: false } },
        { api_name: 'Phone', data_type: 'phone', unique: { casesensitive: 'true' } },
        { api_name: 'Deal_Name', data_type: 'text', system_mandatory: 'true' },
      ],
    },
    'Contacts',
  );

  it('lists system-mandatory api names', () => {
    expect(mandatoryFields(fields)).toEqual(['Last_Name', 'Deal_Name']);
  });

  it('lists unique api names in metadata order', () => {
    expect(uniqueFields(fields)).toEqual(['Email', 'Phone']);
  });
});

describe('parseFieldsResponse: layout-mandatory flags', () => {
  it('reads `required` (v7/v8 layouts) and `mandatory` (v2 SDK models)', () => {
    const r = parseFieldsResponse(
      { fields: [{ api_name: 'A', data_type: 'text', required: true }, { api_name: 'B', data_type: 'text', mandatory: 'true' }, { api_name: 'C', data_type: 'text' }] },
      'Deals',
    );
    expect(r.map((f) => [f.apiName, f.layoutMandatory])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
    ]);
  });
});
