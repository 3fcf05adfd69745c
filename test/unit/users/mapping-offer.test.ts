import { describe, expect, it } from 'vitest';
import { mappingFromPlans, originText, plansFromSuggestions, type Suggestion } from '../../../renderer/src/store/mapping-plan';

const s = (over: Partial<Suggestion>): Suggestion => ({ column: 'Email', index: 0, field: 'Email', confidence: 0.45, reason: 'api-name', caution: null, ...over });

describe('the mapping editor and doubtful suggestions', () => {
  it('offers a suggestion whose values do not fit instead of mapping it', () => {
    const [plan] = plansFromSuggestions(['Email'], [s({ caution: 'None of the 3 sample values is an email address.' })], null);
    expect(plan?.field).toBeNull();
    expect(plan?.offer).toEqual({ field: 'Email', confidence: 0.45, caution: 'None of the 3 sample values is an email address.' });
    expect(mappingFromPlans('Leads', plan ? [plan] : [], false).fields).toEqual([]);
  });

  it('prefills a suggestion without a caution, and names a values-lifted one', () => {
    const [plan] = plansFromSuggestions(['Email 1'], [s({ column: 'Email 1', confidence: 0.87, reason: 'values' })], null);
    expect(plan?.field).toBe('Email');
    expect(plan?.offer).toBeNull();
    expect(originText(plan?.origin ?? { kind: 'user' }, true)).toBe('name and values · 87%');
  });
});
