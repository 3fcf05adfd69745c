/**
 * One row of the review side by side: the incoming values, each candidate's fields with the
 * incoming value translated into the candidate's module, and the row's cluster.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { ReviewDecision } from '../../../shared/domain/review';
import { recordName } from '../../../shared/domain/record-name';
import type { Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { BatchService } from '../batch/batch-service';
import type { DedupeRepo, StoredCandidate } from '../db/repos/dedupe-repo';
import type { ReplicaRepo } from '../db/repos/replica-repo';
import type { ReviewRepo } from '../db/repos/review-repo';
import { emailKey, phoneKey } from '../engines/dedupe/match-keys';
import { foldWords } from '../engines/dedupe/fold-text';
import { NAME_FIELD, targetFieldSources } from '../engines/dedupe/zoho-rules';

type Item = Res<'review.item'>;
type Evidence = Item['candidates'][number]['matched'][number];

interface Deps {
  batches: BatchService;
  dedupe: DedupeRepo;
  review: ReviewRepo;
  replica: ReplicaRepo;
  fieldsOf(module: string): FieldMeta[];
}

/** Keys the replica keeps that are not fields to show side by side. */
const HIDDEN = new Set(['Locked__s', 'Created_By', 'Modified_By', 'Created_Time', 'Modified_Time', 'Layout', 'Tag']);

/** Equal for the purpose of highlighting: as the field's kind compares (case, spacing, digits). */
function sameValue(dataType: string, a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  if (dataType === 'email') return emailKey(a) !== '' && emailKey(a) === emailKey(b);
  if (dataType === 'phone') return phoneKey(a) !== '' && phoneKey(a) === phoneKey(b);
  return foldWords(a) === foldWords(b);
}

function replicaValues(deps: Deps, module: string, id: string): Map<string, string> | null {
  const rec = deps.replica.record(module, id);
  if (!rec) return null;
  const out = new Map<string, string>();
  for (const c of deps.replica.columns(module)) {
    const v = rec[c.col];
    if (v !== null && v !== undefined && v !== '') out.set(c.key, v);
  }
  return out;
}

function subtitle(deps: Deps, module: string, values: ReadonlyMap<string, string>): string {
  if (module === 'Contacts') {
    const account = values.get('Account_Name.name') ?? (values.get('Account_Name') ? replicaValues(deps, 'Accounts', values.get('Account_Name') as string)?.get('Account_Name') : undefined);
    return account ? `at ${account}` : '';
  }
  if (module === 'Leads') return values.get('Company') ? `at ${values.get('Company') as string}` : '';
  if (module === 'Accounts') return values.get('Billing_City') ?? values.get('Shipping_City') ?? '';
  return '';
}

const parseEvidence = (json: string): Evidence[] => JSON.parse(json) as Evidence[];

/** A lookup's value as a person reads it: the linked record's name (from the export, else the replica), else the id. */
function lookupName(deps: Deps, module: string, named: string | undefined, id: string | undefined): string {
  if (named) return named;
  if (!id) return '';
  const linked = replicaValues(deps, module, id);
  return (linked && recordName(module, (k) => linked.get(k))) || id;
}

function candidateView(deps: Deps, batchModule: string, batchFields: FieldMeta[], mapped: ReadonlySet<string>, incoming: ReadonlyMap<string, string>, c: StoredCandidate): Item['candidates'][number] | null {
  const module = c.module as string;
  const values = replicaValues(deps, module, c.recordId);
  if (!values) return null;
  const fields = deps.fieldsOf(module);
  const sources = targetFieldSources({ module: batchModule, fields: batchFields }, { module, fields });
  // A Lead's Company is the name of a Contact's account.
  if (batchModule === 'Leads' && module === 'Contacts' && !sources.has('Account_Name')) sources.set('Account_Name', 'Company');
  const matched = parseEvidence(c.matchedJson);
  const matchedFields = new Set(matched.map((m) => (m.field === NAME_FIELD ? ['First_Name', 'Last_Name', 'Full_Name'] : [m.field])).flat());
  const rows: Item['candidates'][number]['fields'] = [];
  const known = new Set<string>();
  for (const f of fields) {
    known.add(f.apiName);
    if (HIDDEN.has(f.apiName)) continue;
    const existing = f.lookupModule ? lookupName(deps, f.lookupModule, values.get(`${f.apiName}.name`), values.get(f.apiName)) : (values.get(f.apiName) ?? '');
    const from = sources.get(f.apiName);
    // null: no column of the file reaches this field (nothing to offer from the file).
    const incomingValue = from === undefined || !mapped.has(from) ? null : (incoming.get(from) ?? '');
    if (existing === '' && !incomingValue) continue;
    rows.push({
      field: f.apiName,
      label: f.label,
      existing,
      incoming: incomingValue,
      same: incomingValue !== null && existing !== '' && sameValue(f.dataType, existing, incomingValue),
      matched: matchedFields.has(f.apiName),
    });
  }
  for (const [key, v] of values) {
    if (known.has(key) || HIDDEN.has(key) || key.includes('.')) continue;
    rows.push({ field: key, label: key, existing: v, incoming: null, same: false, matched: matchedFields.has(key) });
  }
  return {
    module,
    id: c.recordId,
    title: recordName(module, (k) => values.get(k)) || c.recordId,
    subtitle: subtitle(deps, module, values),
    score: c.score,
    rule: c.rule as Item['candidates'][number]['rule'],
    matched,
    locked: (values.get('Locked__s') ?? '').toLowerCase() === 'true',
    fields: rows,
  };
}

/** The side-by-side view of one row. */
export function reviewItem(deps: Deps, batchId: number, row: number): Item {
  const b = deps.batches.record(batchId);
  const batchFields = deps.fieldsOf(b.module);
  const labels = new Map(batchFields.map((f) => [f.apiName, f.label]));
  const mapping = deps.batches.mappingOf(b);
  const entry = deps.dedupe.rowOf(batchId, row);
  const clusterRows = entry?.cluster ? deps.dedupe.clusterRows(batchId, entry.cluster) : [];
  const computed = deps.batches.computedValues(batchId, [row, ...clusterRows.filter((r) => r !== row)]);
  const values = computed.get(row);
  if (!values) throw new AppError('BAD_REQUEST', `Row ${row} is not a row of this batch.`);
  const stored = deps.dedupe.candidates(batchId, row);
  const mapped = new Set(mapping.fields.map((f) => f.field));
  const candidates = stored.filter((c) => c.module !== null).flatMap((c) => candidateView(deps, b.module, batchFields, mapped, values, c) ?? []);
  const decisions = deps.review.decisionsOfRows(batchId, [row, ...clusterRows]);
  let cluster: Item['cluster'] = null;
  if (entry?.cluster && clusterRows.length > 1) {
    const members = new Set(clusterRows);
    const survivor = clusterRows.find((r) => deps.review.rowsMergedInto(batchId, r).some((m) => members.has(m))) ?? null;
    const used = mapping.fields.map((f) => f.field).filter((f, i, all) => all.indexOf(f) === i && clusterRows.some((r) => (computed.get(r)?.get(f) ?? '') !== ''));
    cluster = {
      id: entry.cluster,
      survivor,
      suggestedSurvivor: deps.dedupe.suggestedSurvivor(batchId, entry.cluster) ?? (clusterRows[0] as number),
      fields: used.map((f) => ({ field: f, label: labels.get(f) ?? f })),
      rows: clusterRows.map((r) => {
        const links = deps.dedupe.candidates(batchId, r).filter((c) => c.module === null && members.has(Number(c.recordId)));
        const best = links[0];
        const v = computed.get(r) ?? new Map<string, string>();
        return {
          row: r,
          title: recordName(b.module, (k) => v.get(k)) || v.get('Company') || `Row ${r}`,
          score: best ? best.score : 1,
          matched: best ? parseEvidence(best.matchedJson) : [],
          values: Object.fromEntries([...v].filter(([, x]) => x !== '')),
          decision: decisions.get(r) ?? null,
        };
      }),
    };
  }
  const decision: ReviewDecision | null = decisions.get(row) ?? null;
  return {
    row,
    title: recordName(b.module, (k) => values.get(k)) || values.get('Company') || `Row ${row}`,
    module: b.module,
    incoming: mapping.fields
      .filter((f, i, all) => all.findIndex((x) => x.field === f.field) === i)
      .map((f) => ({ field: f.field, label: labels.get(f.field) ?? f.field, value: values.get(f.field) ?? '' })),
    candidates,
    cluster,
    decision,
  };
}
