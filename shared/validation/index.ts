/**
 * Validation rules shared by the core and the renderer: per value (Bulk Write data-type rules),
 * per row (mandatory fields) and per batch (duplicates in unique fields).
 */
export { checkValue, READ_ONLY_TYPES, valueRuleFor } from './value-rules';
export { RowRules, type RowSlot } from './row-rules';
export { UniqueTracker, type UniqueEntry } from './unique-tracker';
export { codePointLength, type ValueVerdict } from './verdict';
export { EMAIL_MAX, PHONE_MAX, WEBSITE_MAX } from './contact-values';
export { MAX_DECIMALS, MAX_DIGITS } from './number-values';
export { TEXT_MAX, TEXTAREA_MAX } from './text-values';
