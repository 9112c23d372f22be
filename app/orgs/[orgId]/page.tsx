// GET /orgs/[orgId] — the customer's overview from the mirror: plan, next invoice, recent invoices.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { FinishSetupForm } from '@/components/portal/finish-setup-form';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { describePlanPrice, isFreePlan, isMeteredItem } from '@/components/portal/plan-price';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganizationOverview } from '@/db/queries/billing';
import { findActivePass } from '@/db/queries/passes';
import { requireMembership } from '@/lib/auth/session';
import { nextInvoiceOf } from '@/lib/billing/subscriptions/next-invoice';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { can } from '@/lib/permissions';
import { freeYearEndsAt } from '@/lib/usage/free-year';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('overview');

export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  // The layout checked too; pages check again because a layout is not a security boundary.
  const { organization } = await requireMembership(orgId);
  const locale = await getLocale();
  const [overview, activePass, t, tInvoices, tInterval, tRole] = await Promise.all([
    getOrganizationOverview({ organizationId: organization.id, locale }),
    findActivePass({ organizationId: organization.id, locale }),
    getTranslations('overview'),
    getTranslations('invoices'),
    getTranslations('interval'),
    getTranslations('role'),
  ]);
  const { subscription, recentInvoices } = overview;
  const nextInvoice = nextInvoiceOf(subscription);
  const free = subscription ? isFreePlan(subscription.items) : false;
  // Dates in the organization's time zone, whatever the reader's language (lib/i18n/time-zones.ts).
  const { timeZone } = organization;
  const date = (value: Date) => formatDate(value, locale, timeZone);
  // The free tier is a year from sign-up (lib/usage/free-year.ts); the overview says when it ends.
  const freeYearEnd = free ? freeYearEndsAt(organization.createdAt) : null;
  const freeYearOver = freeYearEnd !== null && freeYearEnd.getTime() <= new Date().getTime();
  // Without a paid plan, a valid 30-day pass is what the customer has until it ends (it gives its capacity,
  // lib/usage/compute-limits.ts): named as the current plan, with what follows it. Beside a paid plan it is a note.
  const passAsPlan = activePass && (!subscription || free) ? activePass : null;

  return (
    <>
      <PageHeader title={t('title')} description={t('role', { role: tRole(organization.role) })} />

      {!organization.stripeCustomerId ? (
        <section className="alert-info mb-6 space-y-3" aria-labelledby="setup-title">
          <h2 id="setup-title" className="text-base">
            {t('setupIncompleteTitle')}
          </h2>
          <p>{t('setupIncompleteBody')}</p>
          {can(organization.role, 'billing:manage') ? (
            <FinishSetupForm organizationId={organization.id} label={t('finishSetup')} pendingLabel={t('finishingSetup')} />
          ) : null}
        </section>
      ) : null}

      {activePass && !passAsPlan ? (
        <p className="alert-info mb-6" data-testid="active-pass">
          {t('passActiveUntil', { date: date(activePass.validUntil) })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card lg:col-span-2" aria-labelledby="plan-title" data-testid="current-plan">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h2 id="plan-title" className="card-title">
              {t('currentPlan')}
            </h2>
            {subscription && !passAsPlan ? <SubscriptionStatusBadge status={subscription.status} /> : null}
          </div>
          {passAsPlan ? (
            <div className="mt-3 space-y-2" data-testid="active-pass">
              <p className="text-lg font-semibold text-slate-900">{passAsPlan.productName ?? t('passName')}</p>
              <p className="text-sm text-slate-700">{t('passValidUntil', { date: date(passAsPlan.validUntil) })}</p>
              {freeYearEnd ? (
                <p className="text-sm text-slate-600" data-testid="pass-then">
                  {freeYearEnd > passAsPlan.validUntil ? t('passThenFree', { date: date(freeYearEnd) }) : t('passThenFreeYearOver')}
                </p>
              ) : null}
            </div>
          ) : subscription ? (
            <div className="mt-3">
              <ul className="divide-y divide-slate-100" aria-label={t('planItems')}>
                {subscription.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 first:pt-0">
                    <div>
                      <p className="text-lg font-semibold text-slate-900">{item.productName}</p>
                      {item.quantity && item.quantity > 1 ? (
                        <p className="text-sm text-slate-600">{t('quantity', { quantity: item.quantity })}</p>
                      ) : null}
                      {isMeteredItem(item) ? <p className="text-sm text-slate-600">{t('usageInArrears', { interval: item.interval ?? 'month' })}</p> : null}
                    </div>
                    {/* A free plan's name already says it; "Free" twice reads as two plans. */}
                    {item.unitAmount === 0 ? null : (
                      <p className="text-slate-800 tabular-nums">
                        {item.quantity && item.quantity > 1 && item.unitAmount
                          ? t('perUnit', { price: describePlanPrice(item, subscription.currency, locale, t, tInterval) })
                          : describePlanPrice(item, subscription.currency, locale, t, tInterval)}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              <div className="mt-3 space-y-2 text-sm">
                {subscription.status === 'trialing' && subscription.trialEnd ? (
                  <p className="text-slate-700">{t('trialEnds', { date: date(subscription.trialEnd) })}</p>
                ) : null}
                {(subscription.cancelAtPeriodEnd || subscription.cancelAt) && (subscription.cancelAt ?? subscription.currentPeriodEnd) ? (
                  <p className="alert-info">{t('cancelAtPeriodEnd', { date: date((subscription.cancelAt ?? subscription.currentPeriodEnd)!) })}</p>
                ) : null}
                {free ? <p className="text-slate-600">{t('freePlanNote')}</p> : null}
                {freeYearEnd ? (
                  <p className={freeYearOver ? 'alert-info' : 'text-slate-700'} data-testid="free-year-end">
                    {t(freeYearOver ? 'freeYearEnded' : 'freeYearEnds', { date: date(freeYearEnd) })}
                  </p>
                ) : null}
              </div>
            </div>
          ) : (
            <div className="mt-3">
              <EmptyState title={t('noPlanTitle')}>{t('noPlanBody')}</EmptyState>
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="next-invoice-title" data-testid="next-invoice">
          <h2 id="next-invoice-title" className="card-title">
            {t('nextInvoice')}
          </h2>
          {nextInvoice ? (
            <>
              <p className="mt-3 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="next-invoice-amount">
                {nextInvoice.plusUsage
                  ? t('nextInvoicePlusUsage', { amount: formatMoney(nextInvoice.amount, nextInvoice.currency, locale) })
                  : formatMoney(nextInvoice.amount, nextInvoice.currency, locale)}
              </p>
              <p className="mt-1 text-sm text-slate-700" data-testid="next-invoice-date">
                {t('nextInvoiceOn', { date: date(nextInvoice.date) })}
              </p>
              <p className="mt-2 text-xs text-slate-600">{t('nextInvoiceNote')}</p>
            </>
          ) : (
            <>
              <p className="mt-3 text-lg font-semibold text-slate-900">{t('nextInvoiceNone')}</p>
              {free ? <p className="mt-1 text-sm text-slate-700">{t('nextInvoiceFree')}</p> : null}
            </>
          )}
        </section>
      </div>

      <section className="card mt-6" aria-labelledby="invoices-title" data-testid="recent-invoices">
        <h2 id="invoices-title" className="card-title">
          {t('recentInvoices')}
        </h2>
        {recentInvoices.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t('noInvoicesTitle')}>{t(free ? 'noInvoicesBodyFree' : 'noInvoicesBody')}</EmptyState>
          </div>
        ) : (
          <InvoiceTable
            className="mt-3"
            invoices={recentInvoices}
            labels={{ region: t('recentInvoices'), number: t('invoiceNumber'), date: t('invoiceDate'), amount: t('invoiceAmount'), status: t('invoiceStatus') }}
            locale={locale}
            timeZone={timeZone}
            link={{ href: (invoice) => `/orgs/${organization.id}/invoices/${invoice.id}`, label: (number) => tInvoices('viewInvoice', { number }) }}
          />
        )}
      </section>
    </>
  );
}
