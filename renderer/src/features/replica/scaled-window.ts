/**
 * Which rows of a huge grid are visible, with the scroll height capped (pure).
 *
 * Browsers stop laying out past ~33M px, and their rasterisers place tiles with float32
 * offsets, which at a million 28 px rows (28M px) are 2 px apart and leave seams through the
 * text. So the scrollable canvas is capped at MAX_CANVAS and, beyond it, a scroll position maps
 * proportionally onto the rows: the thumb still spans the whole table, and every row is drawn
 * near the current scroll position where coordinates are small and exact.
 */

export const MAX_CANVAS = 2_000_000;

export interface WindowGeometry {
  /** Height of the scrollable content (rows only, header excluded). */
  canvasHeight: number;
  /** First and last row to render (inclusive; last < first when there are none). */
  firstRow: number;
  lastRow: number;
  /** Added to `i * rowHeight` to get row i's top in canvas coordinates. */
  offset: number;
}

function scale(total: number, viewport: number, rowHeight: number): { content: number; canvas: number; maxScroll: number; maxVirtual: number } {
  const content = total * rowHeight;
  const canvas = Math.min(content, MAX_CANVAS);
  return { content, canvas, maxScroll: Math.max(0, canvas - viewport), maxVirtual: Math.max(0, content - viewport) };
}

/** Rows to render for a scroll position. */
export function windowGeometry(total: number, scrollTop: number, viewport: number, rowHeight: number, overscan: number): WindowGeometry {
  const { content, canvas, maxScroll, maxVirtual } = scale(total, viewport, rowHeight);
  const top = Math.max(0, Math.min(scrollTop, maxScroll));
  const virtual = content <= MAX_CANVAS || maxScroll === 0 ? top : (top * maxVirtual) / maxScroll;
  const firstRow = Math.max(0, Math.floor(virtual / rowHeight) - overscan);
  const lastRow = Math.min(total - 1, Math.ceil((virtual + viewport) / rowHeight) + overscan);
  return { canvasHeight: canvas, firstRow, lastRow, offset: top - virtual };
}

/** The scroll position that shows row `index` at the top (or bottom) edge of the viewport. */
export function scrollTopForRow(index: number, total: number, viewport: number, rowHeight: number, align: 'top' | 'bottom'): number {
  const { content, maxScroll, maxVirtual } = scale(total, viewport, rowHeight);
  const virtual = Math.max(0, Math.min(maxVirtual, align === 'top' ? index * rowHeight : (index + 1) * rowHeight - viewport));
  if (content <= MAX_CANVAS || maxVirtual === 0) {
    return virtual;
  }
  return (virtual * maxScroll) / maxVirtual;
}

/** The row at the top edge for a scroll position. */
export function rowAtScrollTop(scrollTop: number, total: number, viewport: number, rowHeight: number): number {
  const g = windowGeometry(total, scrollTop, viewport, rowHeight, 0);
  const top = Math.max(0, Math.min(scrollTop, g.canvasHeight));
  return Math.min(Math.max(0, total - 1), Math.max(0, Math.floor((top - g.offset) / rowHeight)));
}
