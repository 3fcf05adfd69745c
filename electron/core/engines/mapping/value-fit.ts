/**
 * Do a column's values fit a field's type? Measured on the preview's sample values, so a
 * header that names a field whose values could never go there is offered with a reason
 * instead of being mapped silently (pure).
 *
 * "Fit" is generous on purpose: anything a declared transform could turn into the field's
 * form fits (a date in any order the date transform reads, a number with either decimal
 * separator, yes/no words for a checkbox). Text, picklists and record lookups take anything.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { isUserField, isUserId } from '../../../../shared/domain/user-fields';
import { checkEmail, checkWebsite } from '../../../../shared/validation/contact-values';
import { toBoolean, toDate, toNumber, toPhone } from '../transform';

export type FitKind = 'email' | 'date' | 'number' | 'boolean' | 'phone' | 'url' | 'user';

/** How many of a column's sample values fit a field. */
export interface ValueFit {
  kind: FitKind;
  checked: number;
  fitting: number;
}

const KIND_OF_TYPE: Readonly<Record<string, FitKind>> = {
  email: 'email',
  date: 'date',
  datetime: 'date',
  integer: 'number',
  bigint: 'number',
  currency: 'number',
  double: 'number',
  percent: 'number',
  boolean: 'boolean',
  phone: 'phone',
  website: 'url',
};

/** Kinds distinctive enough that values alone can confirm a weak header match. */
export const DISTINCTIVE_KINDS: ReadonlySet<FitKind> = new Set(['email', 'date', 'url', 'boolean']);

const NOUN: Readonly<Record<FitKind, [string, string]>> = {
  email: ['an email address', 'email addresses'],
  date: ['a date', 'dates'],
  number: ['a number', 'numbers'],
  boolean: ['a yes/no value', 'yes/no values'],
  phone: ['a phone number', 'phone numbers'],
  url: ['a web address', 'web addresses'],
  user: ['a user id, email or person’s name', 'user ids, emails or person’s names'],
};

/** Letters, marks, apostrophes, dots and hyphens in one to five words: what a person's name looks like. */
const PERSON_NAME = /^[\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]+){0,4}$/u;

/** What a field's values must look like, or null when it takes any text. */
export function fitKindOf(field: Pick<FieldMeta, 'dataType'>): FitKind | null {
  if (isUserField(field)) return 'user';
  return KIND_OF_TYPE[field.dataType] ?? null;
}

/** True when `value` (non-empty) could become a value of `kind`. */
export function fitsKind(kind: FitKind, value: string, field: FieldMeta): boolean {
  const v = value.trim();
  switch (kind) {
    case 'email':
      return checkEmail({ ...field, length: null }, v) === null;
    case 'date':
      return (['ymd', 'dmy', 'mdy'] as const).some((order) => toDate(v, order).ok);
    case 'number': {
      const n = v.replace(/\s*%$/, '');
      return toNumber(n, '.').ok || toNumber(n, ',').ok;
    }
    case 'boolean':
      return toBoolean(v).ok;
    case 'phone':
      return toPhone(v, false, null).ok && (v.match(/\d/g)?.length ?? 0) >= 5;
    case 'url':
      return checkWebsite({ ...field, length: null }, v) === null;
    case 'user':
      return isUserId(v) || checkEmail({ ...field, length: null }, v) === null || PERSON_NAME.test(v.replace(/\s+/g, ' '));
  }
}

/** How many of the non-empty `values` fit `field`, or null when the field takes anything. */
export function measureFit(field: FieldMeta, values: readonly string[]): ValueFit | null {
  const kind = fitKindOf(field);
  if (kind === null) return null;
  let checked = 0;
  let fitting = 0;
  for (const value of values) {
    if (value.trim() === '') continue;
    checked += 1;
    if (fitsKind(kind, value, field)) fitting += 1;
  }
  return checked === 0 ? null : { kind, checked, fitting };
}

/** True when the values mostly cannot go into the field: the header match is doubtful. */
export function isDoubtful(fit: ValueFit): boolean {
  return fit.fitting === 0 || (fit.checked >= 3 && fit.fitting / fit.checked < 0.5);
}

/** True when nearly every value fits (enough of them to say so). */
export function isStrongFit(fit: ValueFit): boolean {
  return fit.checked >= 3 && fit.fitting / fit.checked >= 0.9;
}

/** The reason shown beside a doubtful suggestion ("Only 2 of 20 sample values are dates"). */
export function cautionText(fit: ValueFit): string {
  const [one, many] = NOUN[fit.kind];
  if (fit.fitting === 0) {
    return fit.checked === 1 ? `The sample value is not ${one}.` : `None of the ${fit.checked} sample values is ${one}.`;
  }
  return `Only ${fit.fitting} of ${fit.checked} sample values ${fit.fitting === 1 ? `is ${one}` : `are ${many}`}.`;
}
