// A connected account's state as the portal shows it, from a v1 Account as last read. Pure.
//   onboarding: the payee has not submitted their details (terms not accepted yet);
//   restricted: submitted, but Stripe has not (or no longer) activated transfers — requirements outstanding;
//   enabled:    the `transfers` capability is active: transfers go out.
import type Stripe from 'stripe';

export type PayeeAccountState = {
  status: 'onboarding' | 'restricted' | 'enabled';
  requirementsDue: string[];
  disabledReason: string | null;
  detailsSubmitted: boolean;
};

export function payeeAccountState(account: Pick<Stripe.Account, 'details_submitted' | 'capabilities' | 'requirements'>): PayeeAccountState {
  const detailsSubmitted = account.details_submitted === true;
  const transfers = account.capabilities?.transfers;
  const status = transfers === 'active' ? 'enabled' : detailsSubmitted ? 'restricted' : 'onboarding';
  return {
    status,
    requirementsDue: [...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])].filter((v, i, all) => all.indexOf(v) === i),
    disabledReason: account.requirements?.disabled_reason ?? null,
    detailsSubmitted,
  };
}
