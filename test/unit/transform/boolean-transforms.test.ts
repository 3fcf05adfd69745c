import { describe, expect, it } from 'vitest';
import { toBoolean } from '../../../electron/core/engines/transform';

describe('toBoolean', () => {
  it.each(['yes', 'Y', 'TRUE', 'true', '1', 'x', 'X', 'on', 'Checked', 'ja', 'Oui', 'sí', 'SÍ', 'si', 'Si', ' yes ', 's\u0069\u0301'])('%j → true', (v) => {
    expect(toBoolean(v)).toEqual({ ok: true, value: 'true' });
  });

  it.each(['no', 'N', 'FALSE', '0', 'off', 'unchecked', 'Nein', 'non', 'NO'])('%j → false', (v) => {
    expect(toBoolean(v)).toEqual({ ok: true, value: 'false' });
  });

  it('keeps empty cells empty instead of inventing false', () => {
    expect(toBoolean('')).toEqual({ ok: true, value: '' });
    expect(toBoolean('  ')).toEqual({ ok: true, value: '' });
  });

  it.each(['maybe', '2', 'yes please', 'NA', 'N/A', 'NULL', '.', '✓', '-1', 't'])('refuses %j', (v) => {
    const r = toBoolean(v);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(`“${v}” is not a yes/no value`);
  });
});
