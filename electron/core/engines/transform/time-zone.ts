/**
 * UTC offsets for wall-clock times: fixed offsets, and IANA zones through `Intl.DateTimeFormat`
 * (the runtime's time zone data; no clock is read, so results depend only on the input).
 */

/** A date and time as written, with no zone attached. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_OFFSET_MINUTES = 14 * 60;

/** The wall time read as if it were UTC, in epoch milliseconds (`Date.UTC` would remap years below 100). */
export function wallToUtcMs(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

const FIXED_OFFSET = /^(?:Z|UTC|GMT|(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?)$/i;

/** Minutes east of UTC for `Z`, `UTC`, `GMT`, `+05:30`, `-0800`, `+05`, `UTC+2`; null for anything else. */
export function parseFixedOffset(text: string): number | null {
  const m = FIXED_OFFSET.exec(text.trim());
  if (!m) {
    return null;
  }
  if (m[1] === undefined) {
    return 0;
  }
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
    return null;
  }
  return m[1] === '-' && total !== 0 ? -total : total;
}

/** `+05:30`, `-08:00`, `+00:00` (Zoho's datetime offset form; never `Z`). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Building a formatter is the slow part, and a column uses one zone for every cell.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return formatters.get(zone) ?? null;
}

/** True when the runtime knows this IANA zone name (e.g. `Europe/London`). */
export function isKnownTimeZone(zone: string): boolean {
  return zone.trim() !== '' && formatterFor(zone.trim()) !== null;
}

function offsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const parts = f.formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall: WallTime = {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    // Some ICU versions print midnight as 24 even with h23.
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
  return Math.round((wallToUtcMs(wall) - utcMs) / MINUTE_MS);
}

/**
 * The offset (minutes east of UTC) that the zone had at this wall time; `'gap'` when the wall
 * time never happened there (clocks went forward over it); null for an unknown zone. When the
 * wall time happened twice (clocks went back), the first one wins, as in most calendar apps.
 */
export function zoneOffsetFor(wall: WallTime, zone: string): number | 'gap' | null {
  const f = formatterFor(zone.trim());
  if (f === null) {
    return null;
  }
  const t0 = wallToUtcMs(wall);
  // Offsets in force a day either side cover every real transition (none come closer together).
  const candidates = new Set([offsetAt(f, t0 - DAY_MS), offsetAt(f, t0), offsetAt(f, t0 + DAY_MS)]);
  let best: number | null = null;
  for (const offset of candidates) {
    // A candidate is right when the instant it implies shows this very wall time in the zone.
    if (offsetAt(f, t0 - offset * MINUTE_MS) === offset && (best === null || offset > best)) {
      best = offset;
    }
  }
  return best ?? 'gap';
}
