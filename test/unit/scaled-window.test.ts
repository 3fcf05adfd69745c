import { describe, expect, it } from 'vitest';
import { MAX_CANVAS, rowAtScrollTop, scrollTopForRow, windowGeometry } from '../../renderer/src/features/replica/scaled-window';

const H = 28;
const VP = 560; // 20 rows

describe('scaled window', () => {
  it('is a plain window while the rows fit the canvas', () => {
    const g = windowGeometry(1000, 280, VP, H, 0);
    expect(g).toEqual({ canvasHeight: 28_000, firstRow: 10, lastRow: 30, offset: 0 });
    expect(scrollTopForRow(10, 1000, VP, H, 'top')).toBe(280);
    expect(rowAtScrollTop(280, 1000, VP, H)).toBe(10);
  });

  it('caps the canvas for a million rows and still reaches both ends', () => {
    const total = 1_000_000;
    const top = windowGeometry(total, 0, VP, H, 0);
    expect(top.canvasHeight).toBe(MAX_CANVAS);
    expect(top.firstRow).toBe(0);
    const end = windowGeometry(total, MAX_CANVAS - VP, VP, H, 0);
    expect(end.lastRow).toBe(total - 1);
    // The last row is drawn exactly at the bottom edge of the viewport.
    expect((total - 1) * H + end.offset + H).toBeCloseTo(MAX_CANVAS, 6);
  });

  it('maps a row to a scroll position and back, everywhere in the table', () => {
    const total = 1_000_000;
    for (const row of [0, 1, 12_345, 500_000, 999_980]) {
      const s = scrollTopForRow(row, total, VP, H, 'top');
      expect(s).toBeLessThanOrEqual(MAX_CANVAS - VP);
      const g = windowGeometry(total, s, VP, H, 0);
      // Row `row` sits at the top edge: its top in canvas coordinates equals the scroll position.
      expect(row * H + g.offset).toBeCloseTo(s, 6);
      expect(g.firstRow).toBe(row);
      expect(rowAtScrollTop(s, total, VP, H)).toBe(row);
    }
  });

  it('keeps every drawn row near the scroll position', () => {
    const total = 5_000_000;
    for (const s of [0, 123_456.5, 1_000_000, MAX_CANVAS - VP]) {
      const g = windowGeometry(total, s, VP, H, 8);
      for (const i of [g.firstRow, g.lastRow]) {
        expect(Math.abs(i * H + g.offset - s)).toBeLessThan(VP + 10 * H);
      }
    }
  });

  it('handles an empty table', () => {
    expect(windowGeometry(0, 0, VP, H, 8)).toMatchObject({ canvasHeight: 0, lastRow: -1 });
  });
});
