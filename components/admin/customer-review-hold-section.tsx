// The customer page's "hold invoices for review" section: a separate block so the customer page can grow around it.
// Admins (admin:review:manage) edit it; support sees the setting.
import { getTranslations } from '@/lib/i18n/server';
import { ReviewHoldForm } from '@/components/admin/review-hold-form';
import { listReviewHoldsForOperator } from '@/db/queries/review';
import { operatorCan, type OperatorRole } from '@/lib/permissions';

export async function CustomerReviewHoldSection({ organizationId, role }: { organizationId: string; role: OperatorRole }) {
  const [holds, t] = await Promise.all([listReviewHoldsForOperator({ scope: 'organization', targetId: organizationId }), getTranslations('adminInvoices')]);
  const hold = holds[0] ?? null;
  return (
    <section className="card mb-6" aria-labelledby="review-hold-title" data-testid="customer-review-hold">
      <h2 id="review-hold-title" className="card-title">
        {t('holdTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('holdLead')}</p>
      <div className="mt-3">
        {operatorCan(role, 'admin:review:manage') ? (
          <ReviewHoldForm
            scope="organization"
            targetId={organizationId}
            current={hold ? { firstInvoices: hold.firstInvoices } : null}
            labels={{ hold: t('holdLabel'), firstInvoices: t('firstInvoices'), firstInvoicesHint: t('firstInvoicesHint'), save: t('save'), saved: t('saved') }}
          />
        ) : (
          <p className="text-sm">{hold ? (hold.firstInvoices ? t('holdFirst', { count: hold.firstInvoices }) : t('holdAll')) : t('holdOff')}</p>
        )}
      </div>
    </section>
  );
}
