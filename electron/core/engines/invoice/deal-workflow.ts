/**
 * Zoho Invoice's workflows for Deals ("Potentials", seed S4), pure: with the estimate workflow,
 * a created deal gets an estimate (draft) that is accepted when the deal is won and declined
 * when it is lost; with the invoice workflow, a won deal gets an invoice, voided if the deal is
 * then lost. Once the document's status is changed in Zoho Invoice the workflow leaves it alone.
 */
import type { DealWorkflowStep } from '../../../../shared/domain/invoice';

/** The deal event a Stage stands for. */
export function dealEvent(stage: string): DealWorkflowStep['event'] {
  const s = stage.trim().toLowerCase();
  if (s.startsWith('closed won') || s === 'won') return 'won';
  if (s.startsWith('closed lost') || s === 'lost') return 'lost';
  return 'created';
}

/** What the workflow does for a deal at this Stage. */
export function dealWorkflow(stage: string, workflow: DealWorkflowStep['workflow']): DealWorkflowStep {
  const event = dealEvent(stage);
  if (workflow === 'estimate') {
    const status = event === 'created' ? 'draft' : event === 'won' ? 'accepted' : 'declined';
    const explanation =
      event === 'created'
        ? 'Creating the deal creates an estimate in Zoho Invoice, as a draft.'
        : event === 'won'
          ? 'Winning the deal marks its estimate Accepted.'
          : 'Losing the deal marks its estimate Declined.';
    return { event, workflow, documentKind: 'estimate', status, explanation };
  }
  if (event === 'created') {
    return { event, workflow, documentKind: null, status: null, explanation: 'No invoice yet: the invoice workflow creates one when the deal is won. This is the invoice it would create.' };
  }
  return event === 'won'
    ? { event, workflow, documentKind: 'invoice', status: 'draft', explanation: 'Winning the deal creates this invoice in Zoho Invoice.' }
    : { event, workflow, documentKind: 'invoice', status: 'void', explanation: "Losing the deal voids the invoice created when it was won." };
}
