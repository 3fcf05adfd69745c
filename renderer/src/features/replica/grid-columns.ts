/**
 * Column widths for the replica grid, chosen from the field's data type.
 *
 * Widths are fixed rather than measured: measuring cell text would mean reading every row,
 * which a million-row replica cannot afford.
 */
import type { ReplicaColumn } from '../../store/types';

const WIDTH_BY_TYPE: Record<string, number> = {
  boolean: 90,
  integer: 110,
  bigint: 150,
  double: 120,
  decimal: 120,
  currency: 130,
  percent: 100,
  date: 120,
  datetime: 170,
  phone: 150,
  email: 220,
  website: 220,
  textarea: 260,
  lookup: 200,
  ownerlookup: 170,
  userlookup: 170,
  picklist: 160,
  multiselectpicklist: 200,
};

const DEFAULT_WIDTH = 180;
const ID_WIDTH = 190;
const UNMATCHED_EXTRA = 60;

/** Pixel width of one column. */
export function columnWidth(col: ReplicaColumn): number {
  if (col.key === 'id') {
    return ID_WIDTH;
  }
  // Unmatched columns carry a tag in the header; widen them so the name still fits.
  const extra = col.known ? 0 : UNMATCHED_EXTRA;
  return (WIDTH_BY_TYPE[col.dataType.toLowerCase()] ?? DEFAULT_WIDTH) + extra;
}

/** The CSS grid template and total width for a set of columns. */
export function columnLayout(columns: ReplicaColumn[]): { template: string; width: number } {
  const widths = columns.map(columnWidth);
  return {
    template: widths.map((w) => `${w}px`).join(' '),
    width: widths.reduce((a, b) => a + b, 0),
  };
}
