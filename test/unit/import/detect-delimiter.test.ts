import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../electron/core/engines/import/detect-delimiter';
import { TESTDATA } from '../../helpers/temp-dir';

const EDGE = path.join(TESTDATA, 'csv-edge');
const file = (rel: string): string => fs.readFileSync(path.join(EDGE, rel), 'utf8');

describe('detectDelimiter', () => {
  it('finds comma, semicolon and tab in real files', () => {
    expect(detectDelimiter(file('csvkit-examples/dummy.csv'), true)).toEqual({ delimiter: ',', confidence: 'high' });
    expect(detectDelimiter(file('csvkit-examples/sniff_limit.csv'), true)).toEqual({ delimiter: ';', confidence: 'high' });
    expect(detectDelimiter(file('csvkit-examples/dummy.tsv'), true)).toEqual({ delimiter: '\t', confidence: 'high' });
    expect(detectDelimiter(file('papaparse-tests/verylong-sample.csv'), false).delimiter).toBe(',');
  });

  it('finds a pipe', () => {
    expect(detectDelimiter('id|name|city\n1|Ann|Köln\n2|Bob|Paris\n', true)).toEqual({ delimiter: '|', confidence: 'high' });
  });

  it('counts only delimiters outside quotes, across quoted line breaks', () => {
    // Commas and line breaks inside quotes would make a comma file look ragged if counted.
    const text = 'name;note;amount\n"Smith, John";"a, b,\nc, d";"1,5"\n"Doe, Jane";"x";"2,0"\n';
    expect(detectDelimiter(text, true)).toEqual({ delimiter: ';', confidence: 'high' });
    expect(detectDelimiter(file('csv-parser-fixtures/quotes+newlines.csv'), true).delimiter).toBe(',');
    expect(detectDelimiter(file('csvkit-examples/mac_newlines.csv'), true)).toEqual({ delimiter: ',', confidence: 'high' });
  });

  it('prefers the most consistent field count, even when another splits more often', () => {
    // Semicolons appear inside unquoted comma-separated values, unevenly.
    const text = 'a,b,c\nx;y,2,3\n4,5;6;7,8\n9,10,11\n';
    expect(detectDelimiter(text, true).delimiter).toBe(',');
  });

  it('falls back to a comma with low confidence for a one-column file', () => {
    expect(detectDelimiter('email\nann@example.com\nbob@example.com\n', true)).toEqual({ delimiter: ',', confidence: 'low' });
    expect(detectDelimiter('', true)).toEqual({ delimiter: ',', confidence: 'low' });
  });

  it('is less sure of a lone header line or a ragged file', () => {
    expect(detectDelimiter('a;b;c\n', true)).toEqual({ delimiter: ';', confidence: 'medium' });
    const ragged = ['a,b,c', '1,2,3', '4,5', '6,7,8', '9,10,11', '12,13,14'].join('\n');
    expect(detectDelimiter(ragged, true)).toEqual({ delimiter: ',', confidence: 'medium' });
  });

  it('ignores a last line cut by the sample edge, and blank lines', () => {
    expect(detectDelimiter('a;b;c\n\n1;2;3\n4;5', false)).toEqual({ delimiter: ';', confidence: 'high' });
  });
});
