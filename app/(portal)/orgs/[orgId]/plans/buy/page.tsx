// GET /orgs/[orgId]/plans/buy?price=… — buying a one-off item or the 30-day pass: what it costs, from the mirror,
// and the card form. Owner and billing only. Nothing is created until the customer presses Pay.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { declineMessageKeys, type DeclineMessageKey } from '@/components/billing/checkout/decline-message';
import { OneOffPurchaseForm } from '@/components/billing/checkout/one-off-purchase-form';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { PageHeader } from '@/components/ui/page-header';
import type { CatalogPrice } from '@/db/queries/catalog';
import { requireMembership } from '@/lib/auth/session';
import { resolveOneOffPrice } from '@/lib/billing/purchases/one-off-purchase';
import { BillingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { formatMoney } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('plans.checkout');
  return { title: t('buyTitle') };
}

export default async function BuyPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const { organization } = await requireMembership(orgId, ['owner', 'billing']);
  const query = await searchParams;
  const [t, tErrors, locale] = await Promise.all([getTranslations('plans.checkout'), getTranslations('plans.errors'), getLocale()]);
  const base = `/orgs/${organization.id}`;
  const back = (
    <Link href={`${base}/plans`} className="btn-secondary">
      {t('back')}
    </Link>
  );

  const priceId = typeof query.price === 'string' ? query.price.slice(0, 255) : '';
  let price: CatalogPrice | null = null;
  let problem: string | null = null;
  try {
    if (!organization.stripeCustomerId || !organization.currency) throw new BillingInputError('setup_incomplete', 'no customer');
    price = await resolveOneOffPrice({ priceId, currency: organization.currency });
  } catch (error) {
    if (!(error instanceof BillingInputError)) throw error;
    problem = tErrors(error.reason, { code: '' });
  }

  if (!price) {
    return (
      <>
        <PageHeader title={t('buyTitle')} />
        <p className="alert-error mb-4" role="alert">
          {problem}
        </p>
        {back}
      </>
    );
  }

  const amount = price.unitAmount ?? 0;
  const declines = Object.fromEntries(declineMessageKeys.map((key) => [key, t(`declines.${key}`)])) as Record<DeclineMessageKey, string>;

  return (
    <>
      <PageHeader title={t('buyTitle')} actions={back} />
      <div className="grid gap-6 lg:grid-cols-5">
        <section className="card lg:col-span-2" aria-labelledby="summary-title" data-testid="checkout-summary">
          <h2 id="summary-title" className="card-title">
            {t('summary')}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('plan')}</dt>
              <dd className="font-medium text-slate-900">{price.productName}</dd>
            </div>
            <div className="flex justify-between gap-3 border-t border-slate-100 pt-2 text-base">
              <dt className="font-medium">{t('dueToday')}</dt>
              <dd className="font-semibold tabular-nums" data-testid="checkout-total">
                {formatMoney(amount, price.currency, locale)}
              </dd>
            </div>
          </dl>
          {price.kind === 'pass' ? (
            <p className="mt-3 text-sm text-slate-700" data-testid="pass-validity">
              {t('passValidity')}
            </p>
          ) : null}
        </section>
        <section className="card lg:col-span-3" aria-labelledby="payment-title">
          <h2 id="payment-title" className="card-title mb-3">
            {t('payment')}
          </h2>
          <OneOffPurchaseForm
            organizationId={organization.id}
            priceId={price.id}
            attempt={crypto.randomUUID()}
            amount={amount}
            currency={price.currency}
            locale={locale}
            setup={await getStripeBrowserSetup()}
            successPath={`${base}/invoices/{invoice}?paid=1`}
            labels={{
              card: t('card'),
              buy: t('buy'),
              buying: t('buying'),
              loadError: t('loadError'),
              invalidInput: t('invalidInput'),
              notPaid: t('notPaid'),
              declines,
            }}
          />
        </section>
      </div>
    </>
  );
}
