import { describe, expect, it } from 'vitest';
import { blockHash, eachBlock, packBlocks } from '../../../electron/core/engines/dedupe/block-hash';
import { candidateRefs, MAX_COMPARED } from '../../../electron/core/engines/dedupe/find-duplicates';
import { COMPANY_RAW, packTerms, unpackTerms } from '../../../electron/core/engines/dedupe/packed-terms';
import { keyPlan, recordGetter, recordKeys, recordProfile, TermCounter } from '../../../electron/core/engines/dedupe/replica-keys';
import { ShareTable } from '../../../electron/core/engines/dedupe/term-shares';
import { blockingKeys } from '../../../electron/core/engines/dedupe/blocking';
import { standard } from './zoho-fixture';

describe('hashed blocking keys', () => {
  it('hash the same key alike and different keys apart, and pack and unpack every hash', () => {
    expect(blockHash('n|ATA|LFLS')).toBe(blockHash('n|ATA|LFLS'));
    expect(blockHash('n|ATA|LFLS')).not.toBe(blockHash('n|ATA|LFLT'));
    const keys = ['e|ada@example.com', 'p|844444444', 'n|ATA|LFLS', 'é|ünïcode ✓'];
    const out: number[] = [];
    eachBlock(packBlocks(keys), (h) => out.push(h));
    expect(out).toEqual(keys.map(blockHash));
    expect(packBlocks([]).byteLength).toBe(0);
  });
});

describe('packed term counts', () => {
  it('round-trip keys with spaces and accents', () => {
    const counts = new Map([['zoë o brien', 3], ['ada', 1], ['10001', 12]]);
    const back = new Map<string, number>();
    unpackTerms(packTerms(counts), (k, n) => back.set(k, n));
    expect(back).toEqual(counts);
    unpackTerms('', () => expect.unreachable());
  });

  it('count a person’s company by its stored value and turn account ids into names when read', () => {
    const fields = standard('Contacts');
    const plan = keyPlan('Contacts', fields, new Set(['First_Name', 'Last_Name', 'Email', 'Account_Name']));
    const counter = new TermCounter();
    const read = recordGetter(plan, null);
    for (const rec of [
      ['1', 'Pat', 'Boyle', 'pat@zylker.com', '900'],
      ['2', 'Ann', 'Boyle', 'ann@zylker.com', '900'],
      ['3', 'Tim', 'Ng', 'tim@acme.com', 'Acme Inc.'],
    ]) {
      const get = (f: string): string => read(rec, f);
      counter.add(plan, recordProfile(plan, get), get);
    }
    const packed = counter.packed();
    expect(packed.map(([k]) => k)).toContain(COMPANY_RAW);
    expect(packed.map(([k]) => k)).not.toContain('company');
    const shares = new ShareTable(true);
    shares.addPacked(3000, packed, new Map([['900', 'Zylker Biotech Pvt. Ltd.']]));
    expect(shares.share('company', 'zylker biotech')).toBeCloseTo(2 / 3000);
    expect(shares.share('company', 'acme')).toBeCloseTo(1 / 3000);
    expect(shares.share('family', 'boyle')).toBeCloseTo(2 / 3000);
  });
});

describe('a record’s stored keys', () => {
  it('hold the exact keys Zoho’s rules look up and the hashes of the record’s blocking keys', () => {
    const plan = keyPlan('Contacts', standard('Contacts'), new Set(['First_Name', 'Last_Name', 'Email', 'Phone', 'Locked__s']));
    const rec = ['7', 'Pat', 'Boyle', ' Pat.Boyle@Zylker.com ', '+91 98444 44444', 'true'];
    const get = (f: string): string => recordGetter(plan, null)(rec, f);
    const profile = recordProfile(plan, get);
    const keys = recordKeys(plan, profile, get);
    expect(keys).toMatchObject({ email: 'pat.boyle@zylker.com', name: 'pat boyle', system: null, locked: true });
    const hashes: number[] = [];
    eachBlock(keys.blocks, (h) => hashes.push(h));
    expect(hashes).toEqual(blockingKeys(profile, undefined, false).map(blockHash));
    const accounts = keyPlan('Accounts', standard('Accounts'), new Set(['Account_Name']));
    const acc = ['9', 'Zylker  Biotech'];
    const getA = (f: string): string => recordGetter(accounts, null)(acc, f);
    expect(recordKeys(accounts, recordProfile(accounts, getA), getA)).toMatchObject({ email: null, name: null, system: 'zylker biotech', locked: false });
  });
});

describe('candidate records of a row', () => {
  it('keep the most telling records when a row shares keys with many', () => {
    // One record shares the row's email (a block of one); ninety share only a common name sound.
    const blocks = new Map<string, number[]>([
      ['e|pat@zylker.com', [500]],
      ['n|PT|PL', Array.from({ length: 90 }, (_, i) => i)],
      ['nc|PT|london', [3, 4, 500]],
    ]);
    const refs = candidateRefs([...blocks.keys()], (k) => blocks.get(k) ?? []);
    expect(refs).toHaveLength(MAX_COMPARED);
    expect(refs[0]).toBe(500);
    expect(refs.slice(1, 3).sort()).toEqual([3, 4]);
  });

  it('still needs two weak keys (or all the row has) for a record found only through them', () => {
    const blocks = new Map<string, number[]>([
      ['cw|SLKR|london', [1, 2]],
      ['cw|BTK|london', [2]],
    ]);
    expect(candidateRefs([...blocks.keys()], (k) => blocks.get(k) ?? null)).toEqual([2]);
    expect(candidateRefs(['cw|SLKR|london', 'p|844444444'], (k) => (k.startsWith('p|') ? null : [1]))).toEqual([1]);
  });
});
