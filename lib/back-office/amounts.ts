// Operators type amounts in the currency's major unit ("12,000" yen, "120.50" dollars); Stripe wants integers in
// the minor unit. Pure.
import { minorUnitDigits } from '@/lib/i18n/format';

/** "1,200.5" in usd → 120050; null when it is not a plain number with at most the currency's decimals. */
export function parseMajorAmount(input: string, currency: string): number | null {
  const text = input.replace(/[,\s_]/g, '');
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text)) return null;
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return text.startsWith('-') ? -minor : minor;
}

export type PaymentAmountProblem = 'badAmount' | 'notPositive' | 'moreThanRemaining';

/**
 * A payment received outside Stripe, as typed, against what is left to pay (minor units): the amount, and why it
 * cannot be recorded (null when it can). One rule for the form, which names the problem before asking for
 * confirmation, and for the server, which refuses whatever the browser sent.
 */
export function checkPaymentAmount(input: string, currency: string, remaining: number): { amount: number | null; problem: PaymentAmountProblem | null } {
  const amount = parseMajorAmount(input, currency);
  if (amount === null) return { amount, problem: 'badAmount' };
  if (amount <= 0) return { amount, problem: 'notPositive' };
  if (amount > remaining) return { amount, problem: 'moreThanRemaining' };
  return { amount, problem: null };
}
