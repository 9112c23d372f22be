// Per-customer settings on the customer page: collection method and days until due for its live
// subscriptions (admins change them; others see them), and Resync from Stripe.
import { getLocale } from 'next-intl/server';
import { labelled } from '@/lib/i18n/format';
import { getTranslations } from '@/lib/i18n/server';
import type { SubscriptionCollection } from '@/db/queries/customer-settings';
import { CollectionSettingsForm, ResyncButton } from './collection-settings-form';

export async function CustomerSettingsSection(props: { organizationId: string; subscriptions: SubscriptionCollection[]; canManage: boolean; canResync: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('backoffice'), getLocale()]);
  const first = props.subscriptions[0];
  const current = { collectionMethod: first?.collectionMethod ?? ('charge_automatically' as const), daysUntilDue: first?.daysUntilDue ?? null };
  return (
    <section className="card mt-6" aria-labelledby="settings-title" data-testid="customer-settings">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="settings-title" className="card-title">
          {t('settings.title')}
        </h2>
        {props.canResync ? <ResyncButton organizationId={props.organizationId} label={t('resync.button')} doneLabel={t('resync.done')} /> : null}
      </div>
      {!first ? (
        <p className="mt-3 text-sm text-slate-600">{t('settings.noSubscription')}</p>
      ) : props.canManage ? (
        <CollectionSettingsForm
          organizationId={props.organizationId}
          current={current}
          labels={{
            collectionMethod: t('settings.collectionMethod'),
            daysUntilDue: t('settings.daysUntilDue'),
            save: t('settings.save'),
            saved: t('settings.saved'),
            methods: { charge_automatically: t('collection.charge_automatically'), send_invoice: t('collection.send_invoice') },
          }}
        />
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {t(`collection.${current.collectionMethod}`)}
          {current.daysUntilDue !== null ? ` · ${labelled(t('settings.daysUntilDue'), current.daysUntilDue, locale)}` : ''} — {t('settings.readOnly')}
        </p>
      )}
    </section>
  );
}
