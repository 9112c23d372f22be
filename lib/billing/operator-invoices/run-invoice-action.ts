// An operator's finalize / void / mark uncollectible / resend on one invoice. The invoice is looked up in the mirror
// (any organization: operators only), its status and the operator's permission are checked here again whatever the
// page showed, Stripe is called with a key derived from the intent (a double click acts once), the mirror is
// synced at once, and the audit log gets the operator, the reason and the state before and after.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOperator, type InvoiceRecord } from '@/db/queries/invoices';
import { recordAudit } from '@/lib/audit/record-audit';
import { invoiceEmailRecipient } from '@/lib/billing/invoices/invoice-details';
import { AppError, toAppError } from '@/lib/errors';
import { operatorCan, type OperatorRole } from '@/lib/permissions';
import { finalizeInvoice } from '@/lib/stripe/finalize-invoice';
import { markInvoiceUncollectible } from '@/lib/stripe/mark-invoice-uncollectible';
import { sendInvoice } from '@/lib/stripe/send-invoice';
import { setInvoiceMetadata } from '@/lib/stripe/set-invoice-metadata';
import { voidInvoice } from '@/lib/stripe/void-invoice';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { invoiceActionRules, invoiceAllows, type OperatorInvoiceAction } from './invoice-action-rules';

export type Operator = { userId: string; role: OperatorRole };

const auditActions: Record<OperatorInvoiceAction, string> = {
  finalize: 'invoice.finalized_by_operator',
  void: 'invoice.voided_by_operator',
  mark_uncollectible: 'invoice.marked_uncollectible_by_operator',
  resend: 'invoice.resent_by_operator',
};

/** What an audit entry keeps of the invoice before and after the action. */
export function invoiceSnapshot(invoice: InvoiceRecord) {
  return { status: invoice.status, total: invoice.total, amountRemaining: invoice.amountRemaining, autoAdvance: invoice.autoAdvance };
}

/** The mirrored invoice, or not_found. */
export async function invoiceForOperator(invoiceId: string): Promise<InvoiceRecord> {
  const found = await getInvoiceForOperator({ invoiceId });
  if (!found) throw new AppError('not_found', `invoice ${invoiceId} is not mirrored`);
  return found.invoice;
}

/** Forbidden unless the operator's role has the permission: the refusal comes before any Stripe call. */
export function requireOperatorCan(operator: Operator, permission: Parameters<typeof operatorCan>[1]): void {
  if (!operatorCan(operator.role, permission)) throw new AppError('forbidden', `operator role ${operator.role} lacks ${permission}`);
}

export async function runInvoiceAction(
  params: {
    invoiceId: string;
    action: OperatorInvoiceAction;
    operator: Operator;
    /** Why (void, uncollectible): kept in the audit log and the invoice's metadata. */
    reason?: string;
    /** For resend only, which may legitimately repeat: one token per click of the form. */
    attempt?: string;
  },
  stripe?: Stripe,
): Promise<InvoiceRecord> {
  const { action, operator } = params;
  const rule = invoiceActionRules[action];
  requireOperatorCan(operator, rule.permission);
  const before = await invoiceForOperator(params.invoiceId);
  if (!invoiceAllows(before, action)) {
    throw new AppError('conflict', `cannot ${action} invoice ${before.id}: it is ${before.status} (${before.collectionMethod})`, {
      reason: 'invoice_status',
      userMessageKey: { key: 'adminInvoices.errors.notAllowed', valueKeys: { status: `invoiceStatus.${before.status}` } },
    });
  }
  const reason = params.reason?.trim() || undefined;
  if (rule.takesReason && !reason) {
    throw new AppError('invalid_input', `${action} needs a reason`, { reason: 'reason_required', userMessageKey: { key: 'adminInvoices.errors.reasonRequired' } });
  }
  const key = `operator:invoice:${before.id}:${action}`;
  try {
    if (action === 'finalize') await finalizeInvoice({ invoiceId: before.id, autoAdvance: true, idempotencyKey: key }, stripe);
    if (action === 'void') await voidInvoice({ invoiceId: before.id, idempotencyKey: key }, stripe);
    if (action === 'mark_uncollectible') await markInvoiceUncollectible({ invoiceId: before.id, idempotencyKey: key }, stripe);
    if (action === 'resend') await sendInvoice({ invoiceId: before.id, idempotencyKey: `${key}:${params.attempt ?? 'once'}` }, stripe);
    if (reason) {
      await setInvoiceMetadata({ invoiceId: before.id, metadata: { [`${action}_reason`]: reason.slice(0, 500) }, idempotencyKey: `${key}:reason` }, stripe);
    }
  } catch (error) {
    // Stripe refused (e.g. the invoice changed meanwhile): converge the mirror so the page shows the truth.
    await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId }).catch(() => {});
    throw toAppError(error);
  }
  await syncStripeInvoice(before.id, undefined, { stripe, customerId: before.customerId });
  const after = await invoiceForOperator(before.id);
  await recordAudit({
    organizationId: before.organizationId,
    actor: { type: 'operator', id: operator.userId },
    action: auditActions[action],
    target: { type: 'invoice', id: before.id },
    data: {
      number: after.number ?? before.number,
      reason: reason ?? null,
      // A resend: to whom Stripe emailed it, so the history says it.
      ...(action === 'resend' ? { email: invoiceEmailRecipient(after) } : {}),
      before: invoiceSnapshot(before),
      after: invoiceSnapshot(after),
    },
  });
  return after;
}
