// Stripe's documented test cards (https://docs.stripe.com/testing) and how the emulator makes them behave.
// Exported as data so the README and the Stripe.js stand-in can print or use the same table.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay';
export type CardFunding = 'credit' | 'debit' | 'prepaid';

export interface DeclineOutcome {
  /** Error `code` (card_declined, expired_card, incorrect_cvc, processing_error, incorrect_number...). */
  code: string;
  /** `decline_code` (generic_decline, insufficient_funds, lost_card...). */
  declineCode: string;
  message: string;
}

/** When a card asks for 3D Secure. */
export type AuthenticationRule =
  /** Never. */
  | 'none'
  /** Every setup and every payment, on or off session (off-session payments fail with authentication_required). */
  | 'always'
  /** Setups and on-session payments; off-session payments with a set-up card go through without it. */
  | 'unless_set_up';

export interface TestCard {
  number: string;
  brand: CardBrand;
  funding: CardFunding;
  country: string;
  /** `pm_card_*` / `tok_*` test tokens that stand for this card. */
  tokens: string[];
  authentication: AuthenticationRule;
  /** Decline on every attempt (setup, attach and payment). */
  decline?: DeclineOutcome;
  /** Decline only when charged (attaching and setting up succeed). */
  declineOnCharge?: DeclineOutcome;
  /** Decline after a successful authentication. */
  declineAfterAuthentication?: DeclineOutcome;
  cvcCheck: 'pass' | 'fail' | 'unavailable';
  description: string;
}

const GENERIC: DeclineOutcome = { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' };
const INSUFFICIENT: DeclineOutcome = { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' };

export const AUTHENTICATION_REQUIRED: DeclineOutcome = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

/** Returned when a real (non-test) card number is used, as Stripe does in test mode. */
export const LIVE_CARD_IN_TEST_MODE: DeclineOutcome = {
  code: 'card_declined',
  declineCode: 'live_mode_test_card',
  message:
    'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
};

export const INCORRECT_NUMBER: DeclineOutcome = { code: 'incorrect_number', declineCode: 'incorrect_number', message: 'Your card number is incorrect.' };

function card(
  number: string,
  brand: CardBrand,
  description: string,
  rest: Partial<Omit<TestCard, 'number' | 'brand' | 'description'>> = {},
): TestCard {
  return { number, brand, funding: 'credit', country: 'US', tokens: [], authentication: 'none', cvcCheck: 'pass', description, ...rest };
}

export const TEST_CARDS: readonly TestCard[] = [
  // Successful payments, by brand.
  card('4242424242424242', 'visa', 'Visa: succeeds', { tokens: ['pm_card_visa', 'tok_visa'] }),
  card('4000056655665556', 'visa', 'Visa (debit): succeeds', { funding: 'debit', tokens: ['pm_card_visa_debit', 'tok_visa_debit'] }),
  card('5555555555554444', 'mastercard', 'Mastercard: succeeds', { tokens: ['pm_card_mastercard', 'tok_mastercard'] }),
  card('2223003122003222', 'mastercard', 'Mastercard (2-series): succeeds'),
  card('5200828282828210', 'mastercard', 'Mastercard (debit): succeeds', { funding: 'debit', tokens: ['pm_card_mastercard_debit', 'tok_mastercard_debit'] }),
  card('5105105105105100', 'mastercard', 'Mastercard (prepaid): succeeds', { funding: 'prepaid', tokens: ['pm_card_mastercard_prepaid', 'tok_mastercard_prepaid'] }),
  card('378282246310005', 'amex', 'American Express: succeeds', { tokens: ['pm_card_amex', 'tok_amex'] }),
  card('371449635398431', 'amex', 'American Express: succeeds'),
  card('6011111111111117', 'discover', 'Discover: succeeds', { tokens: ['pm_card_discover', 'tok_discover'] }),
  card('6011000990139424', 'discover', 'Discover: succeeds'),
  card('3056930009020004', 'diners', 'Diners Club: succeeds', { tokens: ['pm_card_diners', 'tok_diners'] }),
  card('36227206271667', 'diners', 'Diners Club (14-digit): succeeds'),
  card('3566002020360505', 'jcb', 'JCB: succeeds', { country: 'JP', tokens: ['pm_card_jcb', 'tok_jcb'] }),
  card('6200000000000005', 'unionpay', 'UnionPay: succeeds', { country: 'CN', tokens: ['pm_card_unionpay', 'tok_unionpay'] }),
  card('4000003920000003', 'visa', 'Visa (Japan): succeeds', { country: 'JP', tokens: ['pm_card_jp', 'tok_jp'] }),
  // Declines.
  card('4000000000000002', 'visa', 'Declined: generic_decline', {
    tokens: ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined', 'tok_chargeDeclined', 'tok_visa_chargeDeclined'],
    decline: GENERIC,
  }),
  card('4000000000009995', 'visa', 'Declined: insufficient_funds', {
    tokens: ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds', 'tok_chargeDeclinedInsufficientFunds'],
    decline: INSUFFICIENT,
  }),
  card('4000000000009987', 'visa', 'Declined: lost_card', {
    tokens: ['pm_card_visa_chargeDeclinedLostCard', 'pm_card_chargeDeclinedLostCard', 'tok_chargeDeclinedLostCard'],
    decline: { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
  }),
  card('4000000000009979', 'visa', 'Declined: stolen_card', {
    tokens: ['pm_card_visa_chargeDeclinedStolenCard', 'pm_card_chargeDeclinedStolenCard', 'tok_chargeDeclinedStolenCard'],
    decline: { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' },
  }),
  card('4000000000000069', 'visa', 'Declined: expired_card', {
    tokens: ['pm_card_chargeDeclinedExpiredCard', 'tok_chargeDeclinedExpiredCard'],
    decline: { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  }),
  card('4000000000000127', 'visa', 'Declined: incorrect_cvc', {
    tokens: ['pm_card_chargeDeclinedIncorrectCvc', 'tok_chargeDeclinedIncorrectCvc'],
    cvcCheck: 'fail',
    decline: { code: 'incorrect_cvc', declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  }),
  card('4000000000000119', 'visa', 'Declined: processing_error', {
    tokens: ['pm_card_chargeDeclinedProcessingError', 'tok_chargeDeclinedProcessingError'],
    decline: { code: 'processing_error', declineCode: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
  }),
  card('4000000000006975', 'visa', 'Declined: card_velocity_exceeded', {
    tokens: ['pm_card_visa_chargeDeclinedVelocityLimitExceeded', 'tok_visa_chargeDeclinedVelocityLimitExceeded'],
    decline: { code: 'card_declined', declineCode: 'card_velocity_exceeded', message: 'Your card was declined.' },
  }),
  card('4100000000000019', 'visa', 'Declined: fraudulent (blocked)', {
    tokens: ['pm_card_radarBlock', 'pm_card_chargeDeclinedFraudulent', 'tok_radarBlock'],
    decline: { code: 'card_declined', declineCode: 'fraudulent', message: 'Your card was declined.' },
  }),
  card('4000000000000341', 'visa', 'Attaches and sets up, but every charge is declined (generic_decline)', {
    tokens: ['pm_card_chargeCustomerFail', 'tok_chargeCustomerFail'],
    declineOnCharge: GENERIC,
  }),
  card('4000000000000101', 'visa', 'CVC check fails; charges succeed', { tokens: ['pm_card_cvcCheckFail', 'tok_cvcCheckFail'], cvcCheck: 'fail' }),
  // 3D Secure / authentication.
  card('4000002500003155', 'visa', 'Authentication on setup and on-session payments; off-session payments after setup succeed', {
    tokens: ['pm_card_authenticationRequiredOnSetup', 'tok_authenticationRequiredOnSetup'],
    authentication: 'unless_set_up',
  }),
  card('4000002760003184', 'visa', 'Authentication on every transaction (off-session payments fail with authentication_required)', {
    tokens: ['pm_card_authenticationRequired', 'tok_authenticationRequired'],
    authentication: 'always',
  }),
  card('4000008260003178', 'visa', 'Authentication required, then declined with insufficient_funds', {
    tokens: ['pm_card_authenticationRequiredChargeDeclinedInsufficientFunds', 'tok_authenticationRequiredChargeDeclinedInsufficientFunds'],
    authentication: 'always',
    declineAfterAuthentication: INSUFFICIENT,
  }),
  card('4000000000003220', 'visa', '3D Secure 2 authentication required on every transaction', {
    tokens: ['pm_card_threeDSecure2Required', 'tok_threeDSecure2Required'],
    authentication: 'always',
  }),
  card('4000000000003063', 'visa', '3D Secure authentication required on every transaction', {
    tokens: ['pm_card_threeDSecureRequired', 'tok_threeDSecureRequired'],
    authentication: 'always',
  }),
  card('4000000000003055', 'visa', '3D Secure supported but not required: succeeds', {
    tokens: ['pm_card_threeDSecureOptional', 'tok_threeDSecureOptional'],
  }),
];

const byNumber = new Map(TEST_CARDS.map((c) => [c.number, c]));
const byToken = new Map(TEST_CARDS.flatMap((c) => c.tokens.map((t) => [t, c] as const)));

export function testCardByNumber(number: string): TestCard | undefined {
  return byNumber.get(number.replace(/[\s-]/g, ''));
}

/** `pm_card_visa`, `tok_visa`... */
export function testCardByToken(token: string): TestCard | undefined {
  return byToken.get(token);
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let d = number.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Brand from the number's prefix (for Luhn-valid numbers that are not in the table). */
export function brandOfNumber(number: string): CardBrand | null {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^(36|30[0-5]|38|39)/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return null;
}

export const DISPLAY_BRAND: Record<CardBrand, string> = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'american_express',
  discover: 'discover',
  diners: 'diners_club',
  jcb: 'jcb',
  unionpay: 'union_pay',
};
