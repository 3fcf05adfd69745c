/**
 * The conversion options in the renderer store: the answer for the lead on screen is kept, a
 * slower answer for a lead the user has left is dropped, and changing the org's modules asks
 * again with them.
 */
import { describe, expect, it } from 'vitest';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import type { Client } from '../../renderer/src/api/client';
import { createAppStore } from '../../renderer/src/store';

type Options = Res<'convert.options'>;

function answer(id: string, modules: Options['modules']): Options {
  return {
    lead: { key: id, id, batchRow: null, name: `Lead ${id}`, company: '', email: '' },
    path: `/crm/v8/Leads/${id}/__conversion_options`,
    status: modules.Contacts ? 200 : 204,
    body: modules.Contacts ? { __conversion_options: { module_preference: { api_name: 'Contacts' }, Contacts: [], Accounts: null, preference_field_matched_value: { Contacts: [], Accounts: [] } } } : null,
    matchedBy: { Contacts: {}, Accounts: {} },
    canConvert: modules.Contacts,
    notes: [],
    modules,
    review: null,
  };
}

function fakeClient(): { client: Client; asked: Req<'convert.options'>[]; release: (id: string) => void } {
  const asked: Req<'convert.options'>[] = [];
  const waiting = new Map<string, () => void>();
  const client: Client = {
    kind: 'host',
    async invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
      if (channel !== 'convert.options') throw new Error(`unexpected ${channel}`);
      const r = req as Req<'convert.options'>;
      asked.push(r);
      const id = r.lead.kind === 'replica' ? r.lead.id : 'row';
      await new Promise<void>((resolve) => waiting.set(id, resolve));
      return answer(id, r.modules ?? { Contacts: true, Accounts: true }) as Res<C>;
    },
    on() {
      return () => undefined;
    },
    async upload() {
      return 'a'.repeat(32);
    },
  };
  return { client, asked, release: (id) => waiting.get(id)?.() };
}

describe('lead options in the store', () => {
  it('keeps the answer for the lead on screen and drops a late one for a lead left behind', async () => {
    const f = fakeClient();
    const store = createAppStore(f.client);
    const first = store.getState().loadLeadOptions('L1', { kind: 'replica', id: 'L1' });
    const second = store.getState().loadLeadOptions('L2', { kind: 'replica', id: 'L2' });
    f.release('L2');
    await second;
    f.release('L1');
    await first;
    const s = store.getState().leadOptions;
    expect(s.key).toBe('L2');
    expect(s.result?.lead.id).toBe('L2');
    expect(s.status).toBe('ready');
  });

  it('asks again with the modules the org has', async () => {
    const f = fakeClient();
    const store = createAppStore(f.client);
    const load = store.getState().loadLeadOptions('L1', { kind: 'replica', id: 'L1' });
    f.release('L1');
    await load;
    const again = store.getState().setOrgModules({ Contacts: false });
    await Promise.resolve();
    f.release('L1');
    await again;
    expect(f.asked.map((a) => a.modules)).toEqual([
      { Contacts: true, Accounts: true },
      { Contacts: false, Accounts: true },
    ]);
    expect(store.getState().leadOptions.result?.status).toBe(204);
  });
});
