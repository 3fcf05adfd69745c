/**
 * Dates and date-times in a declared order, to Zoho's `yyyy-MM-dd` and `yyyy-MM-ddTHH:mm:ss±HH:mm`.
 *
 * The order is declared per column and never guessed per cell: "03/04/2020" is 3 April under
 * dmy and 4 March under mdy. `detectDateOrder` tells the UI which orders a column allows.
 *
 * Decisions:
 * - Separators `/ - .`, spaces and commas; day and month with 1 or 2 digits.
 * - Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999 (a 1931 birth date written "31"
 *   becomes 2031; write four digits for those). Other year lengths are refused.
 * - English month names and abbreviations (Jan, January, Sept) anywhere in the date; a leading
 *   weekday ("Mon, ") and ordinal endings ("24th") are ignored.
 * - A value starting with a four-digit year ("2020-08-24", ISO 8601) is read year-month-day under
 *   every order: it cannot mean anything else, and Zoho-formatted values stay as they are.
 * - Order `ymd` also reads the compact form "20140102".
 * - Excel serials use the 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 (the 29 February 1900
 *   that Excel invents) is refused, 61 = 1900-03-01. The fraction is the time of day.
 * - A time is `H:mm`, `H:mm:ss` (fractions of a second dropped), with optional AM/PM, after a
 *   space, `T` or comma; `3 PM` works too. A date transform keeps the written date and drops the
 *   time. A datetime without a time gets 00:00:00.
 * - A value carrying its own offset (`Z`, `+05:30`, `UTC+2`) keeps it; otherwise the column's
 *   zone applies. A wall time the zone skipped (spring forward) is refused; one it repeated
 *   (fall back) takes the first occurrence.
 */
import type { DateOrder } from '../../../../shared/domain/batch';
import { formatOffset, parseFixedOffset, zoneOffsetFor, type WallTime } from './time-zone';
import { fail, ok, quote, type TransformResult } from './transform-result';

/** How each order is named in messages. */
export const DATE_ORDER_NAMES: Record<DateOrder, string> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
  excel: 'Excel serial day number',
};

interface Clock {
  hour: number;
  minute: number;
  second: number;
}

/** A date as read, with its time and its own offset when the value had them. */
interface ParsedDate {
  year: number;
  month: number;
  day: number;
  time: Clock | null;
  offset: number | null;
}

type Parse = ParsedDate | { error: string };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+/i;
const TIME_TAIL =
  /^(.*?)(?:[T\s]+|,\s*)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|(?=\s*[ap]\.?\s?m\b))\s*(?:([ap])\.?\s?m\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)?$/i;
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31
const MAX_DATE_LENGTH = 64;

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = MONTH_NAMES.findIndex((name) => name === w || name.slice(0, 3) === w || (w === 'sept' && name === 'september'));
  return index < 0 ? null : index + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checked(raw: string, orderName: string, y: string, m: number, d: string): Parse {
  if (y.length !== 2 && y.length !== 4) {
    return { error: `${quote(raw)} has a ${y.length}-digit year; write years with 4 digits (or 2)` };
  }
  if (d.length > 2) {
    return { error: `${quote(raw)} is not a date in ${orderName} order` };
  }
  const twoDigit = Number(y);
  const year = y.length === 4 ? twoDigit : twoDigit < 50 ? 2000 + twoDigit : 1900 + twoDigit;
  const day = Number(d);
  const base = `${quote(raw)} is not a real date in ${orderName} order`;
  if (year < 1000) {
    return { error: `${base}: the year ${y} is too early` };
  }
  if (m < 1 || m > 12) {
    return { error: `${base}: there is no month ${m}` };
  }
  const last = daysInMonth(year, m);
  if (day < 1 || day > last) {
    const monthName = MONTH_NAMES[m - 1] as string;
    return { error: `${base}: ${monthName[0]?.toUpperCase()}${monthName.slice(1)} ${year} has ${last} days` };
  }
  return { year, month: m, day, time: null, offset: null };
}

function readDate(text: string, raw: string, order: DateOrder): Parse {
  const cleaned = text.replace(WEEKDAY, '').replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1').trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cleaned) ?? (order === 'ymd' ? /^(\d{4})(\d{2})(\d{2})$/.exec(cleaned) : null);
  if (iso) {
    return checked(raw, DATE_ORDER_NAMES.ymd, iso[1] as string, Number(iso[2]), iso[3] as string);
  }
  const orderName = DATE_ORDER_NAMES[order];
  if (order === 'excel') {
    return { error: `${quote(raw)} is not an Excel serial day number (a whole number such as 45292)` };
  }
  const tokens = cleaned.split(/[\s/.,-]+/).filter((t) => t !== '');
  const words = tokens.filter((t) => !/^\d+$/.test(t));
  if (tokens.length !== 3 || words.length > 1) {
    return { error: `${quote(raw)} is not a date in ${orderName} order` };
  }
  const [a, b, c] = tokens as [string, string, string];
  if (words.length === 1) {
    const month = monthNumber(words[0] as string);
    if (month === null) {
      return { error: `${quote(raw)} is not a date: ${quote(words[0] as string)} is not a month name` };
    }
    const [n1, n2] = tokens.filter((t) => /^\d+$/.test(t)) as [string, string];
    // With the month spelled out, a 4-digit number is the year wherever it stands.
    const yearFirst = n1.length === 4 ? true : n2.length === 4 ? false : order === 'ymd';
    return checked(raw, orderName, yearFirst ? n1 : n2, month, yearFirst ? n2 : n1);
  }
  if ((order === 'mdy' ? a : b).length > 2) {
    return { error: `${quote(raw)} is not a date in ${orderName} order` };
  }
  if (order === 'dmy') {
    return checked(raw, orderName, c, Number(b), a);
  }
  if (order === 'mdy') {
    return checked(raw, orderName, c, Number(a), b);
  }
  return checked(raw, orderName, a, Number(b), c);
}

function fromSerial(text: string, raw: string): Parse {
  const [whole, fraction = ''] = text.split(/[.,]/) as [string, string?];
  const serial = Number(whole);
  if (serial < 1 || serial > MAX_SERIAL) {
    return { error: `${quote(raw)} is outside the Excel date range (serial days 1 to ${MAX_SERIAL})` };
  }
  if (serial === 60) {
    return { error: `${quote(raw)} is Excel's 29 February 1900, a day that never existed (a known spreadsheet bug)` };
  }
  let seconds = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 86_400);
  const carry = seconds >= 86_400 ? 1 : 0;
  seconds -= carry * 86_400;
  // Past serial 60 Excel counts its invented leap day, so the epoch moves back by one.
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + (serial + carry) * DAY_MS);
  const time = fraction === '' ? null : { hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), time, offset: null };
}

function parseDateValue(raw: string, order: DateOrder): Parse {
  const text = raw.trim();
  // Also keeps the backtracking time pattern away from long free text pasted into a date column.
  if (text.length > MAX_DATE_LENGTH) {
    return { error: `${quote(raw)} is too long to be a date` };
  }
  if (order === 'excel' && /^\d+(?:[.,]\d+)?$/.test(text)) {
    return fromSerial(text, raw);
  }
  const m = TIME_TAIL.exec(text);
  if (!m || (m[1] as string).trim() === '') {
    return readDate(text, raw, order);
  }
  const date = readDate(m[1] as string, raw, order);
  if ('error' in date) {
    return date;
  }
  let hour = Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const meridiem = m[5]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) {
      return { error: `${quote(raw)} has an hour (${hour}) that does not go with AM/PM` };
    }
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { error: `${quote(raw)} has a time that does not exist` };
  }
  const offset = m[6] === undefined ? null : parseFixedOffset(m[6]);
  if (m[6] !== undefined && offset === null) {
    return { error: `${quote(raw)} has an offset beyond ±14:00` };
  }
  return { ...date, time: { hour, minute, second }, offset };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatDate(p: ParsedDate): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** A date in the declared order as `yyyy-MM-dd`; any time in the value is dropped. */
export function toDate(value: string, order: DateOrder): TransformResult {
  if (value.trim() === '') {
    return ok('');
  }
  const p = parseDateValue(value, order);
  return 'error' in p ? fail(p.error) : ok(formatDate(p));
}

/** A date and time in the declared order and zone (fixed offset or IANA name) as `yyyy-MM-ddTHH:mm:ss±HH:mm`. */
export function toDateTime(value: string, order: DateOrder, timeZone: string): TransformResult {
  if (value.trim() === '') {
    return ok('');
  }
  const p = parseDateValue(value, order);
  if ('error' in p) {
    return fail(p.error);
  }
  const time = p.time ?? { hour: 0, minute: 0, second: 0 };
  let offset = p.offset ?? parseFixedOffset(timeZone);
  if (offset === null) {
    const wall: WallTime = { year: p.year, month: p.month, day: p.day, ...time };
    const zoned = zoneOffsetFor(wall, timeZone);
    if (zoned === null) {
      return fail(`${quote(timeZone)} is not a time zone; use a name such as Europe/London or an offset such as +05:30`);
    }
    if (zoned === 'gap') {
      return fail(`${quote(value)} never happened in ${timeZone}: the clocks went forward past it`);
    }
    offset = zoned;
  }
  return ok(`${formatDate(p)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${formatOffset(offset)}`);
}

/** What `detectDateOrder` found: the orders that read every value, and whether they disagree. */
export interface DateOrderDetection {
  orders: DateOrder[];
  ambiguous: boolean;
  reason: string;
}

const ALL_ORDERS: DateOrder[] = ['dmy', 'mdy', 'ymd', 'excel'];

/**
 * The orders that read every non-empty sample, and whether the column is ambiguous: two of those
 * orders give a different date for some value ("03/04/2020"; also "24/8/20", which is
 * 2020-08-24 as day/month/year and 2024-08-20 as year/month/day).
 */
export function detectDateOrder(samples: string[]): DateOrderDetection {
  const values = samples.filter((s) => s.trim() !== '');
  if (values.length === 0) {
    return { orders: [...ALL_ORDERS], ambiguous: false, reason: 'The column has no values to judge by.' };
  }
  const readings = new Map<DateOrder, string[]>();
  const failures = new Map<DateOrder, string>();
  for (const order of ALL_ORDERS) {
    const out: string[] = [];
    for (const v of values) {
      const p = parseDateValue(v, order);
      if ('error' in p) {
        failures.set(order, v);
        break;
      }
      out.push(formatDate(p));
    }
    if (!failures.has(order)) {
      readings.set(order, out);
    }
  }
  const orders = [...readings.keys()];
  if (orders.length === 0) {
    const detail = ALL_ORDERS.map((o) => `${DATE_ORDER_NAMES[o]} fails on ${quote(failures.get(o) ?? '')}`).join('; ');
    return { orders, ambiguous: false, reason: `No single order reads every value (${detail}).` };
  }
  for (let i = 0; i < orders.length; i += 1) {
    for (let j = i + 1; j < orders.length; j += 1) {
      const a = orders[i] as DateOrder;
      const b = orders[j] as DateOrder;
      const ra = readings.get(a) as string[];
      const rb = readings.get(b) as string[];
      const k = ra.findIndex((r, n) => r !== rb[n]);
      if (k >= 0) {
        const reason = `${quote(values[k] as string)} reads as ${ra[k]} in ${DATE_ORDER_NAMES[a]} order but as ${rb[k]} in ${DATE_ORDER_NAMES[b]} order, and no value in the column settles which is meant.`;
        return { orders, ambiguous: true, reason };
      }
    }
  }
  const names = orders.map((o) => DATE_ORDER_NAMES[o]).join(', ');
  const reason = orders.length === 1 ? `Only ${names} order reads every value.` : `Every value reads the same in ${names} order.`;
  return { orders, ambiguous: false, reason };
}
