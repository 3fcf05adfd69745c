/**
 * Value rules for free text and picklists (ZOHO-SPEC §1.6; seed S3 "Input format for each
 * data type"): single line, multi-line, picklist and multi-select picklist.
 */
import type { FieldMeta } from '../domain/field-meta';
import { checkLength, limitOf, shown, warning, type ValueVerdict } from './verdict';

/** Zoho's single-line limit (seed: "Accepts up to 255 characters"). */
export const TEXT_MAX = 255;

/** Multi-line limits per `textarea.type`; rich text is from the v7 Fields docs, not the seed. */
export const TEXTAREA_MAX: Readonly<Record<string, number>> = { small: 2000, large: 32000, rich_text: 50000 };

const TEXTAREA_SMALL = 2000;

/** Single line: any characters, at most the field's length (255 by default). */
export function checkText(field: FieldMeta, value: string): ValueVerdict | null {
  return checkLength(field, value, limitOf(field, TEXT_MAX));
}

/**
 * Multi-line: the field's length when the metadata has one, else the size class. A field
 * without either is treated as `small`, Zoho's default when a multi-line field is created, so
 * we never promise more room than the field may have.
 */
export function checkTextarea(field: FieldMeta, value: string): ValueVerdict | null {
  const byType = (field.textareaType !== null ? TEXTAREA_MAX[field.textareaType] : undefined) ?? TEXTAREA_SMALL;
  return checkLength(field, value, limitOf(field, byType));
}

/**
 * Picklist: any text goes, because Bulk Write adds an unknown value to the list (seed: "If you
 * give a new one, it is automatically added"). That is a warning, since it changes the org's
 * picklist. A field without a known list (null or empty) accepts anything silently.
 */
export function checkPicklist(field: FieldMeta, value: string): ValueVerdict | null {
  const tooLong = ownLength(field, value);
  if (tooLong !== null) {
    return tooLong;
  }
  const known = field.picklist;
  if (known === null || known.length === 0 || known.includes(value)) {
    return null;
  }
  return warning('NEW_PICKLIST_VALUE', `${shown(value)} is not in the ${field.label} picklist${didYouMean(known, value)}; Zoho will add it to the list.`);
}

/**
 * Multi-select picklist: values separated by `;` (seed), each trimmed, empties ignored. All
 * unknown values of one cell go into one warning so a row shows one issue per field.
 */
export function checkMultiselect(field: FieldMeta, value: string): ValueVerdict | null {
  // The length applies to the cell as Zoho stores it (metadata gives 2000 for the whole field).
  const tooLong = ownLength(field, value);
  if (tooLong !== null) {
    return tooLong;
  }
  const known = field.picklist;
  if (known === null || known.length === 0) {
    return null;
  }
  const unknown: string[] = [];
  for (const part of value.split(';')) {
    const item = part.trim();
    if (item !== '' && !known.includes(item) && !unknown.includes(item)) {
      unknown.push(item);
    }
  }
  if (unknown.length === 0) {
    return null;
  }
  const list = unknown.map(shown).join(', ');
  const verb = unknown.length === 1 ? 'is' : 'are';
  return warning('NEW_PICKLIST_VALUE', `${list} ${verb} not in the ${field.label} picklist; Zoho will add ${unknown.length === 1 ? 'it' : 'them'} to the list.`);
}

/**
 * Picklists have no documented default limit, so only a length the metadata states is
 * checked: a new value longer than the field would be refused rather than added.
 */
function ownLength(field: FieldMeta, value: string): ValueVerdict | null {
  return field.length !== null && field.length > 0 ? checkLength(field, value, field.length) : null;
}

/** Names the list value that differs only in letter case or spacing, the usual near miss. */
function didYouMean(known: readonly string[], value: string): string {
  const key = value.trim().toLowerCase();
  const near = known.find((k) => k.toLowerCase() === key);
  return near === undefined ? '' : ` (did you mean ${shown(near)}?)`;
}
