import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../shared/validation';
import { codeFor, makeField, messageFor } from './make-field';

describe('integer', () => {
  const employees = makeField('integer', { label: 'Employees', length: 9 });

  it.each(['0', '350', '-350', '999999999', '-999999999', '007', '-0'])('accepts %s', (value) => {
    expect(checkValue(employees, value)).toBeNull();
  });

  it('refuses ten digits, and nine is the default limit', () => {
    expect(codeFor(employees, '1000000000')).toBe('INVALID_DATA');
    expect(messageFor(employees, '1000000000')).toContain('has 10 digits; Employees takes at most 9');
    expect(codeFor(makeField('integer'), '1234567890')).toBe('INVALID_DATA');
  });

  it('counts leading zeros as digits', () => {
    expect(codeFor(employees, '000000001')).toBe('ok');
    expect(codeFor(employees, '0000000001')).toBe('INVALID_DATA');
  });

  it('uses a smaller field length (Probability: 3 digits)', () => {
    const probability = makeField('integer', { length: 3 });
    expect(codeFor(probability, '100')).toBe('ok');
    expect(codeFor(probability, '1000')).toBe('INVALID_DATA');
  });

  it('keeps to the 32-bit range even when the metadata allows more digits', () => {
    const wide = makeField('integer', { length: 12 });
    expect(codeFor(wide, '2147483647')).toBe('ok');
    expect(codeFor(wide, '-2147483648')).toBe('ok');
    expect(codeFor(wide, '2147483648')).toBe('INVALID_DATA');
    expect(codeFor(wide, '-2147483649')).toBe('INVALID_DATA');
    expect(messageFor(wide, '2147483648')).toContain('-2147483648 to 2147483647');
  });

  it.each([
    ['decimals', '12.5', 'whole numbers only.'],
    ['zero decimals (with the fix)', '12.00', 'whole numbers only (write 12)'],
    ['a plus sign', '+12', 'drop the “+” sign (write 12)'],
    ['a thousands separator', '1,234', 'without thousands separators (1234567)'],
    ['a space separator', '1 234', 'without thousands separators'],
    ['scientific notation', '1e5', 'scientific notation'],
    ['spaces around it', ' 12 ', 'add a trim transform'],
    ['letters', 'twelve', 'use only digits'],
    ['a unicode minus', '−12', 'use only digits'],
    ['a lone minus', '-', 'use only digits'],
  ])('refuses %s', (_case, value, hint) => {
    expect(codeFor(employees, value)).toBe('INVALID_DATA');
    expect(messageFor(employees, value)).toContain(hint);
  });
});

describe('bigint', () => {
  const id = makeField('bigint', { label: 'External Id', length: 18 });

  it('accepts the seed example with its leading zeros', () => {
    expect(checkValue(id, '0012345600012')).toBeNull();
  });

  it.each(['1', '-1', '999999999999999999', '-999999999999999999'])('accepts %s', (value) => {
    expect(checkValue(id, value)).toBeNull();
  });

  it('refuses 19 digits, and 18 is the default limit', () => {
    expect(codeFor(id, '1234567890123456789')).toBe('INVALID_DATA');
    expect(codeFor(makeField('bigint'), '1234567890123456789')).toBe('INVALID_DATA');
    expect(codeFor(makeField('bigint'), '123456789012345678')).toBe('ok');
  });

  it('keeps to the 64-bit range when the metadata allows 19 digits', () => {
    const wide = makeField('bigint', { length: 19 });
    expect(codeFor(wide, '9223372036854775807')).toBe('ok');
    expect(codeFor(wide, '-9223372036854775808')).toBe('ok');
    expect(codeFor(wide, '9223372036854775808')).toBe('INVALID_DATA');
  });

  it('refuses decimals and separators', () => {
    expect(codeFor(id, '12.0')).toBe('INVALID_DATA');
    expect(codeFor(id, '1,000')).toBe('INVALID_DATA');
  });
});

describe('currency', () => {
  const amount = makeField('currency', { label: 'Amount', length: 16, decimalPlaces: 2 });
  const sixteen = '1234567890123456';

  it.each(['0', '250000.50', '-250000.50', '0.5', '7', '-0.01', sixteen, `${sixteen}.99`, `-${sixteen}.99`])('accepts %s', (value) => {
    expect(checkValue(amount, value)).toBeNull();
  });

  it('refuses 17 digits before the point', () => {
    expect(codeFor(amount, `${sixteen}7`)).toBe('INVALID_DATA');
    expect(codeFor(amount, `${sixteen}7.5`)).toBe('INVALID_DATA');
    expect(messageFor(amount, `${sixteen}7`)).toContain('has 17 digits before the decimal point; Amount takes at most 16');
  });

  it('refuses more decimals than the field has', () => {
    expect(codeFor(amount, '1.999')).toBe('INVALID_DATA');
    expect(messageFor(amount, '1.999')).toContain('has 3 decimals; Amount takes at most 2 decimals');
  });

  it('defaults to 2 decimals and 16 digits', () => {
    const plain = makeField('currency');
    expect(codeFor(plain, `${sixteen}.12`)).toBe('ok');
    expect(codeFor(plain, '1.123')).toBe('INVALID_DATA');
    expect(codeFor(plain, `${sixteen}1`)).toBe('INVALID_DATA');
  });

  it('follows the field’s decimal places, up to the seed’s 9', () => {
    const nine = makeField('currency', { decimalPlaces: 9 });
    expect(codeFor(nine, `${sixteen}.123456789`)).toBe('ok');
    expect(codeFor(nine, `${sixteen}.1234567890`)).toBe('INVALID_DATA');
    const none = makeField('currency', { decimalPlaces: 0 });
    expect(messageFor(none, '1.5')).toContain('takes no decimals');
  });

  it.each([
    ['a currency symbol', '$100', 'no currency symbols'],
    ['a thousands separator', '1,234.50', 'no thousands separators'],
    ['a decimal comma', '12,50', 'number transform'],
    ['an exponent', '1.5E3', 'scientific notation'],
    ['no digit before the point', '.5', 'write 0.5'],
    ['a negative with no digit before the point', '-.5', 'write -0.5'],
    ['a trailing point', '5.', 'write 5'],
    ['two points', '1.2.3', 'use only digits'],
  ])('refuses %s', (_case, value, hint) => {
    expect(codeFor(amount, value)).toBe('INVALID_DATA');
    expect(messageFor(amount, value)).toContain(hint);
  });
});

describe('double', () => {
  const rate = makeField('double', { label: 'Exchange Rate', length: 16, decimalPlaces: 9 });

  it.each(['1', '0.123456789', '-3.5', '1234567890123456.123456789'])('accepts %s', (value) => {
    expect(checkValue(rate, value)).toBeNull();
  });

  it('refuses a tenth decimal and a seventeenth digit', () => {
    expect(codeFor(rate, '0.1234567891')).toBe('INVALID_DATA');
    expect(codeFor(rate, '12345678901234567')).toBe('INVALID_DATA');
  });

  it('defaults to 9 decimals', () => {
    const plain = makeField('double');
    expect(codeFor(plain, '0.123456789')).toBe('ok');
    expect(codeFor(plain, '0.1234567891')).toBe('INVALID_DATA');
  });

  it('uses a field’s 2 decimal places', () => {
    const qty = makeField('double', { decimalPlaces: 2 });
    expect(codeFor(qty, '1.25')).toBe('ok');
    expect(codeFor(qty, '1.255')).toBe('INVALID_DATA');
  });

  it('refuses scientific notation', () => {
    expect(codeFor(rate, '6.02e23')).toBe('INVALID_DATA');
  });
});

describe('percent', () => {
  const pct = makeField('percent', { label: 'Commission' });

  it.each(['25', '0', '99999', '12.5', '12.75', '-5'])('accepts %s', (value) => {
    expect(checkValue(pct, value)).toBeNull();
  });

  it('refuses six digits and a third decimal', () => {
    expect(codeFor(pct, '100000')).toBe('INVALID_DATA');
    expect(codeFor(pct, '12.755')).toBe('INVALID_DATA');
  });

  it('refuses a percent sign', () => {
    expect(codeFor(pct, '25%')).toBe('INVALID_DATA');
    expect(messageFor(pct, '25%')).toContain('%');
  });
});

describe('boolean', () => {
  const optOut = makeField('boolean', { label: 'Email Opt Out', length: 5 });

  it('accepts exactly true and false', () => {
    expect(checkValue(optOut, 'true')).toBeNull();
    expect(checkValue(optOut, 'false')).toBeNull();
  });

  it.each([
    ['TRUE', '(write true)'],
    ['False', '(write false)'],
    [' true', '(write true)'],
    ['yes', 'boolean transform'],
    ['1', 'boolean transform'],
    ['0', 'boolean transform'],
    ['on', 'boolean transform'],
  ])('refuses %s', (value, hint) => {
    expect(codeFor(optOut, value)).toBe('INVALID_DATA');
    expect(messageFor(optOut, value)).toContain(hint);
  });
});
