/**
 * A request for Zoho's API, as the request folders hold it (pure types and naming).
 */

/** API versions whose body shapes we write: v2 (plain id strings) and v8 (`{"id"}` objects). */
export type ApiVersion = 'v2' | 'v8';

/** One HTTP request to send to Zoho, body included. */
export interface ZohoRequest {
  /** File name of the body inside the folder's `requests/`. */
  file: string;
  method: 'POST';
  /** Path under the org's API domain, e.g. `/crm/v8/Leads/4876…/actions/convert`. */
  path: string;
  /** The OAuth scope the call needs. */
  scope: string;
  body: unknown;
  /** The records the request converts. */
  records: { key: string; id: string; name: string }[];
}

/** A record left out of the requests, with why. */
export interface SkippedRecord {
  key: string;
  id: string | null;
  name: string;
  codes: string[];
  reason: string;
}

/** Everything written for one set of conversions. */
export interface RequestSet {
  kind: 'lead-conversion' | 'inventory-conversion';
  version: ApiVersion;
  requests: ZohoRequest[];
  skipped: SkippedRecord[];
  /** What the user should know about the requests as a whole. */
  notes: string[];
}

/** A number when the text is one, else the text (Zoho takes `"Amount": 20000000`). */
export function jsonNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** `3` -> `003`, so files sort in sending order. */
export function seqName(n: number): string {
  return String(n).padStart(3, '0');
}
