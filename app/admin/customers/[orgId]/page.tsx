// GET /admin/customers/[orgId] — one customer: organization, Stripe customer, members, subscriptions (plan,
// price, quantity), invoices (linked to the operator's invoice view; due date and amount remaining when open)
// and its activity in words, all from the mirror and the audit log. Back-office sections (components/admin/customer):
// payment methods with expiry warnings, credit notes, operator notes, collection settings with Resync from
// Stripe, and the timeline merging the audit log with the webhook ledger.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { timeZoneLabelWithId } from '@/lib/i18n/time-zones';
import { getTranslations } from '@/lib/i18n/server';
import { CustomerCreditNotesSection } from '@/components/admin/customer/credit-notes-section';
import { CustomerNotesSection } from '@/components/admin/customer/customer-notes-section';
import { CustomerSettingsSection } from '@/components/admin/customer/customer-settings-section';
import { CustomerTimelineSection } from '@/components/admin/customer/customer-timeline-section';
import { CustomerUsageSection } from '@/components/admin/customer/customer-usage-section';
import { PaymentMethodsSection } from '@/components/admin/customer/payment-methods-section';
import { OperatorInvoiceTable } from '@/components/admin/operator-invoice-table';
import { SubscriptionSummary } from '@/components/admin/subscription-summary';
import { EmptyState } from '@/components/ui/empty-state';
import { listActivity } from '@/db/queries/activity';
import { listLiveSubscriptionCollection } from '@/db/queries/customer-settings';
import { getCustomerForOperator } from '@/db/queries/customers';
import { listStripeEventsForCustomer } from '@/db/queries/events';
import { listCreditNotesForOrganization } from '@/db/queries/invoice-adjustments';
import { listInvoicesForOperator } from '@/db/queries/invoices';
import { listMembers } from '@/db/queries/members';
import { listCustomerNotes } from '@/db/queries/notes';
import { listOrganizationCards } from '@/db/queries/payment-methods';
import { listSubscriptions } from '@/db/queries/subscriptions';
import { requireOperator } from '@/lib/auth/session';
import { CustomerReviewHoldSection } from '@/components/admin/customer-review-hold-section';
import { cardLabel } from '@/lib/billing/cards/card-brand';
import { mergeTimeline } from '@/lib/customers/timeline';
import { formatDate, parenthetical } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';

// One read of the customer per request, shared by the tab's title and the page.
const loadCustomer = cache((organizationId: string) => getCustomerForOperator({ organizationId }));

/** The tab names the customer; a customer who opens it, or an unknown id, gets the 404's title. */
export async function generateMetadata({ params }: { params: Promise<{ orgId: string }> }): Promise<Metadata> {
  await requireOperator();
  const found = await loadCustomer((await params).orgId);
  if (!found) notFound();
  return { title: found.organization.name };
}

export default async function AdminCustomerPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { role } = await requireOperator();
  const { orgId } = await params;
  const found = await loadCustomer(orgId);
  if (!found) notFound();
  const { organization, customer } = found;
  const scope = { organizationId: organization.id };
  const stripeCustomerId = customer?.id ?? organization.stripeCustomerId;
  const locale = await getLocale();
  const [members, subscriptions, invoices, creditNotes, activity, cards, notes, collection, events, t, tRole, tInvoices] = await Promise.all([
    listMembers(scope),
    // Plans named as the catalogue names them in the operator's language.
    listSubscriptions({ ...scope, locale }),
    listInvoicesForOperator({ ...scope, limit: 20 }),
    listCreditNotesForOrganization({ ...scope, limit: 20 }),
    listActivity({ ...scope, audience: 'operator' }),
    listOrganizationCards(scope),
    listCustomerNotes(scope),
    listLiveSubscriptionCollection(scope),
    stripeCustomerId ? listStripeEventsForCustomer({ customerId: stripeCustomerId }) : Promise.resolve([]),
    getTranslations('admin'),
    getTranslations('role'),
    getTranslations('invoices'),
  ]);
  // One customer's page: its dates in its time zone, as the customer reads them (lib/i18n/time-zones.ts).
  const { timeZone } = organization;
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const cardLabels = new Map(cards.map((card) => [card.id, cardLabel(card, tInvoices('card'))]));
  // A customer pays by bank transfer when its running plan sends invoices (or, without one, its invoices do).
  const running = subscriptions.find((s) => !['canceled', 'incomplete_expired'].includes(s.status));
  const bankTransfer = running ? running.collectionMethod === 'send_invoice' : invoices[0]?.collectionMethod === 'send_invoice';

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/customers">← {t('backToCustomers')}</Link>
      </p>
      <div className="mb-6">
        <h1 className="flex flex-wrap items-center gap-3">
          {organization.name}
          {bankTransfer ? (
            <span className="badge-amber text-sm font-medium" data-testid="bank-transfer-badge">
              {t('bankTransfer')}
            </span>
          ) : null}
        </h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">ID</dt>
          <dd className="break-all font-mono text-xs leading-6">{organization.id}</dd>
          <dt className="font-medium text-slate-700">{t('stripeCustomer')}</dt>
          <dd className="break-all font-mono text-xs leading-6">{customer ? customer.id : (organization.stripeCustomerId ?? t('notLinked'))}</dd>
          <dt className="font-medium text-slate-700">{t('colEmail')}</dt>
          <dd className="break-all">{organization.billingEmail ?? customer?.email ?? '—'}</dd>
          <dt className="font-medium text-slate-700">{t('colCurrency')}</dt>
          <dd className="uppercase">{organization.currency ?? '—'}</dd>
          <dt className="font-medium text-slate-700">{t('collectionLabel')}</dt>
          <dd data-testid="customer-collection">{bankTransfer ? t('bankTransferCustomer') : t('chargedAutomatically')}</dd>
          <dt className="font-medium text-slate-700">{t('colCreated')}</dt>
          <dd>{date(organization.createdAt)}</dd>
          <dt className="font-medium text-slate-700">{t('timeZone')}</dt>
          <dd data-testid="customer-time-zone">
            {timeZoneLabelWithId(timeZone, locale)}
                <span className="text-xs">{parenthetical(t('datesInTimeZone'), locale)}</span>
          </dd>
        </dl>
      </div>

      <CustomerReviewHoldSection organizationId={organization.id} role={role} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="subs-title">
          <h2 id="subs-title" className="card-title">
            {t('subscriptions')}
          </h2>
          {subscriptions.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t('noSubscriptions')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100" data-testid="admin-subscriptions">
              {subscriptions.map((subscription) => (
                <SubscriptionSummary key={subscription.id} subscription={subscription} cardLabels={cardLabels} locale={locale} timeZone={timeZone} />
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title" className="card-title">
            {t('members')}
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="break-all">{m.email}</span>
                <span className="badge-gray">{tRole(m.role)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card mt-6" aria-labelledby="inv-title">
        <h2 id="inv-title" className="card-title">
          {t('invoices')}
        </h2>
        {invoices.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t('noInvoices')} />
          </div>
        ) : (
          <OperatorInvoiceTable invoices={invoices} locale={locale} timeZone={timeZone} />
        )}
      </section>

      <CustomerUsageSection organization={organization} subscriptions={subscriptions} locale={locale} timeZone={timeZone} />
      <PaymentMethodsSection cards={cards} timeZone={timeZone} />
      <CustomerCreditNotesSection notes={creditNotes} currency={organization.currency} timeZone={timeZone} />
      <CustomerNotesSection organizationId={organization.id} notes={notes} canWrite={operatorCan(role, 'admin:notes:write')} timeZone={timeZone} />
      <CustomerSettingsSection
        organizationId={organization.id}
        subscriptions={collection}
        canManage={operatorCan(role, 'admin:invoices:manage')}
        canResync={operatorCan(role, 'admin:customers:resync')}
      />
      <CustomerTimelineSection entries={mergeTimeline(activity, events)} timeZone={timeZone} />
    </>
  );
}
