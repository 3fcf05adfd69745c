/**
 * Phone numbers to digits and a leading `+` (Zoho's phone format), optionally E.164.
 *
 * Decisions:
 * - Extensions written as `x12`, `ext. 12`, `extension 12`, `#12` or `;ext=12` at the end are
 *   dropped: the number stays dialable, and the phone field takes no extension in Zoho's
 *   digits-and-plus form. `splitPhoneExtension` exposes what is dropped so the caller can warn or
 *   map it to another field.
 * - Spaces, dots, dashes, slashes and brackets are layout and go. Letters (other than the
 *   extension marker) are refused: "call after 5" or "n/a" is not a number, and vanity numbers
 *   (1-800-FLOWERS) would be guessed.
 * - A leading minus is refused: it is what a spreadsheet leaves after evaluating
 *   "+1-539-402-0259" as a sum (-1199). Scientific notation (4.47E+11) is refused: digits are lost.
 * - "(0)" after a country code ("+44 (0) 20 …") is the domestic trunk prefix and is removed.
 * - Without E.164 nothing else changes: "00 44 …" stays "0044…", a national number stays national.
 * - With E.164: "+" numbers keep their code; "00" (and the default country's own international
 *   prefix, e.g. 011 in North America) becomes "+"; a national number gets the default country's
 *   calling code after its trunk prefix (0 in most countries, 1 in North America, 8 in Russia,
 *   06 in Hungary) is removed. Italy and the countries listed without a trunk prefix keep their
 *   leading 0, which is part of the number there. E.164 allows 7 to 15 digits in all.
 * - Where the default country's numbers have a fixed length (North America 10, Russia and
 *   Kazakhstan 10), a number of exactly that length is national even if it starts with 00.
 * - Numbers with country code 1 are checked against the North American plan (10 digits, area
 *   code and exchange starting 2–9); other countries' numbering plans are not checked.
 */
import { fail, ok, quote, type TransformResult } from './transform-result';

/** Calling code, trunk prefix (null: none, or the 0 belongs to the number), other international prefix, fixed national length. */
type Dialing = readonly [code: string, trunk: string | null, intl?: string, nationalLength?: number];

const NANP: Dialing = ['1', '1', '011', 10];
const RU: Dialing = ['7', '8', '810', 10];

/** ITU calling codes by ISO 3166 alpha-2 code. */
export const CALLING_CODES: Readonly<Record<string, Dialing>> = {
  // North America (NANP), Russia and Kazakhstan share one plan each.
  US: NANP, CA: NANP, PR: NANP, DO: NANP, JM: NANP, TT: NANP, BS: NANP, BB: NANP, RU, KZ: RU,
  // Europe
  GB: ['44', '0'], IE: ['353', '0'], DE: ['49', '0'], FR: ['33', '0'], IT: ['39', null], ES: ['34', null],
  PT: ['351', null], NL: ['31', '0'], BE: ['32', '0'], LU: ['352', null], CH: ['41', '0'], AT: ['43', '0'],
  DK: ['45', null], NO: ['47', null], SE: ['46', '0'], FI: ['358', '0'], IS: ['354', null], PL: ['48', null],
  CZ: ['420', null], SK: ['421', '0'], HU: ['36', '06'], RO: ['40', '0'], BG: ['359', '0'], GR: ['30', null],
  HR: ['385', '0'], SI: ['386', '0'], RS: ['381', '0'], UA: ['380', '0'], TR: ['90', '0'], CY: ['357', null],
  MT: ['356', null], EE: ['372', null], LV: ['371', null], MC: ['377', '0'],
  // Middle East and Africa
  IL: ['972', '0'], AE: ['971', '0'], SA: ['966', '0'], QA: ['974', null], KW: ['965', null], BH: ['973', null],
  OM: ['968', null], JO: ['962', '0'], LB: ['961', '0'], EG: ['20', '0'], MA: ['212', '0'], DZ: ['213', '0'],
  TN: ['216', null], NG: ['234', '0', '009'], KE: ['254', '0', '000'], GH: ['233', '0'], ZA: ['27', '0'],
  ET: ['251', '0'], TZ: ['255', '0'], UG: ['256', '0'],
  // Asia and Oceania
  IN: ['91', '0'], PK: ['92', '0'], BD: ['880', '0'], LK: ['94', '0'], NP: ['977', '0'], CN: ['86', '0'],
  HK: ['852', null], MO: ['853', null], TW: ['886', '0'], JP: ['81', '0', '010'], KR: ['82', '0'], SG: ['65', null],
  MY: ['60', '0'], TH: ['66', '0'], VN: ['84', '0'], PH: ['63', '0'], ID: ['62', '0'], AU: ['61', '0', '0011'],
  NZ: ['64', '0'],
  // Latin America
  MX: ['52', null], BR: ['55', '0'], AR: ['54', '0'], CL: ['56', null], CO: ['57', null], PE: ['51', '0'],
  VE: ['58', '0'], EC: ['593', '0'], UY: ['598', '0'], CR: ['506', null], PA: ['507', null], GT: ['502', null],
};

const EXTENSION = /^(.*?)[\s,;]*(?:x|ext|extn|extension|#)\.?\s*[:.=]?\s*(\d{1,10})\s*$/i;

/** The number and its trailing extension ("(555) 010-0199 ext. 12" → "(555) 010-0199", "12"). */
export function splitPhoneExtension(value: string): { number: string; extension: string | null } {
  const text = value.trim();
  const m = EXTENSION.exec(text);
  if (!m || !/\d/.test(m[1] as string)) {
    return { number: text, extension: null };
  }
  return { number: (m[1] as string).trim(), extension: m[2] as string };
}

type Digits = { plus: boolean; digits: string } | { error: string };

function readDigits(raw: string): Digits {
  let text = splitPhoneExtension(raw).number;
  if (/^[-−]/.test(text)) {
    return { error: `${quote(raw)} starts with a minus: a spreadsheet has probably evaluated the number as a sum, so the digits are lost; take it from the original file` };
  }
  if (/^\+?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(text)) {
    return { error: `${quote(raw)} is in scientific notation: a spreadsheet has rounded the number, so digits are lost` };
  }
  if (/\p{L}/u.test(text)) {
    return { error: `${quote(raw)} contains letters; a phone number has only digits, spaces and ( ) . - /` };
  }
  const plus = text.startsWith('+');
  if (plus || text.startsWith('00')) {
    text = text.replace(/\(\s*0\s*\)/g, '');
  }
  const body = plus ? text.slice(1) : text;
  const stray = /[^\d\s().\-/]/u.exec(body);
  if (stray) {
    return { error: `${quote(raw)} has a ${quote(stray[0])} that does not belong in a phone number` };
  }
  const digits = body.replace(/\D/g, '');
  if (digits.length < 3) {
    return { error: `${quote(raw)} is too short to be a phone number` };
  }
  return { plus, digits };
}

/** E.164 limits, plus North America's fixed plan, the one country code a reader can check offline. */
function checkInternational(raw: string, digits: string): TransformResult {
  if (digits.length < 7 || digits.length > 15) {
    return fail(`${quote(raw)} has ${digits.length} digits with its country code; a full international number has 7 to 15`);
  }
  if (digits.startsWith('1')) {
    const nanp = digits.slice(1);
    if (nanp.length !== 10) {
      return fail(`${quote(raw)} has ${nanp.length} digits after the country code 1; North American numbers have 10 (area code and number)`);
    }
    if (!/^[2-9]\d{2}[2-9]/.test(nanp)) {
      return fail(`${quote(raw)} is not a valid North American number: area code ${nanp.slice(0, 3)} and exchange ${nanp.slice(3, 6)} must not start with 0 or 1`);
    }
  }
  return ok(`+${digits}`);
}

function toE164(raw: string, plus: boolean, digits: string, country: string | null): TransformResult {
  const dialing = country === null ? undefined : CALLING_CODES[country.trim().toUpperCase()];
  if (country !== null && dialing === undefined) {
    return fail(`No calling code is known for the country ${quote(country)}; use a two-letter code such as GB or US`);
  }
  if (plus) {
    return checkInternational(raw, digits);
  }
  const [code, trunk, intl, nationalLength] = dialing ?? [];
  // Where numbers have a fixed length, one of exactly that length is national even if it starts
  // with 00 ("006-051-5517" is a malformed US number, not a call to Malaysia).
  const national = nationalLength !== undefined && (digits.length === nationalLength || (trunk !== null && trunk !== undefined && digits.length === nationalLength + trunk.length && digits.startsWith(trunk)));
  if (!national && intl !== undefined && digits.startsWith(intl)) {
    return checkInternational(raw, digits.slice(intl.length));
  }
  if (!national && digits.startsWith('00')) {
    return checkInternational(raw, digits.slice(2));
  }
  if (code === undefined) {
    return fail(`${quote(raw)} has no country code (+…) and the column has no default country`);
  }
  let rest = digits;
  // Where numbers have a fixed length the trunk digit can also begin a number (Russian 800 numbers).
  if (trunk !== null && trunk !== undefined && rest.startsWith(trunk) && (nationalLength === undefined || rest.length === nationalLength + trunk.length)) {
    rest = rest.slice(trunk.length);
  }
  const where = `a number in ${country?.trim().toUpperCase()}`;
  if (nationalLength !== undefined && rest.length !== nationalLength) {
    return fail(`${quote(raw)} has ${rest.length} digits; ${where} has ${nationalLength} (area code and number)`);
  }
  if (rest.length < 4) {
    return fail(`${quote(raw)} has ${rest.length} digits, too few for ${where}`);
  }
  return checkInternational(raw, code + rest);
}

/** A phone number as digits with a leading `+` when it has one; E.164 (`+` and country code) when asked. */
export function toPhone(value: string, e164: boolean, defaultCountry: string | null): TransformResult {
  if (value.trim() === '') {
    return ok('');
  }
  const read = readDigits(value);
  if ('error' in read) {
    return fail(read.error);
  }
  if (!e164) {
    return ok((read.plus ? '+' : '') + read.digits);
  }
  return toE164(value, read.plus, read.digits, defaultCountry);
}
