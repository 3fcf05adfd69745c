/**
 * Planning many leads in one go (pure): each plan is made against the replica plus the
 * records the leads before it would create, so two leads creating the same unique value are
 * caught as Zoho would catch the second.
 */
import type { LeadChoice, LeadConvertSettings, LeadPlan, LeadSource } from '../../../../shared/domain/convert';
import { planLead } from './lead-plan';
import type { LeadWorld } from './lead-world';

/** The choice for a lead nobody decided about: create new records. */
export const CREATE_NEW: LeadChoice = { contactId: null, accountId: null, contactSource: null, accountSource: null };

/** Lets later plans see the unique values a ready plan's new records would take. */
export function claimPlan(world: LeadWorld, plan: LeadPlan): void {
  if (plan.status !== 'ready') return;
  for (const r of [plan.contact, plan.account, plan.deal]) {
    if (r && r.action === 'create') {
      world.uniques.add(r.module, r.values, { module: r.module, id: `(new, from ${plan.lead.name})`, name: r.name, plannedBy: plan.lead.name });
    }
  }
}

/** Plans each lead in order; `choiceOf` gives each lead's targets (review decisions, picks). */
export function planLeads(
  leads: Iterable<LeadSource>,
  choiceOf: (lead: LeadSource) => LeadChoice,
  settings: LeadConvertSettings,
  world: LeadWorld,
  onPlan: (plan: LeadPlan) => void,
): void {
  for (const lead of leads) {
    const plan = planLead(lead, choiceOf(lead), settings, world);
    claimPlan(world, plan);
    onPlan(plan);
  }
}
