import { describe, expect, it } from 'vitest';
import { payeeAccountState, recipientAccountState } from './payee-status';

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

describe('recipientAccountState (Accounts v2)', () => {
  const entry = (description: string, awaiting: 'user' | 'stripe', deadline: 'currently_due' | 'past_due' | 'eventually_due' = 'currently_due') =>
    ({ description, awaiting_action_from: awaiting, minimum_deadline: { status: deadline }, errors: [], impact: {}, requested_reasons: [] }) as never;
  const recipient = (status: string, code?: string) =>
    ({ recipient: { applied: true, capabilities: { stripe_balance: { stripe_transfers: { status, status_details: code ? [{ code, resolution: 'provide_info' }] : [] } } } } }) as never;

  it('is onboarding while a due requirement awaits the payee, and lists it', () => {
    const state = recipientAccountState({
      configuration: recipient('restricted', 'requirements_past_due'),
      requirements: { entries: [entry('tos_acceptance.date', 'user', 'past_due'), entry('individual.dob', 'user'), entry('individual.id_number', 'user', 'eventually_due')] } as never,
    });
    expect(state).toEqual({ status: 'onboarding', requirementsDue: ['tos_acceptance.date', 'individual.dob'], disabledReason: 'requirements_past_due', detailsSubmitted: false });
  });

  it('is restricted when nothing awaits the payee but transfers are not active (Stripe is verifying)', () => {
    const state = recipientAccountState({
      configuration: recipient('pending', 'requirements_pending_verification'),
      requirements: { entries: [entry('individual.verification.document', 'stripe')] } as never,
    });
    expect(state).toEqual({ status: 'restricted', requirementsDue: ['individual.verification.document'], disabledReason: 'requirements_pending_verification', detailsSubmitted: true });
  });

  it('is enabled when stripe_transfers is active', () => {
    expect(recipientAccountState({ configuration: recipient('active'), requirements: { entries: [] } as never })).toEqual({
      status: 'enabled',
      requirementsDue: [],
      disabledReason: null,
      detailsSubmitted: true,
    });
  });
});
