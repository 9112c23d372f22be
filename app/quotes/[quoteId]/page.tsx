// GET /quotes/[quoteId] — the quote in the portal, opened from the email link: sign-in first (magic link to the
// address it was sent to), then only its recipient or a member of its organization sees it (anyone else: 404).
// Lines, totals with tax, validity, terms, the PDFs, and Accept for an owner or billing manager (or the prospect
// it was sent to); an expired, canceled or accepted quote says so instead. Each view is recorded.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { declineLabels } from '@/components/billing/checkout/checkout-page';
import { QuoteAcceptButton, QuoteAcceptWithCard } from '@/components/quotes/quote-accept-form';
import { QuoteSummary } from '@/components/quotes/quote-summary';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { getQuoteForViewer } from '@/db/queries/quotes';
import { requireUser } from '@/lib/auth/session';
import { getBrandingSettings } from '@/lib/branding/settings';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { displayTimeZone } from '@/lib/i18n/time-zones';
import { acceptanceRefusal, recordQuoteView } from '@/lib/quotes/accept-quote';
import { quoteLineCatalog } from '@/lib/quotes/quote-document-data';
import { upfrontOf } from '@/lib/quotes/quote-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quotes');
  return { title: t('title') };
}

export default async function QuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const { quoteId } = await params;
  const user = await requireUser({ callbackUrl: `/quotes/${quoteId}` });
  const found = await getQuoteForViewer({ quoteId: quoteId.slice(0, 255), userId: user.id, email: user.email });
  if (!found) notFound();
  await recordQuoteView(found, { id: user.id, email: user.email });
  const { quote, request, organizationTimeZone } = found;
  const organizationId = quote.organizationId ?? request.organizationId;
  const [t, tCheckout, locale, branding, billing, catalog] = await Promise.all([
    getTranslations('quotes.portal'),
    getTranslations('plans.checkout'),
    getLocale(),
    getBrandingSettings(),
    organizationId ? getBillingCustomer({ organizationId }) : null,
    quoteLineCatalog(quote),
  ]);
  // The organization's dates; a prospect (no organization yet) reads them in their language's zone.
  const timeZone = displayTimeZone(locale, organizationTimeZone ? { timeZone: organizationTimeZone } : null);
  const refusal = acceptanceRefusal(found);
  const currency = quote.currency ?? 'jpy';
  const upfront = upfrontOf(quote);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  // The card is asked for when the first invoice is charged now and no card is on file to charge.
  const needsCard = quote.collectionMethod !== 'send_invoice' && upfront.amountTotal > 0 && !billing?.defaultPaymentMethodId;
  const labels = { accept: t('accept'), busy: t('busy'), invalidInput: t('invalidInput') };

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8" data-testid="quote-page">
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1>{t('title', { number: quote.number ?? '' })}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('from', { company: branding.companyName })} · {t('validUntil', { date: date(quote.expiresAt) })}
          </p>
        </div>
        <span className="flex flex-wrap gap-2">
          <a href={`/quotes/${quote.id}/pdf`} className="btn-secondary" download data-testid="quote-pdf">
            {t('pdf')}
          </a>
          <a href={`/quotes/${quote.id}/pdf?source=stripe`} className="btn-ghost" download>
            Stripe PDF
          </a>
        </span>
      </div>

      <QuoteSummary quote={quote} timeZone={timeZone} catalog={catalog} />

      <section className="card" aria-labelledby="quote-accept" data-testid="quote-accept-section">
        <h2 id="quote-accept" className="card-title">
          {t('acceptTitle')}
        </h2>
        {refusal === 'alreadyAccepted' ? (
          <div className="space-y-3">
            <p className="alert-info" role="status">
              {t('accepted', { date: quote.acceptedAt ? date(quote.acceptedAt) : '' })}
            </p>
            {organizationId ? (
              <Link href={`/orgs/${organizationId}`} className="btn-primary">
                {t('goToOverview')}
              </Link>
            ) : null}
          </div>
        ) : refusal === 'expired' ? (
          <p className="alert-error" role="alert">
            {t('expired', { date: date(quote.expiresAt) })}
          </p>
        ) : refusal === 'canceled' ? (
          <p className="alert-error" role="alert">
            {t('canceled')}
          </p>
        ) : refusal === 'notAllowedToAccept' ? (
          <p className="alert-error" role="alert">
            {t('notAllowed', { organization: found.organizationName ?? '' })}
          </p>
        ) : (
          <div className="space-y-4">
            {!organizationId ? <p className="text-sm">{t('forProspect', { name: request.prospectName ?? '' })}</p> : null}
            <p className="text-sm">
              {quote.collectionMethod === 'send_invoice' ? t('acceptBankTransfer') : t('acceptLead', { amount: formatMoney(upfront.amountTotal, currency, locale) })}
            </p>
            {needsCard ? (
              <QuoteAcceptWithCard
                quoteId={quote.id}
                mode={quote.lines.some((l) => l.recurringInterval) ? 'subscription' : 'payment'}
                amount={upfront.amountTotal}
                currency={currency}
                locale={locale}
                setup={await getStripeBrowserSetup()}
                labels={{
                  ...labels,
                  accept: t('acceptAndPay', { amount: formatMoney(upfront.amountTotal, currency, locale) }),
                  card: t('card'),
                  loadError: t('loadError'),
                  declines: declineLabels(tCheckout),
                }}
              />
            ) : (
              <QuoteAcceptButton quoteId={quote.id} labels={labels} />
            )}
          </div>
        )}
      </section>
    </main>
  );
}
