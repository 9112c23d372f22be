// GET /admin/settings/review — "hold invoices for review" per plan (product): every draft of a plan with a hold waits
// in the review queue (or only each customer's first N). Admins (admin:review:manage) edit; support reads.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ReviewHoldForm } from '@/components/admin/review-hold-form';
import { PageHeader } from '@/components/ui/page-header';
import { listActiveProducts } from '@/db/queries/catalog';
import { listReviewHoldsForOperator } from '@/db/queries/review';
import { requireOperator } from '@/lib/auth/session';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('adminInvoices', 'settingsTitle');

export default async function ReviewSettingsPage() {
  const { role } = await requireOperator();
  const locale = await getLocale();
  const [products, holds, t] = await Promise.all([listActiveProducts({ locale }), listReviewHoldsForOperator({ scope: 'product' }), getTranslations('adminInvoices')]);
  const byProduct = new Map(holds.map((hold) => [hold.targetId, hold]));
  const canEdit = operatorCan(role, 'admin:review:manage');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/invoices/review">← {t('reviewTitle')}</Link>
      </p>
      <PageHeader title={t('settingsTitle')} description={t('settingsLead')} />
      <section className="card">
        <ul className="divide-y divide-slate-100" data-testid="review-settings">
          {products.map((product) => {
            const hold = byProduct.get(product.id) ?? null;
            return (
              <li key={product.id} className="py-3">
                <p className="mb-2 font-medium">{product.name}</p>
                {canEdit ? (
                  <ReviewHoldForm
                    scope="product"
                    targetId={product.id}
                    current={hold ? { firstInvoices: hold.firstInvoices } : null}
                    labels={{ hold: t('holdLabel'), firstInvoices: t('firstInvoices'), firstInvoicesHint: t('firstInvoicesHint'), save: t('save'), saved: t('saved') }}
                  />
                ) : (
                  <p className="text-sm">{hold ? (hold.firstInvoices ? t('holdFirst', { count: hold.firstInvoices }) : t('holdAll')) : t('holdOff')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
