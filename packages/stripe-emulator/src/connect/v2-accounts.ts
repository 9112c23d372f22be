// Accounts v2 (`/v2/core/accounts`) over the v1 accounts: a v2 account with the recipient configuration is the
// same `acct_` a v1 transfer can pay, as in Stripe. Its money state (capabilities, requirements, onboarding)
// is the v1 account's; what only v2 has (display name, contact email, dashboard, identity, defaults, which
// configurations are applied, whether it is closed) is kept beside it. Rendering honours `include`: Stripe
// returns `configuration.*`, `defaults`, `identity`, `requirements` and `future_requirements` only when asked.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { accountsCollection } from './collections.js';
import { emitV2Event } from '../core/emit-v2-event.js';
import { ONBOARDING_REQUIREMENTS, buildAccount, defaultCurrencyOf, type AccountType } from './accounts.js';

export type V2Include = 'configuration.customer' | 'configuration.merchant' | 'configuration.recipient' | 'defaults' | 'future_requirements' | 'identity' | 'requirements';
export type V2Dashboard = 'express' | 'full' | 'none';
export type V2EntityType = 'company' | 'government_entity' | 'individual' | 'non_profit';

export interface StoredV2Account {
  id: string;
  applied_configurations: Array<'recipient'>;
  closed: boolean;
  contact_email: string | null;
  display_name: string | null;
  dashboard: V2Dashboard;
  country: string;
  entity_type: V2EntityType | null;
  registered_name: string | null;
  currency: string;
  locales: string[];
  fees_collector: 'application' | 'application_custom' | 'application_express' | 'stripe';
  losses_collector: 'application' | 'stripe';
  /** Whether `configuration.recipient.capabilities.stripe_balance.stripe_transfers` was requested. */
  stripe_transfers_requested: boolean;
  /** ISO 8601, as v2 dates are. */
  created: string;
}

export const v2AccountsCollection = defineCollection<StoredV2Account>('_v2_accounts');

export interface CreateV2AccountInput {
  contactEmail: string | null;
  displayName: string | null;
  dashboard: V2Dashboard;
  country: string;
  entityType: V2EntityType | null;
  registeredName: string | null;
  currency: string | null;
  locales: string[];
  feesCollector: StoredV2Account['fees_collector'] | null;
  lossesCollector: StoredV2Account['losses_collector'] | null;
  recipient: { stripeTransfersRequested: boolean } | null;
  metadata: Stripe.Metadata;
}

function v1TypeOf(dashboard: V2Dashboard): AccountType {
  return dashboard === 'express' ? 'express' : dashboard === 'full' ? 'standard' : 'custom';
}

export function createV2Account(emu: Emulator, input: CreateV2AccountInput): StoredV2Account {
  if (!input.recipient) {
    throw invalidRequest('The Stripe emulator implements v2 accounts with the `recipient` configuration only: pass `configuration.recipient`.', {
      param: 'configuration',
    });
  }
  const created = emu.clock.wallNow();
  const dashboard = input.dashboard;
  const v1 = buildAccount({
    type: v1TypeOf(dashboard),
    country: input.country,
    email: input.contactEmail,
    defaultCurrency: input.currency,
    businessType: input.entityType,
    businessProfile: { name: input.displayName },
    capabilities: input.recipient.stripeTransfersRequested ? ['transfers'] : [],
    metadata: input.metadata,
    created,
  });
  emu.store.insert(accountsCollection, v1);
  const stored: StoredV2Account = {
    id: v1.id,
    applied_configurations: ['recipient'],
    closed: false,
    contact_email: input.contactEmail,
    display_name: input.displayName,
    dashboard,
    country: input.country,
    entity_type: input.entityType,
    registered_name: input.registeredName,
    currency: input.currency ?? defaultCurrencyOf(input.country),
    locales: input.locales,
    fees_collector: input.feesCollector ?? (dashboard === 'express' ? 'application_express' : dashboard === 'full' ? 'stripe' : 'application_custom'),
    losses_collector: input.lossesCollector ?? (dashboard === 'full' ? 'stripe' : 'application'),
    stripe_transfers_requested: input.recipient.stripeTransfersRequested,
    created: new Date(created * 1000).toISOString(),
  };
  const inserted = emu.store.insert(v2AccountsCollection, stored);
  emitV2AccountEvent(emu, inserted.id, 'v2.core.account.created');
  return inserted;
}

type V2AccountEventType =
  | 'v2.core.account.created'
  | 'v2.core.account.updated'
  | 'v2.core.account.closed'
  | 'v2.core.account[configuration.recipient].capability_status_updated'
  | 'v2.core.account[requirements].updated';

/** A thin event about a v2 account; its `related_object` is the account (`fetchRelatedObject()` retrieves it). */
export function emitV2AccountEvent(emu: Emulator, accountId: string, type: V2AccountEventType, data?: Record<string, unknown>): void {
  emitV2Event(emu, { type, relatedObject: { id: accountId, type: 'v2.core.account', url: `/v2/core/accounts/${accountId}` }, data });
}

/**
 * The v2 events of a v1 `account.updated` on an account that is also a v2 account (onboarding completed on the
 * hosted page, an update through either API): the recipient capability's status, the requirements, and the
 * account as a whole, as Stripe sends them to a thin event destination. Called for every v1 event: cheap when
 * it is not one.
 */
export function emitV2AccountChanges(emu: Emulator, event: Stripe.EventBase): void {
  if (event.type !== 'account.updated' || !event.account || !emu.store.has(v2AccountsCollection, event.account)) return;
  const previous = (event.data.previous_attributes ?? {}) as Partial<Stripe.Account>;
  const account = event.data.object as Stripe.Account;
  if ('capabilities' in previous && previous.capabilities?.transfers !== account.capabilities?.transfers) {
    emitV2AccountEvent(emu, account.id, 'v2.core.account[configuration.recipient].capability_status_updated', {
      updated_capability: 'stripe_balance.stripe_transfers',
    });
  }
  if ('requirements' in previous) emitV2AccountEvent(emu, account.id, 'v2.core.account[requirements].updated');
  emitV2AccountEvent(emu, account.id, 'v2.core.account.updated');
}

export function requireV2Account(emu: Emulator, id: string): StoredV2Account {
  const stored = emu.store.get(v2AccountsCollection, id);
  // Deleted through v1 (DELETE /v1/accounts/:id removes both views), or never a v2 account.
  if (!stored || !emu.store.has(accountsCollection, id)) throw resourceMissing('account', id, 'id');
  return stored;
}

function requirementEntries(v1: Stripe.Account): Stripe.V2.Core.Account.Requirements.Entry[] {
  const due = v1.requirements?.currently_due ?? [];
  return due
    .filter((field) => ONBOARDING_REQUIREMENTS.includes(field))
    .map((field) => ({
      awaiting_action_from: 'user',
      description: field,
      errors: [],
      impact: {
        restricts_capabilities: [{ capability: 'stripe_balance.stripe_transfers', configuration: 'recipient', deadline: { status: 'past_due' } }],
      },
      minimum_deadline: { status: 'past_due' },
      requested_reasons: [{ code: 'routine_onboarding' }],
    }));
}

/** The v2 view of an account; `include` adds the parts Stripe sends only on request. */
export function renderV2Account(emu: Emulator, stored: StoredV2Account, include: readonly V2Include[]): Stripe.V2.Core.Account {
  const v1 = emu.store.get(accountsCollection, stored.id);
  const transfersActive = v1?.capabilities?.transfers === 'active';
  const account: Stripe.V2.Core.Account = {
    id: stored.id,
    object: 'v2.core.account',
    applied_configurations: stored.applied_configurations,
    closed: stored.closed,
    ...(stored.contact_email ? { contact_email: stored.contact_email } : {}),
    created: stored.created,
    dashboard: stored.dashboard,
    ...(stored.display_name ? { display_name: stored.display_name } : {}),
    livemode: false,
    metadata: v1?.metadata ?? {},
  };
  if (include.includes('configuration.recipient')) {
    account.configuration = {
      recipient: {
        applied: stored.applied_configurations.includes('recipient'),
        capabilities: stored.stripe_transfers_requested
          ? {
              stripe_balance: {
                stripe_transfers: transfersActive
                  ? { status: 'active', status_details: [] }
                  : { status: 'restricted', status_details: [{ code: 'requirements_past_due', resolution: 'provide_info' }] },
              },
            }
          : {},
      },
    };
  }
  if (include.includes('defaults')) {
    account.defaults = {
      currency: stored.currency,
      locales: stored.locales,
      responsibilities: { fees_collector: stored.fees_collector, losses_collector: stored.losses_collector, requirements_collector: 'stripe' },
    };
  }
  if (include.includes('identity')) {
    account.identity = {
      country: stored.country,
      ...(stored.entity_type ? { entity_type: stored.entity_type } : {}),
      ...(stored.registered_name ? { business_details: { registered_name: stored.registered_name } } : {}),
    };
  }
  if (include.includes('requirements')) {
    const entries = v1 ? requirementEntries(v1) : [];
    account.requirements = entries.length > 0 ? { entries, summary: { minimum_deadline: { status: 'past_due' } } } : { entries: [] };
  }
  if (include.includes('future_requirements')) account.future_requirements = { entries: [] };
  return account;
}
