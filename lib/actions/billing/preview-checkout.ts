'use server';
// Checks the promotion codes of a checkout and returns Stripe's preview of its first invoice with them: each
// code's discount named in the reader's language, the tax, the amount due today. Owner and billing only; a refused
// code comes back as the sentence saying why, and nothing is created.
import { getLocale } from 'next-intl/server';
import { previewCheckout } from '@/lib/billing/subscriptions/checkout-preview';
import { discountTermsText } from '@/lib/billing/subscriptions/discount-text';
import { previewCheckoutSchema } from '@/lib/billing/subscriptions/subscription-schemas';
import { getTranslations } from '@/lib/i18n/server';
import { orgActionClient } from '../safe-action';

export const previewCheckoutAction = orgActionClient
  .metadata({ actionName: 'previewCheckout', permission: 'billing:manage' })
  .inputSchema(previewCheckoutSchema)
  .action(async ({ ctx, parsedInput }) => {
    const preview = await previewCheckout({
      organization: ctx.organization,
      priceId: parsedInput.priceId,
      quantity: parsedInput.quantity,
      promotionCodes: parsedInput.promotionCodes,
    });
    const [locale, t] = await Promise.all([getLocale(), getTranslations('discounts')]);
    return {
      ...preview,
      discounts: preview.discounts.map((d) => ({ ...d, terms: discountTermsText(d, locale, t) })),
    };
  });
