/**
 * Stable error codes that cross every transport.
 *
 * The set is closed on purpose: the renderer, the CLI's `--json` output and the tests match on
 * these strings, so a code is never renamed once shipped.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'NOT_SUPPORTED',
  'INTERNAL',
  'CANCELLED',
  'WORKSPACE_OPEN_FAILED',
  'WORKSPACE_NEWER_SCHEMA',
  'WORKSPACE_NOT_A_DATABASE',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'UNKNOWN_MODULE',
  'RECORD_NOT_FOUND',
  'UPLOAD_NOT_FOUND',
  'JOB_NOT_FOUND',
  'JOB_BUSY',
  'METADATA_INVALID',
  'JSON_INVALID',
  'NOT_A_ZIP',
  'ZIP_NO_CSV',
  'ZIP_MULTIPLE_CSV',
  'ZIP_UNSAFE_PATH',
  'ZIP_RATIO_EXCEEDED',
  'ZIP_UNSUPPORTED',
  'ZIP_CORRUPT',
  'CSV_EMPTY',
  'CSV_MALFORMED',
  'ENCODING_MISMATCH',
  'CSV_DUPLICATE_HEADER',
  'MISSING_ID_COLUMN',
  'UNKNOWN_FORMAT',
  'TEMPLATE_INVALID',
  'TEMPLATE_NOT_FOUND',
  'BATCH_NOT_FOUND',
  'MAPPING_INVALID',
  'NOTHING_TO_UNDO',
  'FILE_TOO_LARGE',
  'DEDUPE_NOT_RUN',
  'REVIEW_INVALID',
  'HEADER_LIMIT_EXCEEDED',
  'FIND_BY_INVALID',
  'EXPORT_FOLDER_NOT_EMPTY',
  'EXPORT_NOT_FOUND',
  'ZIP_TOO_LARGE',
  'RESULT_NOT_RECOGNIZED',
  'RESULT_NO_MATCH',
  'RESULT_MISMATCH',
  'EXPORT_FILES_MISSING',
  'NOTHING_TO_RETRY',
  // Conversions (issue 11): Zoho's own answers to a conversion, then ours.
  'INVALID_DATA',
  'DUPLICATE_DATA',
  'RECORD_LOCKED',
  'NOT_APPROVED',
  'NOT_REVIEWED',
  'ID_ALREADY_CONVERTED',
  'MANDATORY_NOT_FOUND',
  'CONVERT_RUN_NOT_FOUND',
  'SIMULATION_NOT_FOUND',
  'UNDO_BLOCKED',
  'NOTHING_TO_CONVERT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The only shape an error takes when it crosses a process or transport boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/**
 * An error we raise on purpose, with a stable code.
 *
 * Anything else thrown inside the core is reported as `INTERNAL` with a generic message, so
 * stack traces and paths of unexpected failures never reach the renderer.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** True when `value` is one of the known codes (used when decoding envelopes). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into the boundary shape, hiding details of unexpected errors. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) {
    return err.toInfo();
  }
  if (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    'message' in err &&
    isErrorCode((err as { code: unknown }).code) &&
    typeof (err as { message: unknown }).message === 'string'
  ) {
    return { code: (err as ErrorInfo).code, message: (err as ErrorInfo).message };
  }
  return { code: 'INTERNAL', message: 'Unexpected internal error; see the log for details.' };
}
