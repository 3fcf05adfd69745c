import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchMapping } from '../../../shared/domain/batch';
import { ParserValidator, validatesWithoutReplica } from '../../../electron/core/engines/import/parser-validation';
import { CsvTokenizer } from '../../../electron/core/engines/csv/csv-tokenizer';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { ROOT } from '../../helpers/temp-dir';

const fields = loadStandardMetadata(path.join(ROOT, 'resources'), 'Leads') ?? [];
const mapping: BatchMapping = {
  module: 'Leads',
  ignoreEmpty: false,
  fields: [
    { field: 'Last_Name', columns: ['Surname'], joinWith: ' ', transforms: [], defaultValue: null },
    { field: 'Email', columns: ['E-mail'], joinWith: ' ', transforms: [], defaultValue: null },
  ],
};
const plan = { header: ['Surname', 'E-mail'], mappingJson: JSON.stringify(mapping), fields };

/** Tokenizes `text` in pieces of `size` characters, as the parser thread receives it. */
function issuesInPieces(text: string, size: number, v = new ParserValidator(plan)): { rows: number[]; codes: string[]; v: ParserValidator } {
  const t = new CsvTokenizer(',', -1);
  const out: { row: number; code: string }[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(...v.issuesOf(t.push(text.slice(i, i + size))));
  }
  out.push(...v.issuesOf(t.end()));
  return { rows: out.map((i) => i.row), codes: out.map((i) => i.code), v };
}

describe('ParserValidator', () => {
  const file = '\uFEFFSurname,E-mail\r\nA,a@example.com\r\n\r\n,b@example.com\r\nC,not-an-email\r\nD\r\n';

  it('numbers issues as the import numbers rows: blank lines keep their number, the header is not counted', () => {
    for (const size of [1, 3, 7, file.length]) {
      const r = issuesInPieces(file, size);
      expect(r.v.matched).toBe(true);
      // Row 3 misses its mandatory surname, row 4 has a bad email, row 5 is ragged.
      expect(r.rows).toEqual([3, 4, 5]);
      expect(r.codes).toEqual(['MANDATORY_NOT_FOUND', 'INVALID_DATA', 'RAGGED_ROW']);
    }
  });

  it('skips blank lines above the header, as the import does', () => {
    const r = issuesInPieces('\r\n\r\nSurname,E-mail\r\n,x@example.com\r\n', 5);
    expect(r.v.matched).toBe(true);
    expect(r.rows).toEqual([1]);
  });

  it('checks nothing when the header is not the one the mapping was made for', () => {
    const r = issuesInPieces('Name,Mail\r\n,x\r\n', 4);
    expect(r.v.matched).toBe(false);
    expect(r.rows).toEqual([]);
  });

  it('leaves mappings with lookups to the import thread, which can read the replica', () => {
    expect(validatesWithoutReplica(mapping)).toBe(true);
    const withLookup: BatchMapping = {
      ...mapping,
      fields: [...mapping.fields, { field: 'Owner', columns: ['Owner'], joinWith: ' ', transforms: [{ kind: 'lookup', by: 'email' }], defaultValue: null }],
    };
    expect(validatesWithoutReplica(withLookup)).toBe(false);
  });
});
