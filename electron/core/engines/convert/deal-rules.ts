/**
 * The Deal a lead conversion creates (pure): Zoho creates one only when asked, and then needs
 * Deal_Name, Closing_Date, Stage and Pipeline; a Stage outside the Pipeline is refused
 * (seed S0, ZOHO-SPEC §5.2: "Pipeline doesn't contain the Stage" -> INVALID_DATA).
 */
import type { ConvertFinding, DealInput } from '../../../../shared/domain/convert';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { refusal } from './findings';

const MANDATORY: readonly (keyof DealInput)[] = ['Deal_Name', 'Closing_Date', 'Stage', 'Pipeline'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^-?\d{1,16}(\.\d{1,9})?$/;

/** An empty deal input, to fill in. */
export function emptyDeal(): DealInput {
  return { Deal_Name: '', Closing_Date: '', Stage: '', Pipeline: '', Amount: '', Contact_Role: '' };
}

/**
 * The picklist value a given pipeline names. Zoho writes pipelines as `Name (Layout)` in
 * conversion requests ("Standard (Standard)") and as `Name` in the picklist; both are accepted.
 */
export function pipelineValue(given: string, picklist: readonly string[] | null): string | null {
  const v = given.trim();
  if (picklist === null || picklist.length === 0) return v;
  if (picklist.includes(v)) return v;
  const bare = v.replace(/\s*\([^()]*\)\s*$/, '');
  return picklist.includes(bare) ? bare : null;
}

function validDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Zoho's answers about a deal input, checked against the Deals metadata. */
export function checkDeal(deal: DealInput, dealFields: readonly FieldMeta[]): ConvertFinding[] {
  const out: ConvertFinding[] = [];
  for (const key of MANDATORY) {
    if (deal[key].trim() === '') {
      out.push(refusal('MANDATORY_NOT_FOUND', 'Deals', `A new deal needs ${key}; it is empty.`, key));
    }
  }
  if (deal.Closing_Date.trim() !== '' && !validDate(deal.Closing_Date.trim())) {
    out.push(refusal('INVALID_DATA', 'Deals', `Closing_Date "${deal.Closing_Date}" is not a date in the form yyyy-MM-dd.`, 'Closing_Date'));
  }
  if (deal.Amount.trim() !== '' && !AMOUNT.test(deal.Amount.trim())) {
    out.push(refusal('INVALID_DATA', 'Deals', `Amount "${deal.Amount}" is not a number.`, 'Amount'));
  }
  const stageField = dealFields.find((f) => f.apiName === 'Stage');
  const pipelineField = dealFields.find((f) => f.apiName === 'Pipeline');
  const stage = deal.Stage.trim();
  if (stage !== '' && stageField?.picklist && stageField.picklist.length > 0 && !stageField.picklist.includes(stage)) {
    out.push(refusal('INVALID_DATA', 'Deals', `Stage "${stage}" is not a value of the Stage picklist.`, 'Stage'));
  }
  if (deal.Pipeline.trim() !== '' && pipelineField) {
    const pipeline = pipelineValue(deal.Pipeline, pipelineField.picklist);
    if (pipeline === null) {
      out.push(refusal('INVALID_DATA', 'Deals', `Pipeline "${deal.Pipeline}" is not a pipeline of this org (${(pipelineField.picklist ?? []).join(', ')}).`, 'Pipeline'));
    } else if (stage !== '') {
      const stages = pipelineField.picklistMaps?.[pipeline]?.Stage;
      if (stages && !stages.includes(stage)) {
        out.push(refusal('INVALID_DATA', 'Deals', `Pipeline "${pipeline}" doesn't contain the Stage "${stage}".`, 'Stage'));
      }
    }
  }
  return out;
}

/** The deal's values for the new record (only those given), Amount kept as text. */
export function dealValues(deal: DealInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(deal)) {
    if (v.trim() !== '') out[k] = v.trim();
  }
  return out;
}
