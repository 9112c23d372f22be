// The account itself: GET /v1/account (and `GET /v1/accounts/<its id>`), as the SDK's
// `stripe.accounts.retrieve()` asks for it. One fixed, documented account per emulator so that callers can
// tell "our account" from another (the Stripe App endpoint answers 403 for any other `account_id`).
// Connect (other accounts) is not emulated; any other `acct_` id is a 404.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import type { Full } from '../core/types.js';
import { resourceMissing } from '../http/errors.js';

/** The emulator's own account id: stable across restarts and instances (documented in the README). */
export const EMULATOR_ACCOUNT_ID = 'acct_1SeikyuEmulator0';

/** Created 2024-01-01T00:00:00Z: fixed, so the object is the same every time. */
const CREATED = 1_704_067_200;

function emulatorAccount(): Full<Stripe.Account, 'deleted' | 'company' | 'individual' | 'controller' | 'groups'> {
  const requirements = {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
  return {
    id: EMULATOR_ACCOUNT_ID,
    object: 'account',
    business_profile: {
      mcc: null,
      minority_owned_business_designation: null,
      name: 'Seikyu Emulator',
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    country: 'JP',
    created: CREATED,
    default_currency: 'jpy',
    details_submitted: true,
    email: 'billing@seikyu.localhost',
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${EMULATOR_ACCOUNT_ID}/external_accounts` },
    future_requirements: { ...requirements, current_deadline: null },
    metadata: {},
    payouts_enabled: true,
    requirements,
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: { statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: 'Seikyu Emulator', timezone: 'Asia/Tokyo' },
      payments: { statement_descriptor: 'SEIKYU', statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
    },
    tos_acceptance: { date: CREATED },
    type: 'standard',
  };
}

export function registerAccount(emu: Emulator): void {
  emu.router.api('GET', '/v1/account', {}, () => emulatorAccount());
  emu.router.api('GET', '/v1/accounts/:account', {}, ({ path }) => {
    if (path.account !== EMULATOR_ACCOUNT_ID) throw resourceMissing('account', path.account, 'account');
    return emulatorAccount();
  });
}
