/**
 * Value rules for email, phone and website fields: Zoho's own patterns (ZOHO-SPEC §1.6, taken
 * from the v7 insert-records docs), rewritten so that no input can make them backtrack for
 * long. Every pattern here runs in time linear in the value's length.
 */
import type { FieldMeta } from '../domain/field-meta';
import { checkLength, invalid, limitOf, shown, spacesAround, type ValueVerdict } from './verdict';

/** Email fields come with `length: 100` in Zoho's metadata; used when ours has none. */
export const EMAIL_MAX = 100;

/** Seed: "Accepts up to 30 characters", unless the field says otherwise. */
export const PHONE_MAX = 30;

/** Website fields come with `length: 255` in Zoho's metadata. */
export const WEBSITE_MAX = 255;

/**
 * Zoho's email pattern with the domain part restated. Zoho writes a label as
 * `X+([-_]*X)*`, where `[-_]*` may be empty, so a run of letters can be split between the
 * two loops in many ways, all of them tried when the match fails. `X+([-_]+X+)*` is the same set
 * of labels (letters/digits/marks, with `-` or `_` runs only between them) with one way to
 * match each. The local part and the 4-256 character domain look-ahead are Zoho's.
 */
const EMAIL =
  /^[+\-\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~.]*@(?=.{4,256}$)(?:[\p{L}\p{M}\p{N}]+(?:[-_]+[\p{L}\p{M}\p{N}]+)*\.)+[\p{L}\p{M}]{2,22}$/u;

/**
 * Zoho's phone pattern without its atomic groups (JavaScript has none). Merely turning them into
 * `(?:…)` is not an option: that version ran for over 20 seconds on `11111111111111!`
 * (nested loops over the same digits). This one is derived from what Zoho's version accepts, which reads:
 * an optional `+`, then runs of letters/digits separated by `.`, `-`, a space, `. `, `- ` or
 * two spaces (up to two spaces may also lead), then optional extension parts introduced by
 * `,` or `;`, after them optional `#` parts, then an optional final `#` or `;`. Letters are allowed
 * (vanity numbers, `x123` extensions); brackets are not. Every separator here is non-empty
 * and contains no letter or digit, so each run is matched one way only: linear time.
 */
const PHONE = /^\+? {0,2}[0-9A-Za-z]+(?:(?:[.-] ?| {1,2})[0-9A-Za-z]+)*(?:(?:(?:,+;?|;)[0-9A-Za-z]+)+(?:#[0-9A-Za-z]+)*)?[#;]?$/;

/**
 * The one shape the pattern above accepts and Zoho's atomic version refuses: after two
 * spaces, runs joined only by `.` and then `. ` (e.g. `555  12.34. 56`). Zoho's second
 * alternative claims that stretch and its `(?![.])` then fails with no way back. The pair was
 * checked against the original in an engine with atomic groups (Python 3.11 `re`): same
 * answer for every separator sequence of up to 7 runs and for 2 million random strings. Also
 * linear, since a run holds no space.
 */
const PHONE_ATOMIC_QUIRK = / {2}[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*\. /;

/**
 * Our restatement of Zoho's URL pattern: optional `http://`, `https://` or `ftp://`, optional
 * `www.`, a host of at least two dot-separated labels (a bare domain such as `example.com` is
 * fine), then an optional path or query starting with `/` or `?`. The label character sets are
 * Zoho's (the first label's set differs from the others', as in Zoho's; control characters in
 * the host are refused), with two deliberate refusals Zoho does not make: white space in the
 * host (`www.acme .com`) and a label starting with `?` (`example.?`). Ending labels at `?` is
 * also what keeps the query matched one way only; no label holds `.`, `/` or `?`, so the match
 * is linear. On a million random strings it agrees with Zoho's pattern apart from those two
 * refusals, and it is never more lenient.
 */
const WEBSITE =
  /^(?:(?:https?|ftp):\/\/)?(?:www\.)?[^\s\p{Cc}"#$%&'*+,./:;<=>?[\\\]^`{}~]+(?:\.[^\s\p{Cc}"$%&'()*+,./<=>?@[\\\]^`{}~]+)+(?:[/?].*)?$/u;

/** Email: Zoho's pattern and the field's length (100 by default). */
export function checkEmail(field: FieldMeta, value: string): ValueVerdict | null {
  const spaced = spacesAround(field, value, 'an email address');
  if (spaced !== null) {
    return spaced;
  }
  const tooLong = checkLength(field, value, limitOf(field, EMAIL_MAX));
  if (tooLong !== null) {
    return tooLong;
  }
  if (EMAIL.test(value)) {
    return null;
  }
  return invalid(`${shown(value)} is not an email address Zoho accepts: ${emailProblem(value)}.`);
}

/** Phone: at most 30 characters (or the field's length) and Zoho's pattern. */
export function checkPhone(field: FieldMeta, value: string): ValueVerdict | null {
  const tooLong = checkLength(field, value, limitOf(field, PHONE_MAX));
  if (tooLong !== null) {
    return tooLong;
  }
  if (PHONE.test(value) && !PHONE_ATOMIC_QUIRK.test(value)) {
    return null;
  }
  return invalid(`${shown(value)} is not a phone number Zoho accepts: ${phoneProblem(value)}.`);
}

/** Website: a URL as Zoho's pattern has it, at most 255 characters (or the field's length). */
export function checkWebsite(field: FieldMeta, value: string): ValueVerdict | null {
  const spaced = spacesAround(field, value, 'a web address');
  if (spaced !== null) {
    return spaced;
  }
  const tooLong = checkLength(field, value, limitOf(field, WEBSITE_MAX));
  if (tooLong !== null) {
    return tooLong;
  }
  if (WEBSITE.test(value)) {
    return null;
  }
  return invalid(
    `${shown(value)} is not a web address Zoho accepts: write a domain with at least one dot, optionally after http://, https:// ` +
      `or ftp:// and followed by a path (https://www.example.com/page).`,
  );
}

function emailProblem(value: string): string {
  const at = value.split('@').length - 1;
  if (at !== 1) {
    return at === 0 ? 'it has no “@”' : 'it has more than one “@”';
  }
  if (/\s/u.test(value)) {
    return 'it contains a space';
  }
  return 'write it as name@domain.tld (letters, digits and . _ - in the domain, a top-level domain of 2-22 letters)';
}

function phoneProblem(value: string): string {
  if (/^-[0-9]+$/.test(value)) {
    return 'it looks like a spreadsheet read the phone as a sum (+1-532-344-1362 becomes -2237); take the phone from the original file';
  }
  if (/[()]/.test(value)) {
    return 'Zoho does not take brackets (write (599)782-0605 as 599-782-0605); a phone transform turns the whole column into digits';
  }
  if (value !== value.trim()) {
    return 'it has spaces before or after it; add a trim transform';
  }
  return 'use digits (letters allowed), an optional leading +, and single . - or space separators; extensions after , ; or #';
}
