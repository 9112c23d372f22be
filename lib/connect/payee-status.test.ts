import { describe, expect, it } from 'vitest';
import { payeeAccountState } from './payee-status';

describe('payeeAccountState', () => {
  it('is onboarding until the details are submitted', () => {
    const state = payeeAccountState({ details_submitted: false, capabilities: { transfers: 'inactive' }, requirements: { currently_due: ['tos_acceptance.date'], past_due: [], disabled_reason: 'requirements.past_due' } as never });
    expect(state).toEqual({ status: 'onboarding', requirementsDue: ['tos_acceptance.date'], disabledReason: 'requirements.past_due', detailsSubmitted: false });
  });

  it('is restricted when submitted but transfers are not active', () => {
    expect(payeeAccountState({ details_submitted: true, capabilities: { transfers: 'pending' }, requirements: { currently_due: [], past_due: ['individual.id_number'] } as never }).status).toBe('restricted');
  });

  it('is enabled when the transfers capability is active', () => {
    const state = payeeAccountState({ details_submitted: true, capabilities: { transfers: 'active' }, requirements: { currently_due: [], past_due: [] } as never });
    expect(state.status).toBe('enabled');
    expect(state.requirementsDue).toEqual([]);
  });
});
