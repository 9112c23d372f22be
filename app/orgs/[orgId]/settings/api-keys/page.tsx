// GET /orgs/[orgId]/settings/api-keys — the organization's usage API keys: prefix, creation and last use. Owners
// and billing managers create (the key is shown once) and revoke; other members only see the list.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { CreateApiKeyForm } from '@/components/usage/create-api-key-form';
import { RevokeApiKeyButton } from '@/components/usage/revoke-api-key-button';
import { PageHeader } from '@/components/ui/page-header';
import { listApiKeys } from '@/db/queries/api-keys';
import { requireMembership } from '@/lib/auth/session';
import { formatDate } from '@/lib/i18n/format';
import { can } from '@/lib/permissions';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('apiKeys');

export default async function ApiKeysPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { organization } = await requireMembership(orgId);
  const [keys, t, locale] = await Promise.all([listApiKeys({ organizationId: organization.id }), getTranslations('apiKeys'), getLocale()]);
  const mayManage = can(organization.role, 'api_keys:manage');
  const date = (value: Date) => formatDate(value, locale, organization.timeZone);

  return (
    <>
      <PageHeader title={t('title')} description={mayManage ? t('description') : t('readOnly')} />

      {mayManage ? (
        <section className="card mb-6" aria-labelledby="create-key-title">
          <h2 id="create-key-title" className="card-title mb-3">
            {t('createTitle')}
          </h2>
          <CreateApiKeyForm
            organizationId={organization.id}
            labels={{
              name: t('nameLabel'),
              namePlaceholder: t('namePlaceholder'),
              submit: t('create'),
              pending: t('creating'),
              created: t('created', { name: '{name}' }),
              shownOnce: t('shownOnce'),
              copy: t('copy'),
              copied: t('copied'),
              keyLabel: t('keyLabel'),
            }}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title" className="card-title">
          {t('listTitle')}
        </h2>
        {keys.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('listTitle')}>
            <table className="table" data-testid="api-keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('prefix')}</th>
                  <th scope="col">{t('createdAt')}</th>
                  <th scope="col">{t('lastUsed')}</th>
                  <th scope="col">{t('status')}</th>
                  {mayManage ? <th scope="col"><span className="sr-only">{t('actions')}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} data-testid="api-key-row">
                    <td className="font-medium text-slate-900">{key.name}</td>
                    <td className="font-mono">{key.prefix}…</td>
                    <td>{date(key.createdAt)}</td>
                    <td>{key.lastUsedAt ? date(key.lastUsedAt) : t('neverUsed')}</td>
                    <td>
                      {key.revokedAt ? <span className="badge-gray">{t('revokedOn', { date: date(key.revokedAt) })}</span> : <span className="badge-green">{t('active')}</span>}
                    </td>
                    {mayManage ? (
                      <td>
                        {key.revokedAt ? null : (
                          <RevokeApiKeyButton
                            organizationId={organization.id}
                            apiKeyId={key.id}
                            labels={{ revoke: t('revoke'), confirm: t('confirmRevoke'), cancel: t('cancel'), question: t('revokeQuestion', { name: key.name }) }}
                          />
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-4 text-sm text-slate-600">
          {t('docsIntro')}{' '}
          <a className="underline" href="/api/v1/openapi.json">
            {t('docsLink')}
          </a>
        </p>
      </section>
    </>
  );
}
