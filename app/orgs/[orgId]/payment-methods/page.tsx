// GET /orgs/[orgId]/payment-methods — the organization's cards from the mirror: brand, last 4, expiry, which is
// the default (with a warning when it expires within a month); owners and billing managers add, make default
// and remove.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { AddCardForm } from '@/components/billing/cards/add-card-form';
import { CardActionsButton } from '@/components/billing/cards/card-actions-button';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listOrganizationCards } from '@/db/queries/payment-methods';
import { requireMembership } from '@/lib/auth/session';
import { cardLabel } from '@/lib/billing/cards/card-brand';
import { expiresWithinMonth, isExpired } from '@/lib/billing/cards/card-rules';
import { can } from '@/lib/permissions';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('paymentMethods');

export default async function PaymentMethodsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { organization } = await requireMembership(orgId);
  const [cards, t, locale] = await Promise.all([listOrganizationCards({ organizationId: organization.id }), getTranslations('paymentMethods'), getLocale()]);
  const mayManage = can(organization.role, 'payment_methods:manage');
  const now = new Date();
  const defaultCard = cards.find((card) => card.isDefault) ?? null;
  const name = (card: (typeof cards)[number]) => cardLabel(card, t('card'));
  const expiry = (card: (typeof cards)[number]) =>
    card.expMonth && card.expYear ? `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear).slice(-2)}` : '—';

  return (
    <>
      <PageHeader title={t('title')} description={mayManage ? t('description') : t('readOnly')} />

      {defaultCard && expiresWithinMonth(defaultCard, now) ? (
        <p className="alert-error mb-6" role="alert" data-testid="card-expiry-warning">
          {isExpired(defaultCard, now) ? t('defaultExpired', { card: name(defaultCard) }) : t('defaultExpiresSoon', { card: name(defaultCard), expiry: expiry(defaultCard) })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="cards-title">
        <h2 id="cards-title" className="card-title">
          {t('cardsTitle')}
        </h2>
        {cards.length === 0 ? (
          <div className="mt-3">
            <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="cards-list">
            {cards.map((card) => (
              <li key={card.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium text-slate-900">
                    {name(card)} {card.isDefault ? <span className="badge-green ml-1">{t('default')}</span> : null}
                  </p>
                  <p className={isExpired(card, now) ? 'text-sm text-red-700' : 'text-sm text-slate-600'}>
                    {isExpired(card, now) ? t('expired', { expiry: expiry(card) }) : t('expires', { expiry: expiry(card) })}
                  </p>
                </div>
                {mayManage ? (
                  <CardActionsButton
                    organizationId={organization.id}
                    paymentMethodId={card.id}
                    isDefault={card.isDefault}
                    labels={{
                      makeDefault: t('makeDefault'),
                      remove: t('remove'),
                      makeDefaultNamed: t('makeDefaultNamed', { card: name(card) }),
                      removeNamed: t('removeNamed', { card: name(card) }),
                      confirmRemove: {
                        question: t('confirmRemove.question'),
                        confirm: t('confirmRemove.confirm'),
                        removing: t('confirmRemove.removing'),
                        keep: t('confirmRemove.keep'),
                      },
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayManage && organization.stripeCustomerId ? (
        <section className="card mt-6" aria-labelledby="add-card-title">
          <h2 id="add-card-title" className="card-title mb-3">
            {t('addTitle')}
          </h2>
          <AddCardForm
            organizationId={organization.id}
            attempt={crypto.randomUUID()}
            setup={await getStripeBrowserSetup()}
            locale={locale}
            labels={{
              addCard: t('addCard'),
              starting: t('starting'),
              save: t('save'),
              saving: t('saving'),
              cancel: t('cancel'),
              added: t('added'),
              loadError: t('loadError'),
              genericError: t('genericError'),
            }}
          />
        </section>
      ) : null}
    </>
  );
}
