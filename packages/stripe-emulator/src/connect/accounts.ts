// Connected accounts (v1 `Account`) and the platform's own account: how an account is built from its create
// params, what an express account still owes before it can receive transfers, and what completing the hosted
// onboarding changes. Routes live in resources/accounts.ts.
import type Stripe from 'stripe';
import { newId } from '../core/ids.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';


/**
 * The emulator's own (platform) account: what `GET /v1/account` answers. A fixed id so apps and docs can
 * name it (Stripe's ids are `acct_` + 16 characters).
 */
export const PLATFORM_ACCOUNT_ID = 'acct_1SeikyuEmulator0';

/** Capabilities the emulator models; requesting others is refused by the route's param shape. */
export type CapabilityName = 'card_payments' | 'transfers';

/**
 * What an express account in Japan still has to provide before its capabilities turn active. Stripe's real
 * list depends on country and business type; this one is representative and emptied by the onboarding page.
 */
export const ONBOARDING_REQUIREMENTS = [
  'business_profile.mcc',
  'business_profile.product_description',
  'business_type',
  'external_account',
  'individual.first_name_kana',
  'individual.last_name_kana',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

export type AccountType = 'express' | 'standard' | 'custom' | 'none';

export interface ControllerInput {
  fees?: { payer?: 'account' | 'application' };
  losses?: { payments?: 'application' | 'stripe' };
  requirement_collection?: 'application' | 'stripe';
  stripe_dashboard?: { type?: 'express' | 'full' | 'none' };
}

/** The account `type` Stripe derives from controller properties (docs: "Migrate to controller properties"). */
export function typeFromController(controller: ControllerInput): AccountType {
  const dashboard = controller.stripe_dashboard?.type ?? 'full';
  const collection = controller.requirement_collection ?? 'stripe';
  const payer = controller.fees?.payer ?? 'account';
  const losses = controller.losses?.payments ?? 'stripe';
  if (dashboard === 'full' && payer === 'account' && losses === 'stripe' && collection === 'stripe') return 'standard';
  if (dashboard === 'express' && payer === 'application' && losses === 'application' && collection === 'stripe') return 'express';
  if (dashboard === 'none' && payer === 'application' && losses === 'application' && collection === 'application') return 'custom';
  return 'none';
}

function controllerOf(type: AccountType, input: ControllerInput | undefined): Stripe.Account.Controller {
  if (type === 'standard') {
    return {
      fees: { payer: 'account' },
      is_controller: true,
      losses: { payments: 'stripe' },
      requirement_collection: 'stripe',
      stripe_dashboard: { type: 'full' },
      type: 'application',
    };
  }
  return {
    // Stripe reports the fee payer of a legacy express account as `application_express`.
    fees: { payer: type === 'express' ? 'application_express' : type === 'custom' ? 'application_custom' : (input?.fees?.payer ?? 'application') },
    is_controller: true,
    losses: { payments: input?.losses?.payments ?? 'application' },
    requirement_collection: input?.requirement_collection ?? (type === 'custom' ? 'application' : 'stripe'),
    stripe_dashboard: { type: input?.stripe_dashboard?.type ?? (type === 'express' ? 'express' : 'none') },
    type: 'application',
  };
}

function emptyRequirements(): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}

function emptyFutureRequirements(): Stripe.Account.FutureRequirements {
  return { alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [] };
}

function owedRequirements(): Stripe.Account.Requirements {
  return {
    ...emptyRequirements(),
    currently_due: [...ONBOARDING_REQUIREMENTS],
    disabled_reason: 'requirements.past_due',
    eventually_due: [...ONBOARDING_REQUIREMENTS],
    past_due: [...ONBOARDING_REQUIREMENTS],
  };
}

export interface AccountInput {
  type: AccountType;
  controller?: ControllerInput;
  country: string;
  email: string | null;
  defaultCurrency: string | null;
  businessType: Stripe.Account.BusinessType | null;
  businessProfile: { name?: string | null; url?: string | null; mcc?: string | null; product_description?: string | null };
  capabilities: CapabilityName[];
  metadata: Stripe.Metadata;
  created: number;
}

/** Stripe's default currency per country, for the countries a Japanese platform is likely to onboard. */
const DEFAULT_CURRENCY: Record<string, string> = { JP: 'jpy', US: 'usd', GB: 'gbp', CA: 'cad', AU: 'aud', SG: 'sgd', HK: 'hkd', NZ: 'nzd' };

export function defaultCurrencyOf(country: string): string {
  return DEFAULT_CURRENCY[country] ?? 'usd';
}

/** A new connected account: nothing submitted, every requested capability inactive until onboarding. */
export function buildAccount(input: AccountInput): Stripe.Account {
  const capabilities: Stripe.Account.Capabilities = {};
  for (const name of input.capabilities) capabilities[name] = 'inactive';
  const displayName = input.businessProfile.name ?? null;
  const account = {
    id: newId('acct').slice(0, 21),
    object: 'account',
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: input.businessProfile.mcc ?? null,
      minority_owned_business_designation: null,
      name: displayName,
      product_description: input.businessProfile.product_description ?? null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: input.businessProfile.url ?? null,
    },
    business_type: input.businessType,
    capabilities,
    charges_enabled: false,
    controller: controllerOf(input.type, input.controller),
    country: input.country,
    created: input.created,
    default_currency: input.defaultCurrency ?? defaultCurrencyOf(input.country),
    details_submitted: false,
    email: input.email,
    external_accounts: { object: 'list', data: [], has_more: false, url: '' },
    future_requirements: emptyFutureRequirements(),
    groups: null,
    metadata: input.metadata,
    payouts_enabled: false,
    requirements: owedRequirements(),
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: { decline_on: { avs_failure: false, cvc_failure: false }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: displayName, timezone: input.country === 'JP' ? 'Asia/Tokyo' : 'Etc/UTC' },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: 'offer' },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 4, interval: 'daily' }, statement_descriptor: null },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: input.type,
  } satisfies Full<Stripe.Account, 'deleted' | 'company' | 'individual'>;
  account.external_accounts.url = `/v1/accounts/${account.id}/external_accounts`;
  return account;
}

export interface OnboardingDetails {
  businessName: string;
  businessType: 'individual' | 'company';
  productDescription: string;
  ip: string;
  userAgent: string | null;
  at: number;
}

/**
 * What the hosted onboarding does once the payee accepted the terms and entered their details: requirements
 * emptied, details submitted, every requested capability active, charges and payouts enabled.
 */
export function completeOnboarding(account: Stripe.Account, details: OnboardingDetails): Stripe.Account {
  const capabilities: Stripe.Account.Capabilities = {};
  for (const name of Object.keys(account.capabilities ?? {}) as CapabilityName[]) capabilities[name] = 'active';
  const profile = account.business_profile;
  return {
    ...account,
    business_profile: profile
      ? { ...profile, name: profile.name ?? details.businessName, mcc: profile.mcc ?? '8011', product_description: profile.product_description ?? details.productDescription }
      : profile,
    business_type: details.businessType,
    capabilities,
    charges_enabled: true,
    details_submitted: true,
    payouts_enabled: true,
    requirements: emptyRequirements(),
    settings: account.settings ? { ...account.settings, dashboard: { ...account.settings.dashboard, display_name: account.settings.dashboard.display_name ?? details.businessName } } : account.settings,
    tos_acceptance: { date: details.at, ip: details.ip, user_agent: details.userAgent },
  };
}

/** True when the account can receive transfers (Stripe refuses a transfer to an account without the capability). */
export function canReceiveTransfers(account: Stripe.Account): boolean {
  return account.capabilities?.transfers === 'active';
}

/** When the platform account was "created": fixed, so every answer (and every restart) shows the same account. */
export const PLATFORM_ACCOUNT_CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z

/** The platform account, built fresh for each answer (it has no state the API can change) and identical each time. */
export function platformAccount(created: number = PLATFORM_ACCOUNT_CREATED): Stripe.Account {
  const account = buildAccount({
    type: 'standard',
    country: 'JP',
    email: 'platform@seikyu.emulator.invalid',
    defaultCurrency: 'jpy',
    businessType: 'company',
    businessProfile: { name: 'Seikyu (Stripe emulator platform)', mcc: '5734', url: null, product_description: 'Billing platform' },
    capabilities: ['card_payments', 'transfers'],
    metadata: {},
    created,
  });
  return completeOnboarding(
    { ...account, id: PLATFORM_ACCOUNT_ID, external_accounts: { ...account.external_accounts!, url: `/v1/accounts/${PLATFORM_ACCOUNT_ID}/external_accounts` } },
    { businessName: 'Seikyu', businessType: 'company', productDescription: 'Billing platform', ip: '127.0.0.1', userAgent: null, at: created },
  );
}

/** Refuses type and controller together, and neither (Stripe: one of them is needed for a connected account). */
export function resolveAccountType(type: AccountType | undefined, controller: ControllerInput | undefined): AccountType {
  if (type && controller) throw invalidRequest('You cannot specify both `type` and `controller`. Use `controller` properties only.', { param: 'controller' });
  if (type) return type;
  if (controller) return typeFromController(controller);
  return 'standard';
}
