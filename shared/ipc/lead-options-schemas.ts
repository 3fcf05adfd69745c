/**
 * Zod schemas of `convert.options`: Zoho's Lead Conversion Options answer for one lead,
 * computed offline (ZOHO-SPEC §5.4, seed S0), in the API's own shape.
 */
import { z } from 'zod';

/** One lead: a replica record by id, or a row of an imported Leads batch. */
export const LeadRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replica'), id: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('batch'), batch: z.number().int().min(1), row: z.number().int().min(1) }).strict(),
]);

/**
 * Which of the two modules the org has in Setup › Organize Modules. The replica cannot tell a
 * removed module from an empty one, so the user says so.
 */
export const OrgModulesSchema = z.object({ Contacts: z.boolean(), Accounts: z.boolean() }).strict();

const MatchedValue = z.object({ field: z.object({ api_name: z.string() }), matched_lead_value: z.string() });
const OptionRecord = z.record(z.string(), z.union([z.string(), z.null(), z.boolean(), z.object({ name: z.string(), id: z.string() })]).optional());

export const ConversionOptionsSchema = z.object({
  module_preference: z.object({ api_name: z.enum(['Contacts', 'Accounts']) }),
  Contacts: z.array(OptionRecord).nullable(),
  Accounts: z.array(OptionRecord).nullable(),
  preference_field_matched_value: z.object({ Contacts: z.array(MatchedValue), Accounts: z.array(MatchedValue) }),
});

/** Which fields of one listed record matched the lead (what the window shows per record). */
const MatchedBy = z.record(z.string(), z.array(z.object({ field: z.string(), value: z.string() })));

export const LeadOptionsResultSchema = z.object({
  lead: z.object({ key: z.string(), id: z.string().nullable(), batchRow: z.number().int().nullable(), name: z.string(), company: z.string(), email: z.string() }),
  /** The path Zoho answers on (v8), or null for a batch row that has no Zoho id yet. */
  path: z.string().nullable(),
  /** 200 with the body, or 204 No Content. */
  status: z.union([z.literal(200), z.literal(204)]),
  /** Exactly what Zoho would answer (null for 204). */
  body: z.object({ __conversion_options: ConversionOptionsSchema }).nullable(),
  /** Per module, per record id: the fields that matched and the lead value. */
  matchedBy: z.object({ Contacts: MatchedBy, Accounts: MatchedBy }),
  /** False when Zoho would not convert this lead at all (no Contacts module). */
  canConvert: z.boolean(),
  /** Why the answer looks as it does (204, contacts only, no account matching, the lead's state). */
  notes: z.array(z.string()),
  modules: OrgModulesSchema,
  /** The batch row's duplicate review decision, as the conversion reads it. */
  review: z
    .object({ action: z.enum(['merge', 'create', 'skip', 'merge-row']), target: z.object({ module: z.string(), id: z.string(), name: z.string() }).nullable(), offered: z.boolean().nullable() })
    .nullable(),
});
