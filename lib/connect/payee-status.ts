// A connected account's state as the portal shows it, from the account as last read. Pure.
//   onboarding: the payee has something to do on Stripe's hosted onboarding (terms, details);
//   restricted: nothing awaits the payee, but Stripe has not (or no longer) enabled transfers — the outstanding
//               requirements are listed;
//   enabled:    transfers to the account go out.
// Two readings, one per API the payee's account was created with (connect_payees.account_api):
//   v2 (Accounts v2, recipient configuration): `configuration.recipient.capabilities.stripe_balance.
//      stripe_transfers.status` and `requirements.entries`; v2 has no `details_submitted`, so "submitted" means no
//      entry is awaiting the payee's action;
//   v1 (Express, payees added before the v2 change): `details_submitted`, `capabilities.transfers`,
//      `requirements.currently_due` / `past_due`.
import type Stripe from 'stripe';

export type PayeeAccountState = {
  status: 'onboarding' | 'restricted' | 'enabled';
  requirementsDue: string[];
  disabledReason: string | null;
  detailsSubmitted: boolean;
};

const unique = (values: string[]) => values.filter((v, i, all) => all.indexOf(v) === i);

export function payeeAccountState(account: Pick<Stripe.Account, 'details_submitted' | 'capabilities' | 'requirements'>): PayeeAccountState {
  const detailsSubmitted = account.details_submitted === true;
  const transfers = account.capabilities?.transfers;
  const status = transfers === 'active' ? 'enabled' : detailsSubmitted ? 'restricted' : 'onboarding';
  return {
    status,
    requirementsDue: unique([...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])]),
    disabledReason: account.requirements?.disabled_reason ?? null,
    detailsSubmitted,
  };
}

/** Requirements that are due now (`currently_due` or `past_due`); `eventually_due` ones do not hold transfers yet. */
function dueEntries(account: Pick<Stripe.V2.Core.Account, 'requirements'>): Stripe.V2.Core.Account.Requirements.Entry[] {
  return (account.requirements?.entries ?? []).filter((e) => e.minimum_deadline?.status !== 'eventually_due');
}

/** The same state from an Accounts v2 recipient (retrieved with `include: ['configuration.recipient', 'requirements']`). */
export function recipientAccountState(account: Pick<Stripe.V2.Core.Account, 'configuration' | 'requirements'>): PayeeAccountState {
  const transfers = account.configuration?.recipient?.capabilities?.stripe_balance?.stripe_transfers;
  const due = dueEntries(account);
  const detailsSubmitted = !due.some((e) => e.awaiting_action_from === 'user');
  const status = transfers?.status === 'active' ? 'enabled' : detailsSubmitted ? 'restricted' : 'onboarding';
  return {
    status,
    requirementsDue: unique(due.map((e) => e.description)),
    disabledReason: status === 'enabled' ? null : (transfers?.status_details?.[0]?.code ?? null),
    detailsSubmitted,
  };
}
