import { describe, expect, it } from 'vitest';
import type { BatchMapping, FieldMapping, Issue } from '../../../shared/domain/batch';
import { BLOCK_CSV, decodeRowBlock } from '../../../electron/core/db/repos/row-block-codec';
import { evaluateRow, rowContext } from '../../../electron/core/engines/batch/compute-row';
import { BlockCursor } from '../../../electron/core/engines/export/block-cursor';
import { ByteSink } from '../../../electron/core/engines/export/byte-sink';
import { planColumns } from '../../../electron/core/engines/export/column-plan';
import { computeFast, fastBatch, fastColumns, fastRecipe, fastValue, writeFastRow, type FastColumn, type FastRecipe } from '../../../electron/core/engines/export/fast-rows';
import { uploadLine } from '../../../electron/core/engines/export/upload-csv';
import { makeField } from '../validation/make-field';

/** A small deterministic PRNG, so a failing case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'Zoë', '0012', ' ', '"', ',', ';', '\t', '\r', '\n', '\r\n', '😀', 'ß', 'x y', '=1+1', 'A;B'];
/** Mostly plain text, as most rows are (they take the cursor's quicker way). */
const PLAIN = ['a', 'Zoë', '0012', ' ', 'x y', '😀', 'ß', 'a', 'Zoë', '0012', ' ', 'x y', '😀', 'ß', '"', ','];
let pieces = PIECES;

/** A random cell value and its CSV form with this delimiter (quoted when it must be, and sometimes anyway). */
function cell(r: () => number, delim: string): string {
  let v = '';
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i += 1) v += pieces[Math.floor(r() * pieces.length)];
  const must = v.includes(delim) || v.includes('\r') || v.includes('\n') || v.startsWith('"');
  if (must || r() < (pieces === PLAIN ? 0.03 : 0.3)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** A block's text: rows of `width` cells (sometimes ragged), blank lines, mixed line ends. */
function blockText(r: () => number, delim: string, width: number, rows: number): string {
  const ends = ['\n', '\r\n', '\r'];
  let text = '';
  for (let i = 0; i < rows; i += 1) {
    if (i > 0 && r() < 0.05) text += ends[Math.floor(r() * 3)];
    const w = r() < 0.1 ? Math.max(1, width + (r() < 0.5 ? -1 : 1)) : width;
    const cells = Array.from({ length: w }, () => cell(r, delim));
    text += cells.join(delim);
    if (i < rows - 1 || r() < 0.7) text += ends[Math.floor(r() * 3)];
  }
  return text;
}

function cursorRows(text: string, delim: string, firstRow: number): { rowNo: number; cells: string[] }[] {
  const cur = new BlockCursor(Buffer.from(text, 'utf8'), delim.charCodeAt(0));
  const out: { rowNo: number; cells: string[] }[] = [];
  while (cur.next()) if (!cur.blank) out.push({ rowNo: firstRow + cur.rowIndex, cells: cur.cells() });
  return out;
}

describe('the block cursor', () => {
  it.each([
    [',', PIECES],
    [';', PIECES],
    ['\t', PIECES],
    ['|', PIECES],
    [',', PLAIN],
    [';', PLAIN],
  ])('finds the same rows and cells as the tokenizer (delimiter %j, %#)', (delim, set) => {
    pieces = set;
    const r = rng(delim.charCodeAt(0) + set.length);
    for (let t = 0; t < 300; t += 1) {
      const text = blockText(r, delim, 1 + Math.floor(r() * 5), 1 + Math.floor(r() * 8));
      expect(cursorRows(text, delim, 7), JSON.stringify(text)).toEqual(decodeRowBlock({ fmt: BLOCK_CSV, data: text, firstRow: 7 }, delim));
    }
  });

  it('counts blank lines in row numbers, keeps a quoted empty line and a trailing delimiter', () => {
    const text = 'a,b\n\n"",x\n""\nlast,';
    expect(cursorRows(text, ',', 1)).toEqual([
      { rowNo: 1, cells: ['a', 'b'] },
      { rowNo: 3, cells: ['', 'x'] },
      { rowNo: 4, cells: [''] },
      { rowNo: 5, cells: ['last', ''] },
    ]);
  });
});

describe('a plain row on the fast path', () => {
  const fields = [
    makeField('text', { apiName: 'Last_Name' }),
    makeField('email', { apiName: 'Email' }),
    makeField('text', { apiName: 'City' }),
    makeField('multiselectpicklist', { apiName: 'Tags' }),
    makeField('text', { apiName: 'Full' }),
    makeField('text', { apiName: 'Upper' }),
    makeField('text', { apiName: 'Country' }),
    makeField('text', { apiName: 'Street' }),
    makeField('text', { apiName: 'Zip' }),
    makeField('text', { apiName: 'Notes' }),
  ];
  const m = (field: string, columns: string[], more: Partial<FieldMapping> = {}): FieldMapping => ({ field, columns, joinWith: ' ', transforms: [], defaultValue: null, ...more });
  const mapping: BatchMapping = {
    module: 'Leads',
    ignoreEmpty: false,
    fields: [
      m('Last_Name', ['c0']),
      m('City', ['c2'], { defaultValue: 'Nowhere, "NW"' }),
      m('Tags', ['c3']),
      m('Full', ['c0', 'c1']),
      m('Upper', ['c4'], { transforms: [{ kind: 'case', to: 'upper' }] }),
      m('Email', ['c1']),
      m('Country', ['c2']),
      m('Street', ['c2']),
      m('Zip', ['c3']),
      m('Notes', ['c4']),
    ],
  };
  const header = ['c0', 'c1', 'c2', 'c3', 'c4'];

  it.each([
    [',', PIECES],
    [';', PIECES],
    ['\t', PIECES],
    [',', PLAIN],
    [';', PLAIN],
  ])('writes the bytes the decoded path writes (delimiter %j, %#)', (delim, set) => {
    pieces = set;
    const ctx = rowContext(header, mapping, fields, null);
    const { columns } = planColumns({ module: 'Leads', mapping, fields, dropped: new Map(), findBy: new Map(), withId: false });
    const fb = fastBatch(ctx);
    const cols = fastColumns(fb, columns) as FastColumn[];
    expect(cols.map((c) => c.cell >= 0)).toEqual(columns.map((c) => ['Last_Name', 'City', 'Tags', 'Email', 'Country', 'Street', 'Zip', 'Notes'].includes(c.field)));
    const recipe = fastRecipe(fb, columns, delim.charCodeAt(0)) as FastRecipe;
    // Street, Zip, Notes are source cells 2, 3, 4 side by side: one copy when the source is comma-separated.
    expect(recipe.runs.some((r) => r.count === 3)).toBe(delim === ',');
    const r = rng(99 + delim.charCodeAt(0) + set.length);
    const values = new Array<string>(ctx.plans.length);
    const fastValues = new Array<string>(fb.computed.plans.length);
    const scratch: Issue[] = [];
    let checked = 0;
    for (let t = 0; t < 200; t += 1) {
      const text = blockText(r, delim, header.length, 6);
      const cur = new BlockCursor(Buffer.from(text, 'utf8'), delim.charCodeAt(0));
      while (cur.next()) {
        if (cur.blank || cur.cellCount !== header.length) continue;
        const cells = cur.cells();
        evaluateRow({ row: 1, cells, width: null }, ctx, undefined, values, scratch, false);
        const expected = uploadLine(
          columns.map((c) => values[c.plan] ?? ''),
          columns.map((c) => c.multiselect),
        );
        computeFast(fb, cur, 1, new Array<string>(header.length), fastValues, scratch);
        const sink = new ByteSink(8);
        writeFastRow(sink, cur, recipe, fastValues);
        expect(sink.view().toString('utf8'), JSON.stringify(cells)).toBe(expected);
        ctx.plans.forEach((_, i) => expect(fastValue(fb, cur, fastValues, i)).toBe(values[i]));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
