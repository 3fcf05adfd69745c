/**
 * Value rules for date and date/time fields.
 *
 * The seed (S3, v2 Bulk Write) is the authority: Date is `yyyy-MM-dd`, Date/Time is
 * `yyyy-MM-ddTHH:mm:ss±HH:mm`. The v7 docs' `MM/dd/yyyy` default (ZOHO-SPEC §1.4) is not
 * followed. A value in another shape is never reinterpreted here; the message says what it could
 * mean and points at the date transform, which converts a whole column in one declared order.
 */
import type { FieldMeta } from '../domain/field-meta';
import { invalid, shown, spacesAround, type ValueVerdict } from './verdict';

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

const ISO_DATETIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})([+-])([0-9]{2}):([0-9]{2})$/;

/** Near misses of the date/time format that can be repaired without guessing anything. */
const LOOSE_DATETIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?(Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)?$/;

/** Three numbers with one separator: 24/8/20, 12.31.2024, 2024/1/5. */
const NUMERIC_DATE = /^([0-9]{1,4})([/.-])([0-9]{1,2})\2([0-9]{1,4})$/;

/** What spreadsheets write for a date cell formatted as a number (days since 1899-12-30). */
const SERIAL_DAY = /^[0-9]{5}(?:\.[0-9]+)?$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Real time zones run from UTC-12:00 to UTC+14:00; anything outside is a typo, not a zone. */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE_FORMAT = 'yyyy-MM-dd';
const DATETIME_FORMAT = 'yyyy-MM-ddTHH:mm:ss±HH:mm';

/** Date: `yyyy-MM-dd` and a day that exists (2023-02-29 does not). */
export function checkDate(field: FieldMeta, value: string): ValueVerdict | null {
  const iso = ISO_DATE.exec(value);
  if (iso !== null) {
    const problem = calendarProblem(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return problem === null ? null : invalid(`${shown(value)} is not a real date: ${problem}.`);
  }
  const spaced = spacesAround(field, value, `a date written ${DATE_FORMAT}`);
  if (spaced !== null) {
    return spaced;
  }
  const withTime = /^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ][0-9]{1,2}:[0-9]{2}/.exec(value);
  if (withTime?.[1] !== undefined && checkDate(field, withTime[1]) === null) {
    return invalid(`${shown(value)} has a time of day; ${field.label} is a date field and takes ${DATE_FORMAT} only (write ${withTime[1]}).`);
  }
  return explainOtherShape(value, 'date', DATE_FORMAT, '2019-08-28');
}

/**
 * Date/time: `yyyy-MM-ddTHH:mm:ss±HH:mm` with a real day, a real time of day and a real
 * offset. `Z` is refused with a fix: the seed documents only the numeric offset.
 */
export function checkDateTime(field: FieldMeta, value: string): ValueVerdict | null {
  const m = ISO_DATETIME.exec(value);
  if (m !== null) {
    const problem =
      calendarProblem(Number(m[1]), Number(m[2]), Number(m[3])) ??
      clockProblem(Number(m[4]), Number(m[5]), Number(m[6])) ??
      offsetProblem(m[7] === '-' ? -1 : 1, Number(m[8]), Number(m[9]));
    return problem === null ? null : invalid(`${shown(value)} is not a real date/time: ${problem}.`);
  }
  const spaced = spacesAround(field, value, `a date/time written ${DATETIME_FORMAT}`);
  if (spaced !== null) {
    return spaced;
  }
  const loose = LOOSE_DATETIME.exec(value);
  if (loose !== null) {
    return repairable(value, loose);
  }
  if (ISO_DATE.test(value)) {
    return invalid(
      `${shown(value)} has no time: ${field.label} is a date/time field and takes ${DATETIME_FORMAT} (for example ${value}T09:00:00+00:00).`,
    );
  }
  // A date in another order, with or without a time: judge the date part.
  const datePart = value.split(/[Tt ]/)[0] ?? value;
  return explainOtherShape(value, 'date/time', DATETIME_FORMAT, '2019-08-28T09:30:00+05:30', datePart);
}

/** The one ISO reading of a near miss, or what stops it from being a real moment. */
function repairable(value: string, m: RegExpExecArray): ValueVerdict {
  const [, y = '', mo = '', d = '', hh = '', mm = '', ss = '00', zone] = m;
  const problem = calendarProblem(Number(y), Number(mo), Number(d)) ?? clockProblem(Number(hh), Number(mm), Number(ss));
  if (problem !== null) {
    return invalid(`${shown(value)} is not a real date/time: ${problem}.`);
  }
  if (zone === undefined) {
    return invalid(
      `${shown(value)} has no UTC offset; Zoho needs ${DATETIME_FORMAT} (for example ${y}-${mo}-${d}T${hh}:${mm}:${ss}+00:00) — ` +
        'declare the time zone with a date/time transform.',
    );
  }
  const utc = zone === 'Z' || zone === 'z';
  // `+05`, `+0530` and `+05:30` all name the same offset; Zoho wants the last form.
  const [, sign = '+', oh = '00', om = '00'] = utc ? [] : (/^([+-])([0-9]{2}):?([0-9]{2})?$/.exec(zone) ?? []);
  const offsetIssue = offsetProblem(sign === '-' ? -1 : 1, Number(oh), Number(om));
  if (offsetIssue !== null) {
    return invalid(`${shown(value)} is not a real date/time: ${offsetIssue}.`);
  }
  const offset = `${sign}${oh}:${om}`;
  const why = utc ? ' (Zoho wants the UTC offset as +00:00, not Z)' : '';
  return invalid(`${shown(value)} is not a date/time Zoho accepts${why}: write it as ${DATETIME_FORMAT} (${y}-${mo}-${d}T${hh}:${mm}:${ss}${offset}).`);
}

/**
 * A value that is not ISO at all. Numeric dates get every day/month/year reading that makes a
 * real date: exactly one reading with a four-digit year is a plain INVALID_DATA with the fix;
 * several readings, or a two-digit year, says so (the user must declare the order). Both are
 * INVALID_DATA, the code Zoho gives such a row.
 */
function explainOtherShape(value: string, kind: string, format: string, example: string, datePart = value): ValueVerdict {
  const parts = NUMERIC_DATE.exec(datePart);
  if (parts !== null) {
    const readings = readingsOf(parts[1] ?? '', parts[3] ?? '', parts[4] ?? '');
    const isDate = datePart === value && kind === 'date';
    if (readings.length === 0) {
      return invalid(`${shown(value)} is not a ${kind} Zoho accepts, and no order of day, month and year makes it a real date.`);
    }
    const [only] = readings;
    if (readings.length === 1 && only !== undefined && !only.twoDigitYear) {
      const fix = isDate ? `write it as ${format} (${only.iso})` : `write it as ${format} (the date is ${only.iso})`;
      return invalid(`${shown(value)} is not a ${kind} Zoho accepts: ${fix}; a date transform converts the whole column.`);
    }
    const twoDigit = readings.some((r) => r.twoDigitYear);
    const meanings =
      readings.length === 1 && only !== undefined
        ? `${only.iso} or the same day in another century`
        : `${readings.map((r) => r.iso).join(' or ')}${twoDigit ? ' (and a two-digit year could be in another century)' : ''}`;
    return invalid(
      `${shown(value)} is not a ${kind} Zoho accepts and could mean ${meanings}: Zoho takes ${format}; ` +
        "declare the column's day/month/year order with a date transform."
    );
  }
  if (SERIAL_DAY.test(value)) {
    const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000).toISOString().slice(0, 10);
    return invalid(
      `${shown(value)} looks like a spreadsheet's serial day number (in Excel it is ${day}), not a ${kind} Zoho accepts: ` +
        'declare the column as Excel serial days with a date transform.'
    );
  }
  return invalid(`${shown(value)} is not a ${kind} Zoho accepts: write it as ${format} (for example ${example}).`);
}

interface Reading {
  iso: string;
  twoDigitYear: boolean;
}

/** Every real date that `a/b/c` can be read as: day-month-year, month-day-year, year-month-day. */
function readingsOf(a: string, b: string, c: string): Reading[] {
  const candidates: { y: string; m: string; d: string }[] = [];
  if (a.length === 4) {
    // A four-digit first part is a year; nobody writes year-day-month.
    candidates.push({ y: a, m: b, d: c });
  } else {
    if (a.length <= 2 && (c.length === 2 || c.length === 4)) {
      candidates.push({ y: c, m: b, d: a }, { y: c, m: a, d: b });
    }
    if (a.length === 2 && c.length <= 2) {
      candidates.push({ y: a, m: b, d: c });
    }
  }
  const out: Reading[] = [];
  for (const { y, m, d } of candidates) {
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    if (d.length > 2 || calendarProblem(year, Number(m), Number(d)) !== null) {
      continue;
    }
    const iso = `${String(year).padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (!out.some((r) => r.iso === iso)) {
      out.push({ iso, twoDigitYear: y.length === 2 });
    }
  }
  return out;
}

/** Why year-month-day is not a day of the Gregorian calendar, or null when it is one. */
function calendarProblem(year: number, month: number, day: number): string | null {
  if (year === 0) {
    return 'there is no year 0000';
  }
  if (month < 1 || month > 12) {
    return `there is no month ${String(month).padStart(2, '0')}`;
  }
  const monthName = MONTHS[month - 1] ?? '';
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    if (month === 2 && day === 29) {
      return `${year} is not a leap year, so February has 28 days`;
    }
    return day < 1 ? 'there is no day 00' : `${monthName} has ${days} days`;
  }
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function clockProblem(hours: number, minutes: number, seconds: number): string | null {
  if (hours > 23) {
    return `there is no hour ${hours} (hours run 00-23)`;
  }
  if (minutes > 59 || seconds > 59) {
    return 'minutes and seconds run 00-59';
  }
  return null;
}

function offsetProblem(sign: number, hours: number, minutes: number): string | null {
  const total = sign * (hours * 60 + minutes);
  if (minutes > 59 || total < MIN_OFFSET_MINUTES || total > MAX_OFFSET_MINUTES) {
    return 'UTC offsets run from -12:00 to +14:00';
  }
  return null;
}
