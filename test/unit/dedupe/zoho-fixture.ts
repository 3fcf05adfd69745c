/**
 * Seed S0's org for the rule tests: standard metadata with Phone unique in Contacts, the two
 * Contacts and the Account of the Pat Boyle example, and a finder over them.
 */
import path from 'node:path';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { exactKey } from '../../../electron/core/engines/dedupe/replica-scan';
import { NAME_FIELD, personName, type ExactFinder } from '../../../electron/core/engines/dedupe/zoho-rules';
import { ROOT } from '../../helpers/temp-dir';

export function standard(module: string): FieldMeta[] {
  return loadStandardMetadata(path.join(ROOT, 'resources'), module) ?? [];
}

/** A module's fields with some made unique. */
export function withUnique(module: string, unique: Record<string, boolean>): FieldMeta[] {
  return standard(module).map((f) => (f.apiName in unique ? { ...f, unique: { caseSensitive: unique[f.apiName] as boolean } } : f));
}

export type Records = Record<string, Record<string, Record<string, string>>>;

/** The replica of the seed's example. */
export const SEED: Records = {
  Contacts: {
    '4876876000007437017': { Last_Name: 'Boyle', Email: 'pat.boyle@zylker.com' },
    '4876876000007421001': { First_Name: 'Pat', Last_Name: 'Boyle', Phone: '9844444444', Account_Name: '4876876000007421010' },
    '4876876000007421099': { First_Name: 'Other', Last_Name: 'Person', Email: 'other@zylker.com' },
  },
  Accounts: {
    '4876876000007421010': { Account_Name: 'Zylker Biotech' },
    '4876876000007421011': { Account_Name: 'Globex' },
  },
};

/** The lead of the seed. */
export const PAT = { First_Name: 'Pat', Last_Name: 'Boyle', Company: 'Zylker Biotech', Phone: '9844444444', Email: 'pat.boyle@zylker.com' };

/** An exact finder over in-memory records, comparing as the rules say. */
export function finderOver(records: Records): ExactFinder & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    find(module, field, value, caseSensitive) {
      asked.push(`${module}.${field}`);
      const want = exactKey(value, caseSensitive);
      return Object.entries(records[module] ?? {})
        .filter(([, v]) => {
          const raw = field === NAME_FIELD ? personName((k) => v[k] ?? '') : (v[field] ?? '');
          return raw !== '' && exactKey(raw, caseSensitive) === want;
        })
        .map(([id]) => id);
    },
  };
}
