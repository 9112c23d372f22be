// Operators set or clear "hold invoices for review" for an organization, a price or a product, with an audit entry.
import 'server-only';
import { deleteReviewHoldForOperator, upsertReviewHoldForOperator, type ReviewHoldScope } from '@/db/queries/review';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperatorCan, type Operator } from '../operator-invoices/run-invoice-action';

export async function setReviewHold(params: {
  scope: ReviewHoldScope;
  targetId: string;
  /** null clears the hold; otherwise { firstInvoices: null } holds every invoice. */
  hold: { firstInvoices: number | null } | null;
  operator: Operator;
}) {
  requireOperatorCan(params.operator, 'admin:review:manage');
  const target = { scope: params.scope, targetId: params.targetId };
  let before = null;
  let after = null;
  if (params.hold) {
    ({ before, after } = await upsertReviewHoldForOperator({ ...target, firstInvoices: params.hold.firstInvoices, updatedBy: params.operator.userId }));
  } else {
    before = await deleteReviewHoldForOperator(target);
  }
  await recordAudit({
    organizationId: params.scope === 'organization' ? params.targetId : null,
    actor: { type: 'operator', id: params.operator.userId },
    action: 'review_hold.updated',
    target: { type: params.scope, id: params.targetId },
    data: { before: before ? { firstInvoices: before.firstInvoices } : null, after: after ? { firstInvoices: after.firstInvoices } : null },
  });
}
