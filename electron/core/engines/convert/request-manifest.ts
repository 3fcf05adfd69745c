/**
 * The manifest and README of a request folder (pure): which call sends which body, in order,
 * and what was left out and why.
 */
import type { RequestSet } from './zoho-request';

/** `manifest.json`: machine-readable, file paths relative to the folder. */
export function requestManifest(set: RequestSet, createdAt: string): Record<string, unknown> {
  return {
    kind: set.kind,
    created_at: createdAt,
    api_version: set.version,
    requests: set.requests.map((r) => ({ file: `requests/${r.file}`, method: r.method, path: r.path, scope: r.scope, records: r.records })),
    skipped: set.skipped,
    notes: set.notes,
  };
}

/** `README.md`: how a person sends the requests. */
export function requestReadme(set: RequestSet, createdAt: string): string {
  const what = set.kind === 'lead-conversion' ? 'lead conversions' : 'inventory conversions';
  const lines = [
    `# Zoho CRM ${what} prepared by Preflight`,
    '',
    `Written ${createdAt}, for API ${set.version}. Nothing has been sent to Zoho: each file under`,
    '`requests/` is the JSON body of one call, to send in the order listed, with the method and',
    "path given, on your org's API domain (`https://www.zohoapis.com`, `.eu`, `.in`, `.com.au`, …)",
    'and the header `Authorization: Zoho-oauthtoken <access token>` of a token with the scope named.',
    '',
    'For example:',
    '',
    '```sh',
    set.requests[0]
      ? `curl -X ${set.requests[0].method} "https://www.zohoapis.com${set.requests[0].path}" \\\n  -H "Authorization: Zoho-oauthtoken $TOKEN" -H "Content-Type: application/json" \\\n  -d @requests/${set.requests[0].file}`
      : '# (no request was written)',
    '```',
    '',
    `## Requests (${set.requests.length})`,
    '',
    '| # | call | scope | records |',
    '|---|---|---|---|',
    ...set.requests.map((r, i) => `| ${i + 1} | \`${r.method} ${r.path}\` (\`requests/${r.file}\`) | \`${r.scope}\` | ${r.records.length === 1 ? `${r.records[0]?.name} (${r.records[0]?.id})` : `${r.records.length} records`} |`),
    '',
  ];
  if (set.notes.length > 0) lines.push('## Notes', '', ...set.notes.map((n) => `- ${n}`), '');
  if (set.skipped.length > 0) {
    lines.push(`## Left out (${set.skipped.length})`, '', '| record | codes | why |', '|---|---|---|');
    for (const s of set.skipped) lines.push(`| ${s.name} (${s.id ?? s.key}) | ${s.codes.join(', ') || '—'} | ${s.reason} |`);
    lines.push('');
  }
  lines.push('`manifest.json` lists the same in machine-readable form.', '');
  return lines.join('\n');
}
