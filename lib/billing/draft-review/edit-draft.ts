// A reviewer's edits to a held draft: add or remove a one-off line, apply or remove a coupon, edit the memo. Each
// checks the operator's permission and that the invoice is still a draft, calls Stripe with a key derived from the
// intent (the form's attempt token for repeatable edits), syncs the mirror and writes an audit entry.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOperator } from '@/db/queries/invoices';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, toAppError } from '@/lib/errors';
import { addDraftInvoiceItem } from '@/lib/stripe/add-draft-invoice-item';
import { deleteInvoiceItem } from '@/lib/stripe/delete-invoice-item';
import { updateDraftInvoice } from '@/lib/stripe/update-draft-invoice';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { invoiceSnapshot, requireOperatorCan, type Operator } from '../operator-invoices/run-invoice-action';

export type DraftEdit =
  | { kind: 'add_item'; amount: number; description: string; attempt: string }
  | { kind: 'remove_item'; invoiceItemId: string }
  | { kind: 'coupon'; couponId: string | null; attempt: string }
  | { kind: 'memo'; description: string; attempt: string };

/** The invoice item behind a mirrored line, when the line is a one-off item. */
function invoiceItemOf(data: unknown): string | null {
  const parent = (data as { parent?: { invoice_item_details?: { invoice_item?: unknown } } } | null)?.parent;
  const id = parent?.invoice_item_details?.invoice_item;
  return typeof id === 'string' ? id : null;
}

export async function editHeldDraft(params: { invoiceId: string; operator: Operator; edit: DraftEdit }, stripe?: Stripe) {
  requireOperatorCan(params.operator, 'admin:review:manage');
  const found = await getInvoiceForOperator({ invoiceId: params.invoiceId });
  if (!found) throw new AppError('not_found', `invoice ${params.invoiceId} is not mirrored`);
  const before = found.invoice;
  if (before.status !== 'draft') {
    throw new AppError('conflict', `invoice ${before.id} is ${before.status}`, {
      reason: 'invoice_status',
      userMessageKey: { key: 'adminInvoices.errors.notAllowed', valueKeys: { status: `invoiceStatus.${before.status}` } },
    });
  }
  const { edit } = params;
  const key = `operator:invoice:${before.id}`;
  try {
    if (edit.kind === 'add_item') {
      await addDraftInvoiceItem(
        {
          customerId: before.customerId,
          invoiceId: before.id,
          amount: edit.amount,
          currency: before.currency,
          description: edit.description,
          idempotencyKey: `${key}:add-item:${edit.attempt}`,
        },
        stripe,
      );
    } else if (edit.kind === 'remove_item') {
      // Only an item that is a line of this invoice: an id from the browser is checked against the mirror.
      if (!found.lines.some((line) => invoiceItemOf(line.data) === edit.invoiceItemId)) {
        throw new AppError('not_found', `invoice item ${edit.invoiceItemId} is not on ${before.id}`);
      }
      await deleteInvoiceItem({ invoiceItemId: edit.invoiceItemId }, stripe);
    } else if (edit.kind === 'coupon') {
      await updateDraftInvoice({ invoiceId: before.id, coupon: edit.couponId, idempotencyKey: `${key}:coupon:${edit.couponId ?? 'none'}:${edit.attempt}` }, stripe);
    } else {
      await updateDraftInvoice({ invoiceId: before.id, description: edit.description, idempotencyKey: `${key}:memo:${edit.attempt}` }, stripe);
    }
  } catch (error) {
    await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId }).catch(() => {});
    throw toAppError(error);
  }
  await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId });
  const after = await getInvoiceForOperator({ invoiceId: before.id });
  await recordAudit({
    organizationId: before.organizationId,
    actor: { type: 'operator', id: params.operator.userId },
    action: `invoice.review_${edit.kind}`,
    target: { type: 'invoice', id: before.id },
    data: { edit, before: invoiceSnapshot(before), after: after ? invoiceSnapshot(after.invoice) : null },
  });
  return after;
}

export { invoiceItemOf };
