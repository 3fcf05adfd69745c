import { describe, expect, it } from 'vitest';
import { mappingToTemplate, parseTemplate, templateToMapping } from '../../../electron/core/engines/mapping/template-format';

describe('mapping templates', () => {
  it('accept the minimal CLI form', () => {
    const t = parseTemplate({ module: 'Leads', columns: { 'E-mail address': 'Email', Surname: 'Last_Name' } });
    const { mapping, missingColumns } = templateToMapping(t, ['Surname', 'E-mail address', 'Other']);
    expect(missingColumns).toEqual([]);
    expect(mapping).toEqual({
      module: 'Leads',
      ignoreEmpty: false,
      fields: [
        { field: 'Email', columns: ['E-mail address'], joinWith: ' ', transforms: [], defaultValue: null },
        { field: 'Last_Name', columns: ['Surname'], joinWith: ' ', transforms: [], defaultValue: null },
      ],
    });
  });

  it('carry transforms, defaults, joins and a split name, and round-trip', () => {
    const t = parseTemplate({
      module: 'Contacts',
      columns: {
        Name: [
          { field: 'First_Name', transforms: [{ kind: 'split-name', part: 'first' }] },
          { field: 'Last_Name', transforms: [{ kind: 'split-name', part: 'last' }] },
        ],
        Born: { field: 'Date_of_Birth', transforms: [{ kind: 'date', order: 'dmy' }] },
        'Address 1': { field: 'Mailing_Street', join: ['Address 2'], joinWith: ', ' },
        Source: { field: 'Lead_Source', default: 'Web' },
      },
      ignoreEmpty: true,
    });
    const { mapping, missingColumns } = templateToMapping(t, ['Name', 'Born', 'Address 1', 'Address 2']);
    expect(missingColumns).toEqual(['Source']);
    expect(mapping.fields.map((f) => f.field)).toEqual(['First_Name', 'Last_Name', 'Date_of_Birth', 'Mailing_Street']);
    expect(mapping.fields[3]).toMatchObject({ columns: ['Address 1', 'Address 2'], joinWith: ', ' });
    const back = templateToMapping(mappingToTemplate(mapping, 'x'), ['Name', 'Born', 'Address 1', 'Address 2']);
    expect(back.mapping).toEqual(mapping);
  });

  it('refuse what is not a template, saying where', () => {
    expect(() => parseTemplate({ columns: {} })).toThrow(/module/);
    expect(() => parseTemplate({ module: 'Leads', columns: { A: { field: 'X', transforms: [{ kind: 'date', order: 'ddmm' }] } } })).toThrow(/TEMPLATE_INVALID|Not a mapping template/);
    expect(() => parseTemplate('nope')).toThrow(/Not a mapping template/);
  });
});
