import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Issue } from '../../../shared/domain/batch';
import { RowRules } from '../../../shared/validation';
import { makeField } from './make-field';

// A Deals-like module: two system-mandatory fields, one computed one, two layout-mandatory ones.
const FIELDS: FieldMeta[] = [
  makeField('text', { apiName: 'Deal_Name', label: 'Deal Name', length: 120, systemMandatory: true }),
  makeField('picklist', { apiName: 'Stage', label: 'Stage', systemMandatory: true, picklist: ['Qualification', 'Closed Won'] }),
  makeField('currency', { apiName: 'Amount', label: 'Amount', length: 16, decimalPlaces: 2 }),
  makeField('date', { apiName: 'Closing_Date', label: 'Closing Date' }),
  makeField('lookup', { apiName: 'Account_Name', label: 'Account Name', lookupModule: 'Accounts' }),
  makeField('autonumber', { apiName: 'Deal_No', label: 'Deal No', systemMandatory: true, readOnly: true }),
];

type Cells = Record<string, [column: string, value: string]>;

/** One row as the tests give it: field -> column and value, in mapping order. */
interface RowInput {
  row: number;
  values: ReadonlyMap<string, { column: string; value: string }>;
  fields: readonly FieldMeta[];
  mappedFields: ReadonlySet<string>;
  layoutMandatory?: ReadonlySet<string>;
}

/** The rules of the row's mapping, applied to the row. */
function checkRow(input: RowInput): Issue[] {
  const entries = [...input.values];
  const rules = new RowRules(
    entries.map(([field, c]) => ({ field, column: c.column })),
    input.fields,
    input.mappedFields,
    input.layoutMandatory,
  );
  const out: Issue[] = [];
  rules.check(
    input.row,
    entries.map(([, c]) => c.value),
    null,
    out,
  );
  return out;
}

function input(cells: Cells, extra: Partial<RowInput> = {}): RowInput {
  const values = new Map(Object.entries(cells).map(([field, [column, value]]) => [field, { column, value }]));
  return { row: 7, values, fields: FIELDS, mappedFields: new Set(values.keys()), ...extra };
}

const FULL: Cells = {
  Deal_Name: ['Name', 'Big deal'],
  Stage: ['Stage', 'Qualification'],
  Amount: ['Amount', '1000.50'],
  Closing_Date: ['Close', '2024-03-01'],
};

describe('RowRules: values', () => {
  it('returns nothing for a clean row', () => {
    expect(checkRow(input(FULL))).toEqual([]);
  });

  it('reports each bad value with row, column and field', () => {
    const issues = checkRow(input({ ...FULL, Amount: ['Amount', '1,000'], Closing_Date: ['Close', '24/8/20'] }));
    expect(issues.map((i) => [i.row, i.column, i.field, i.code, i.severity])).toEqual([
      [7, 'Amount', 'Amount', 'INVALID_DATA', 'error'],
      [7, 'Close', 'Closing_Date', 'INVALID_DATA', 'error'],
    ]);
  });

  it('passes warnings through', () => {
    const [issue] = checkRow(input({ ...FULL, Stage: ['Stage', 'Negotiation'] }));
    expect(issue).toMatchObject({ row: 7, column: 'Stage', field: 'Stage', code: 'NEW_PICKLIST_VALUE', severity: 'warning' });
  });

  it('checks only mapped fields', () => {
    const issues = checkRow(input({ ...FULL, Amount: ['Amount', 'lots'] }, { mappedFields: new Set(['Deal_Name', 'Stage', 'Closing_Date']) }));
    expect(issues).toEqual([]);
  });

  it('skips values of fields the module does not have', () => {
    expect(checkRow(input({ ...FULL, Not_A_Field: ['X', 'anything'] }))).toEqual([]);
  });

  it('reports a value mapped to a read-only field', () => {
    const [issue] = checkRow(input({ ...FULL, Deal_No: ['No', '17'] }));
    expect(issue).toMatchObject({ field: 'Deal_No', code: 'INVALID_DATA' });
    expect(issue?.message).toContain('read-only');
  });
});

describe('RowRules: mandatory fields', () => {
  it('reports an unmapped system-mandatory field with no column', () => {
    const rest = Object.fromEntries(Object.entries(FULL).filter(([field]) => field !== 'Stage'));
    const issues = checkRow(input(rest));
    expect(issues).toEqual([
      {
        row: 7,
        column: null,
        field: 'Stage',
        code: 'MANDATORY_NOT_FOUND',
        severity: 'error',
        message: 'Stage is mandatory in Zoho and no column is mapped to it; Zoho will skip this row. Fill it in, or set a default value in the mapping.',
      },
    ]);
  });

  it('reports an empty mandatory value on its column', () => {
    const [issue] = checkRow(input({ ...FULL, Deal_Name: ['Name', ''] }));
    expect(issue).toMatchObject({ column: 'Name', field: 'Deal_Name', code: 'MANDATORY_NOT_FOUND', severity: 'error' });
    expect(issue?.message).toContain('column “Name” is empty in this row');
  });

  it('counts a value of only spaces as missing, and reports it once', () => {
    const issues = checkRow(input({ ...FULL, Deal_Name: ['Name', '   '] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('is only spaces');
  });

  it('treats a value of an unmapped field as missing', () => {
    const issues = checkRow(input(FULL, { mappedFields: new Set(['Stage', 'Amount', 'Closing_Date']) }));
    expect(issues).toMatchObject([{ field: 'Deal_Name', column: null, code: 'MANDATORY_NOT_FOUND' }]);
  });

  it('ignores read-only system-mandatory fields', () => {
    expect(checkRow(input(FULL)).some((i) => i.field === 'Deal_No')).toBe(false);
  });

  it('reports both mandatory fields of an empty row', () => {
    expect(checkRow(input({})).map((i) => i.field)).toEqual(['Deal_Name', 'Stage']);
  });

  it('warns about layout-mandatory fields: bulk insert ignores layouts', () => {
    const layoutMandatory = new Set(['Closing_Date', 'Account_Name', 'Deal_Name', 'Deal_No']);
    const issues = checkRow(input({ ...FULL, Closing_Date: ['Close', ''] }, { layoutMandatory }));
    expect(issues.map((i) => [i.field, i.column, i.code, i.severity])).toEqual([
      ['Closing_Date', 'Close', 'LAYOUT_MANDATORY', 'warning'],
      ['Account_Name', null, 'LAYOUT_MANDATORY', 'warning'],
    ]);
    expect(issues[0]?.message).toContain("Zoho's bulk insert ignores layout rules");
  });

  it('does not warn about a filled layout-mandatory field', () => {
    expect(checkRow(input(FULL, { layoutMandatory: new Set(['Amount']) }))).toEqual([]);
  });

  it('lists value issues before mandatory ones', () => {
    const issues = checkRow(input({ Deal_Name: ['Name', 'x'.repeat(121)], Amount: ['Amount', 'abc'] }));
    expect(issues.map((i) => i.code)).toEqual(['INVALID_DATA', 'INVALID_DATA', 'MANDATORY_NOT_FOUND']);
  });
});

describe('RowRules: values that already failed a transform', () => {
  it('are neither judged again nor reported missing, mandatory or layout-mandatory', () => {
    const rules = new RowRules(
      [
        { field: 'Deal_Name', column: 'Name' },
        { field: 'Stage', column: 'Stage' },
        { field: 'Closing_Date', column: 'Close' },
      ],
      FIELDS,
      new Set(['Deal_Name', 'Stage', 'Closing_Date']),
      new Set(['Closing_Date']),
    );
    const out: Issue[] = [];
    rules.check(3, ['', 'Qualification', 'not a date'], [true, false, true], out);
    expect(out).toEqual([]);
    rules.check(4, ['', 'Qualification', 'not a date'], null, out);
    expect(out.map((i) => [i.row, i.field, i.code])).toEqual([
      [4, 'Closing_Date', 'INVALID_DATA'],
      [4, 'Deal_Name', 'MANDATORY_NOT_FOUND'],
    ]);
  });
});
