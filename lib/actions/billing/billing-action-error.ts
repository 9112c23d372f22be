// Turns a BillingInputError into the AppError the action client returns, with the reason's sentence in the
// customer's language (messages `plans.errors.<reason>`). Other errors pass through unchanged.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import { BillingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { AppError } from '@/lib/errors';

export async function withBillingErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BillingInputError) {
      const t = await getTranslations('plans.errors');
      throw new AppError(error.code, error.message, { cause: error, userMessage: t(error.reason, { code: error.detail ?? '' }) });
    }
    throw error;
  }
}
