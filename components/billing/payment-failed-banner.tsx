// The failed-payment banner on every portal page, from the mirror: a subscription whose payment failed
// (past_due, unpaid, or incomplete after an attempt) or an open automatically-charged invoice with a failed
// attempt (db/queries/subscriptions.ts `paymentProblemOf`, read with the membership). Links to the fix: pay the
// open invoice (which lets the customer use another card) and the cards page.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { portalSections } from '@/components/portal/portal-nav';
import type { PaymentProblem } from '@/db/queries/subscriptions';
import { formatMoney } from '@/lib/i18n/format';

export async function PaymentFailedBanner({ organizationId, problem }: { organizationId: string; problem: PaymentProblem | null }) {
  if (!problem) return null;
  const [t, locale] = await Promise.all([getTranslations('subscription.banner'), getLocale()]);
  const base = `/orgs/${organizationId}`;
  const invoiceId = problem.invoiceId;
  const paymentMethodsPath = portalSections.find((section) => section.key === 'paymentMethods')?.path ?? null;
  return (
    <section className="alert-error mb-6 space-y-2" role="alert" aria-labelledby="payment-failed-title" data-testid="payment-failed-banner">
      <h2 id="payment-failed-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p>
        {problem.kind === 'invoice'
          ? t('invoice', { amount: formatMoney(problem.amountRemaining, problem.currency, locale) })
          : t('subscription')}
      </p>
      <div className="flex flex-wrap gap-2">
        {invoiceId ? (
          <Link href={`${base}/invoices/${invoiceId}`} className="btn-primary">
            {t('payInvoice')}
          </Link>
        ) : null}
        {paymentMethodsPath !== null ? (
          <Link href={`${base}${paymentMethodsPath}`} className="btn-secondary">
            {t('updateCard')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
