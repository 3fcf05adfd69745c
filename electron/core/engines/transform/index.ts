/**
 * The transform engine: turning source cells into the values Zoho's Bulk Write API accepts.
 */
export { applyTransform, applyTransforms } from './apply-transforms';
export { toBoolean } from './boolean-transforms';
export { DATE_ORDER_NAMES, detectDateOrder, toDate, toDateTime, type DateOrderDetection } from './date-transforms';
export { namePart, splitName, type NameParts } from './name-transforms';
export { toNumber } from './number-transforms';
export { CALLING_CODES, splitPhoneExtension, toPhone } from './phone-transforms';
export { mapPicklist, toMultiselect } from './picklist-transforms';
export { changeCase, titleCase, trimText } from './text-transforms';
export { formatOffset, isKnownTimeZone, parseFixedOffset } from './time-zone';
export type { TransformResult } from './transform-result';
