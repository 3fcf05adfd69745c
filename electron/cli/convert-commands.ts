/**
 * `preflight convert leads|inventory|undo`: plan conversions, simulate them in the replica,
 * write the requests Zoho takes.
 */
import type { DealInput, InventoryPlan, LeadConvertSettings, LeadPlan } from '../../shared/domain/convert';
import type { Res } from '../../shared/ipc/contract';
import { UsageError, type ParsedArgs } from './args';
import { choice, cliJobId, list, noExtra, text, withProgress, type CliKit } from './cli-kit';
import type { Command } from './commands';
import { leftOutSentence } from '../../shared/domain/left-out';

type RunSummary = Res<'convert.plan'>;
type Written = Res<'convert.writeRequests'>;

export const CONVERT_USAGE = `  convert leads (--lead ID[,ID…] | --all | --batch N [--rows 1,2,…]) [options]
                                       plan converting leads as Zoho would, with its refusals
      --contact ID --account ID        merge the (one) lead into this Contact / Account
      --deal-name N --closing-date yyyy-MM-dd --stage S --pipeline P [--amount A] [--contact-role ID]
                                       also create a deal
      --overwrite --notify-lead-owner --notify-new-owner --assign-to USER_ID
      --move-attachments-to Contacts|Accounts|Deals --carry-tags Contacts,Accounts,Deals
      --simulate                       apply the ready plans to the replica (undo: convert undo)
      --out DIR [--api v8|v2] [--mass] write the Convert Lead (or Mass Convert) requests
  convert inventory --module Quotes|Sales_Orders --id ID[,ID…] --to Sales_Orders|Invoices
                    [--simulate] [--out DIR [--api v8|v2] [--mass] [--module-id M=ID,…]]
                                       plan Quote -> Sales Order / Invoice, Sales Order -> Invoice
  convert undo SIMULATION              undo a simulated conversion
  convert options (--lead ID | --batch N --row R) [--without Contacts,Accounts] [--details]
                                       what Zoho's Lead Conversion Options API would answer
                                       (--json: the API body; --details: with notes and matches)`;

function settingsOf(args: ParsedArgs): LeadConvertSettings {
  const dealName = text(args, '--deal-name');
  const dealFlags = ['--closing-date', '--stage', '--pipeline', '--amount', '--contact-role'];
  if (dealName === undefined && dealFlags.some((f) => args.flags.has(f))) throw new UsageError('deal options need --deal-name');
  const deal: DealInput | null =
    dealName === undefined
      ? null
      : {
          Deal_Name: dealName,
          Closing_Date: text(args, '--closing-date') ?? '',
          Stage: text(args, '--stage') ?? '',
          Pipeline: text(args, '--pipeline') ?? '',
          Amount: text(args, '--amount') ?? '',
          Contact_Role: text(args, '--contact-role') ?? '',
        };
  const tags = list(args, '--carry-tags') ?? [];
  for (const t of tags) if (!['Contacts', 'Accounts', 'Deals'].includes(t)) throw new UsageError('--carry-tags takes Contacts, Accounts, Deals');
  return {
    overwrite: args.flags.has('--overwrite'),
    notifyLeadOwner: args.flags.has('--notify-lead-owner'),
    notifyNewEntityOwner: args.flags.has('--notify-new-owner'),
    assignTo: text(args, '--assign-to') ?? null,
    moveAttachmentsTo: choice(args, '--move-attachments-to', ['Contacts', 'Accounts', 'Deals'] as const),
    carryOverTags: { Contacts: tags.includes('Contacts'), Accounts: tags.includes('Accounts'), Deals: tags.includes('Deals') },
    deal,
  };
}

function errorsOf(findings: LeadPlan['findings']): { code: string; message: string }[] {
  return findings.filter((f) => f.severity === 'error').map((f) => ({ code: f.code ?? '', message: f.message }));
}

/** A plan as `--json` prints it. */
function leadJson(p: LeadPlan): Record<string, unknown> {
  const side = (r: LeadPlan['contact']): Record<string, unknown> | null => (r ? { action: r.action, id: r.id, name: r.name, values: r.action === 'create' ? r.values : undefined, changes: r.changes } : null);
  return {
    lead: p.lead.key,
    id: p.lead.id,
    row: p.lead.batchRow,
    name: p.lead.name,
    status: p.status,
    contact: side(p.contact),
    account: side(p.account),
    deal: side(p.deal),
    errors: errorsOf(p.findings),
    notes: p.findings.filter((f) => f.severity === 'note').map((f) => f.message),
  };
}

function requestsJson(w: Written | null): Record<string, unknown> | null {
  return w ? { folder: w.folder, manifest: w.manifest, readme: w.readme, requests: w.requests, records: w.records, skipped: w.skipped, notes: w.notes } : null;
}

function selectionOf(args: ParsedArgs): { kind: 'replica'; ids: string[] | null } | { kind: 'batch'; batch: number; rows: number[] | null } {
  const leads = list(args, '--lead');
  const batch = text(args, '--batch');
  const given = [leads !== undefined, args.flags.has('--all'), batch !== undefined].filter(Boolean).length;
  if (given !== 1) throw new UsageError('convert leads takes one of --lead ID[,ID…], --all, --batch N');
  if (batch !== undefined) {
    const n = Number(batch);
    if (!Number.isInteger(n) || n < 1) throw new UsageError('--batch N: N is the batch number');
    const rows = list(args, '--rows')?.map(Number);
    if (rows && rows.some((r) => !Number.isInteger(r) || r < 1)) throw new UsageError('--rows takes row numbers');
    return { kind: 'batch', batch: n, rows: rows ?? null };
  }
  if (args.flags.has('--rows')) throw new UsageError('--rows goes with --batch');
  return { kind: 'replica', ids: leads ?? null };
}

/** The options answer as lines for a terminal. */
function optionsText(r: Res<'convert.options'>): string[] {
  const who = r.lead.id ?? `batch row ${r.lead.batchRow ?? ''}`;
  const lines = [`${r.lead.name} (${who}): ${r.path ? `GET ${r.path}` : 'Lead Conversion Options'} -> ${r.status === 204 ? '204 No Content' : '200'}`];
  const o = r.body?.__conversion_options;
  if (o) {
    lines.push(`Module preference: ${o.module_preference.api_name}`);
    for (const module of ['Contacts', 'Accounts'] as const) {
      const records = o[module];
      if (records === null) continue;
      lines.push(`${module} (${records.length}):`);
      for (const rec of records) {
        const name = module === 'Contacts' ? rec.Full_Name : rec.Account_Name;
        const rid = typeof rec.id === 'string' ? rec.id : '';
        const matched = (r.matchedBy[module][rid] ?? []).map((m) => `${m.field} = ${m.value}`).join(', ');
        lines.push(`  ${typeof name === 'string' ? name : '(no name)'} ${rid}${matched ? ` - matched ${matched}` : ''}${rec.Locked__s === true ? ' [locked]' : ''}`);
      }
    }
  }
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return lines;
}

/** The conversion commands. */
export function convertCommands(kit: CliKit): Record<string, Command> {
  return {
    'convert leads': async (core, args, onProgress) => {
      noExtra(args, 2);
      const source = selectionOf(args);
      const settings = settingsOf(args);
      const contact = text(args, '--contact') ?? null;
      const account = text(args, '--account') ?? null;
      const out = text(args, '--out');
      if ((contact !== null || account !== null) && !(source.kind === 'replica' && source.ids?.length === 1)) {
        throw new UsageError('--contact and --account name the targets of one lead: give exactly one --lead');
      }
      if ((args.flags.has('--api') || args.flags.has('--mass')) && out === undefined) throw new UsageError('--api and --mass go with --out DIR');
      const jobId = cliJobId();
      let run = await withProgress(core, jobId, onProgress, () => kit.call<RunSummary>(core, 'convert.plan', { source, settings, jobId }));
      if (contact !== null || account !== null) {
        const key = source.kind === 'replica' ? (source.ids?.[0] ?? '') : '';
        run = (await kit.call<Res<'convert.choose'>>(core, 'convert.choose', { run: run.run, key, contactId: contact, accountId: account })).run;
      }
      const page = await kit.call<Res<'convert.plans'>>(core, 'convert.plans', { run: run.run, filter: 'all', offset: 0, limit: 500 });
      const plans: LeadPlan[] = [];
      for (const item of page.items.slice(0, 1000)) plans.push((await kit.call<Res<'convert.planDetail'>>(core, 'convert.planDetail', { run: run.run, key: item.key })).plan);
      const result: Record<string, unknown> = { run: run.run, leads: run.leads, ready: run.ready, refused: run.refused, codes: run.codes, leftOut: run.leftOut, plans: plans.map(leadJson), simulation: null, requests: null };
      if (run.ready === 0) {
        const first = plans.flatMap((p) => errorsOf(p.findings))[0];
        throw kit.refuse(first?.code ?? 'NOTHING_TO_CONVERT', `Zoho would refuse every conversion: ${first?.message ?? 'no lead was selected.'}`, result);
      }
      if (args.flags.has('--simulate')) {
        const sim = await withProgress(core, jobId, onProgress, () => kit.call<Res<'convert.simulate'>>(core, 'convert.simulate', { run: run.run, keys: null, jobId }));
        result.simulation = { id: sim.simulation.id, applied: sim.applied, refusedNow: sim.refusedNow, created: sim.created };
      }
      let written: Written | null = null;
      if (out !== undefined) {
        written = await kit.call<Written>(core, 'convert.writeRequests', { run: run.run, keys: null, version: choice(args, '--api', ['v8', 'v2'] as const), mode: args.flags.has('--mass') ? 'mass' : 'single', path: out });
        result.requests = requestsJson(written);
      }
      const text2 = [`Planned ${run.leads} lead conversion${run.leads === 1 ? '' : 's'} (run ${run.run}): ${run.ready} ready, ${run.refused} refused.`];
      const leftOut = leftOutSentence(run.leftOut);
      if (leftOut !== '') text2.push(leftOut);
      for (const p of plans.slice(0, 20)) {
        const what = [p.contact && `Contact ${p.contact.action === 'merge' ? `-> ${p.contact.name}` : `new ${p.contact.name}`}`, p.account && `Account ${p.account.action === 'merge' ? `-> ${p.account.name}` : `new ${p.account.name}`}`, p.deal && `Deal new ${p.deal.name}`].filter(Boolean).join(', ');
        text2.push(`  ${p.lead.name}: ${p.status === 'ready' ? what : errorsOf(p.findings).map((e) => `${e.code} ${e.message}`).join('; ')}`);
      }
      if (result.simulation) text2.push(`Simulated in the replica (simulation ${(result.simulation as { id: number }).id}); undo with: preflight convert undo ${(result.simulation as { id: number }).id}`);
      if (written) text2.push(`Wrote ${written.requests} request${written.requests === 1 ? '' : 's'} to ${written.folder}`);
      return { json: result, text: text2 };
    },

    'convert inventory': async (core, args) => {
      noExtra(args, 2);
      const module = choice(args, '--module', ['Quotes', 'Sales_Orders'] as const);
      if (!args.flags.has('--module')) throw new UsageError('convert inventory needs --module Quotes|Sales_Orders');
      const ids = list(args, '--id');
      if (!ids || ids.length === 0) throw new UsageError('convert inventory needs --id ID[,ID…]');
      const targets = list(args, '--to');
      if (!targets) throw new UsageError('convert inventory needs --to Sales_Orders|Invoices');
      const out = text(args, '--out');
      const moduleIds = Object.fromEntries((list(args, '--module-id') ?? []).map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]));
      const plans: InventoryPlan[] = [];
      for (const id of ids) plans.push((await kit.call<Res<'convert.inventoryPlan'>>(core, 'convert.inventoryPlan', { module, id, targets })).plan);
      const planJson = (p: InventoryPlan): Record<string, unknown> => ({
        source: p.source,
        target: p.target,
        status: p.status,
        errors: p.findings.filter((f) => f.severity === 'error').map((f) => ({ code: f.code, message: f.message, record: f.record })),
        notes: p.findings.filter((f) => f.severity === 'note').map((f) => f.message),
        record: p.record ? { module: p.record.module, name: p.record.name, values: p.record.values, lineItems: p.record.lineItems.length, tags: p.record.tags } : null,
        backLink: p.backLink,
      });
      const result: Record<string, unknown> = { plans: plans.map(planJson), simulations: [], requests: null };
      const ready = plans.filter((p) => p.status === 'ready');
      if (ready.length === 0) {
        const first = plans.flatMap((p) => p.findings.filter((f) => f.severity === 'error'))[0];
        throw kit.refuse(first?.code ?? 'INVALID_DATA', first?.message ?? 'Zoho would refuse the conversion.', result);
      }
      if (args.flags.has('--simulate')) {
        const sims: Record<string, unknown>[] = [];
        for (const p of ready) {
          const r = await kit.call<Res<'convert.inventorySimulate'>>(core, 'convert.inventorySimulate', { module, id: p.source.id, target: p.target ?? '' });
          sims.push({ id: r.simulation.id, source: p.source.id, child: r.child });
        }
        result.simulations = sims;
      }
      if (out !== undefined) {
        result.requests = requestsJson(
          await kit.call<Written>(core, 'convert.inventoryWrite', { module, ids, targets, version: choice(args, '--api', ['v8', 'v2'] as const), mode: args.flags.has('--mass') ? 'mass' : 'single', path: out, moduleIds }),
        );
      }
      const lines = plans.map((p) =>
        p.status === 'ready'
          ? `${p.source.name} -> ${p.target?.replace(/_/g, ' ')}: ${p.carried.length} fields and ${p.record?.lineItems.length ?? 0} line items carried${p.backLink ? `, ${p.backLink.field} set` : ''}.`
          : `${p.source.name}: ${p.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`).join('; ')}`,
      );
      return { json: result, text: lines };
    },

    'convert options': async (core, args) => {
      noExtra(args, 2);
      const id = text(args, '--lead');
      const batch = text(args, '--batch');
      const row = text(args, '--row');
      if ((id === undefined) === (batch === undefined)) throw new UsageError('convert options takes --lead ID or --batch N --row R');
      if ((batch === undefined) !== (row === undefined)) throw new UsageError('--batch N goes with --row R');
      const lead = id !== undefined ? { kind: 'replica' as const, id } : { kind: 'batch' as const, batch: Number(batch), row: Number(row) };
      if (lead.kind === 'batch' && (!Number.isInteger(lead.batch) || lead.batch < 1 || !Number.isInteger(lead.row) || lead.row < 1)) throw new UsageError('--batch and --row take numbers');
      const without = list(args, '--without') ?? [];
      for (const m of without) if (m !== 'Contacts' && m !== 'Accounts') throw new UsageError('--without takes Contacts, Accounts');
      const modules = { Contacts: !without.includes('Contacts'), Accounts: !without.includes('Accounts') };
      const r = await kit.call<Res<'convert.options'>>(core, 'convert.options', { lead, modules });
      return { json: args.flags.has('--details') ? r : (r.body ?? {}), text: optionsText(r) };
    },

    'convert undo': async (core, args, onProgress) => {
      noExtra(args, 3);
      const id = Number(args.positionals[2]);
      if (!Number.isInteger(id) || id < 1) throw new UsageError('convert undo SIMULATION: SIMULATION is the simulation number');
      const jobId = cliJobId();
      const r = await withProgress(core, jobId, onProgress, () => kit.call<Res<'convert.undo'>>(core, 'convert.undo', { simulation: id, jobId }));
      return {
        json: { simulation: r.simulation.id, removed: r.removed, restored: r.restored, keptChanged: r.keptChanged },
        text: [`Undid simulation ${id} (${r.simulation.label}): ${r.removed} records removed, ${r.restored} restored${r.keptChanged ? `, ${r.keptChanged} values changed since kept` : ''}.`],
      };
    },
  };
}
