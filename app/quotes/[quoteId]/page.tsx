// GET /quotes/[quoteId] — the quote in the portal, opened from the email link: sign-in first (magic link to the
// address it was sent to), then only its recipient or a member of its organization sees it (anyone else: 404).
// Who it is from and to (as the PDF states them: issuer with its registration number, addressee 御中), lines,
// totals with tax, validity, notes, the PDF, and Accept for an owner or billing manager (or the prospect it was
// sent to), naming the card it charges; an expired, canceled or accepted quote says so instead. Each view is
// recorded.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { declineLabels } from '@/components/billing/checkout/checkout-page';
import { QuoteAcceptButton, QuoteAcceptWithCard } from '@/components/quotes/quote-accept-form';
import { QuoteSummary } from '@/components/quotes/quote-summary';
import { SiteHeader } from '@/components/site-header';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { getBillingDetails } from '@/db/queries/billing-details';
import { listOrganizationCards } from '@/db/queries/payment-methods';
import { getQuoteForViewer } from '@/db/queries/quotes';
import { requireUser } from '@/lib/auth/session';
import { cardLabel } from '@/lib/billing/cards/card-brand';
import { getBrandingSettings } from '@/lib/branding/settings';
import { formatDate, formatMoney, labelled } from '@/lib/i18n/format';
import { displayTimeZone } from '@/lib/i18n/time-zones';
import { acceptanceRefusal, recordQuoteView } from '@/lib/quotes/accept-quote';
import { quoteLineCatalog } from '@/lib/quotes/quote-document-data';
import { quoteDocumentModelFrom } from '@/lib/quotes/quote-document';
import { upfrontOf } from '@/lib/quotes/quote-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quotes.portal');
  return { title: t('tabTitle') };
}

export default async function QuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const { quoteId } = await params;
  const user = await requireUser({ callbackUrl: `/quotes/${quoteId}` });
  const found = await getQuoteForViewer({ quoteId: quoteId.slice(0, 255), userId: user.id, email: user.email });
  if (!found) notFound();
  await recordQuoteView(found, { id: user.id, email: user.email });
  const { quote, request, organizationTimeZone } = found;
  const organizationId = quote.organizationId ?? request.organizationId;
  const [t, tCheckout, locale, branding, cards, billing, catalog] = await Promise.all([
    getTranslations('quotes.portal'),
    getTranslations('plans.checkout'),
    getLocale(),
    getBrandingSettings(),
    organizationId ? listOrganizationCards({ organizationId }) : [],
    organizationId ? getBillingDetails({ organizationId }) : null,
    quoteLineCatalog(quote),
  ]);
  // The organization's dates; a prospect (no organization yet) reads them in their language's zone.
  const timeZone = displayTimeZone(locale, organizationTimeZone ? { timeZone: organizationTimeZone } : null);
  // Issuer and addressee exactly as the PDF states them.
  const { issuer, addressee } = quoteDocumentModelFrom({ quote, request, organizationName: found.organizationName, billing: billing?.details ?? null, branding });
  const refusal = acceptanceRefusal(found);
  const currency = quote.currency ?? 'jpy';
  const upfront = upfrontOf(quote);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const amount = formatMoney(upfront.amountTotal, currency, locale);
  // Stripe charges the customer's default card at acceptance; with none on file, the card is asked for here.
  const defaultCard = cards.find((card) => card.isDefault) ?? null;
  const chargesNow = quote.collectionMethod !== 'send_invoice' && upfront.amountTotal > 0;
  const needsCard = chargesNow && !defaultCard;
  const labels = { accept: t('accept'), busy: t('busy'), invalidInput: t('invalidInput') };
  const contact = issuer.phone ? t('contactWithPhone', { company: issuer.name, phone: issuer.phone }) : issuer.name;
  const closed = refusal === 'expired' || refusal === 'canceled';

  return (
    <>
      <SiteHeader account />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8" data-testid="quote-page">
        <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <h1>{t('title', { number: quote.number ?? '' })}</h1>
          <a href={`/quotes/${quote.id}/pdf`} className="btn-secondary self-start sm:self-auto" download data-testid="quote-pdf">
            {t('pdf')}
          </a>
        </div>

        <section className="card mb-6 grid gap-6 text-sm sm:grid-cols-2" aria-label={t('parties')} data-testid="quote-parties">
          <div>
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('to')}</h2>
            <p className="mt-1 text-base font-semibold text-slate-900" data-testid="quote-addressee">
              {addressee.name ? t('addressee', { name: addressee.name }) : (addressee.email ?? '')}
            </p>
            {addressee.addressLines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="sm:text-right" data-testid="quote-issuer">
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('from')}</h2>
            <p className="mt-1 text-base font-semibold text-slate-900">{issuer.name}</p>
            {issuer.addressLines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {issuer.phone ? <p>{labelled('TEL', issuer.phone, locale)}</p> : null}
            {issuer.registrationNumber ? <p>{labelled(t('registrationNumber'), issuer.registrationNumber, locale)}</p> : null}
          </div>
        </section>

        <QuoteSummary quote={quote} timeZone={timeZone} catalog={catalog} showFirstInvoice={!closed && refusal !== 'alreadyAccepted'} />

        <section className="card" aria-labelledby="quote-accept" data-testid="quote-accept-section">
          <h2 id="quote-accept" className="card-title">
            {refusal ? t('statusTitle') : t('acceptTitle')}
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
              {t('expired', { date: date(quote.expiresAt), contact })}
            </p>
          ) : refusal === 'canceled' ? (
            <p className="alert-error" role="alert">
              {t('canceled', { contact })}
            </p>
          ) : refusal === 'notAllowedToAccept' ? (
            <p className="alert-error" role="alert">
              {t('notAllowed', { organization: found.organizationName ?? '' })}
            </p>
          ) : (
            <div className="space-y-4">
              {!organizationId ? <p className="text-sm">{t('forProspect', { name: request.prospectName ?? '' })}</p> : null}
              <p className="text-sm" data-testid="quote-accept-lead">
                {quote.collectionMethod === 'send_invoice'
                  ? t('acceptBankTransfer')
                  : !chargesNow
                    ? t('acceptNothingNow')
                    : defaultCard
                      ? t('acceptLead', { amount, card: cardLabel(defaultCard, t('card')) })
                      : t('acceptLeadNewCard', { amount })}
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
                    accept: t('acceptAndPay', { amount }),
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
    </>
  );
}
