// A reviewer's edits to a held draft: add or remove a one-off line, add a coupon or remove one discount, edit the
// memo. Each checks the operator's permission and that the invoice is still a draft, calls Stripe with a key
// derived from the intent (the form's attempt token for repeatable edits), syncs the mirror and writes an audit
// entry that names what changed (the coupon added or removed).
//
// Several coupons apply at once: Stripe replaces an invoice's whole `discounts` list on update, so a new coupon is
// appended to the discounts the invoice has now (read from Stripe, passed back as `{ discount: 'di_…' }`), and a
// removal passes back every discount but that one. A discount inherited from the subscription leaves this invoice
// only; the subscription keeps it.
import 'server-only';
import type Stripe from 'stripe';
import { getInvoiceForOperator } from '@/db/queries/invoices';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, toAppError } from '@/lib/errors';
import { appliedDiscounts, type AppliedDiscount } from '@/lib/billing/invoices/applied-discounts';
import { addDraftInvoiceItem } from '@/lib/stripe/add-draft-invoice-item';
import { deleteInvoiceItem } from '@/lib/stripe/delete-invoice-item';
import { retrieveCoupon } from '@/lib/stripe/retrieve-coupon';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { setInvoiceDiscounts } from '@/lib/stripe/set-invoice-discounts';
import { updateDraftInvoice } from '@/lib/stripe/update-draft-invoice';
import { syncStripeInvoice } from '@/lib/stripe-sync';
import { retrieveOrNull } from '@/lib/stripe-sync/context';
import { invoiceSnapshot, requireOperatorCan, type Operator } from '../operator-invoices/run-invoice-action';

export type DraftEdit =
  | { kind: 'add_item'; amount: number; description: string; attempt: string }
  | { kind: 'remove_item'; invoiceItemId: string }
  | { kind: 'add_coupon'; couponId: string; attempt: string }
  | { kind: 'remove_discount'; discountId: string }
  | { kind: 'memo'; description: string; attempt: string };

/** The invoice item behind a mirrored line, when the line is a one-off item. */
function invoiceItemOf(data: unknown): string | null {
  const parent = (data as { parent?: { invoice_item_details?: { invoice_item?: unknown } } } | null)?.parent;
  const id = parent?.invoice_item_details?.invoice_item;
  return typeof id === 'string' ? id : null;
}

const refuse = (code: 'invalid_input' | 'conflict' | 'not_found', message: string, key: string, values: Record<string, string>) =>
  new AppError(code, message, { reason: key, userMessageKey: { key: `adminInvoices.errors.${key}`, values } });

/** The discounts on the invoice as Stripe has them now (the mirror may be a moment behind another reviewer). */
async function currentDiscounts(invoiceId: string, stripe?: Stripe): Promise<AppliedDiscount[]> {
  const invoice = await retrieveInvoice(invoiceId, stripe, { expand: ['discounts', 'discounts.source.coupon'] });
  return appliedDiscounts({ data: invoice });
}

/** The coupon an operator typed, checked against this invoice before Stripe is asked to apply it. */
async function couponToAdd(couponId: string, currency: string, applied: readonly AppliedDiscount[], stripe?: Stripe): Promise<Stripe.Coupon> {
  const coupon = await retrieveOrNull(() => retrieveCoupon(couponId, stripe));
  if (!coupon) throw refuse('invalid_input', `coupon ${couponId} does not exist`, 'unknownCoupon', { coupon: couponId });
  const name = coupon.name || coupon.id;
  if (!coupon.valid) throw refuse('invalid_input', `coupon ${coupon.id} is no longer valid`, 'couponNotValid', { coupon: name });
  if (coupon.amount_off != null && coupon.currency !== currency && !coupon.currency_options?.[currency]) {
    throw refuse('invalid_input', `coupon ${coupon.id} has no amount in ${currency}`, 'couponOtherCurrency', { coupon: name, currency: currency.toUpperCase() });
  }
  if (applied.some((d) => d.couponId === coupon.id)) {
    throw refuse('conflict', `coupon ${coupon.id} is already on the invoice`, 'couponAlreadyApplied', { coupon: name });
  }
  return coupon;
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
  /** What the audit entry names besides the edit: the coupon added or removed. */
  let named: Record<string, unknown> = {};
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
    } else if (edit.kind === 'add_coupon') {
      const applied = await currentDiscounts(before.id, stripe);
      const coupon = await couponToAdd(edit.couponId, before.currency, applied, stripe);
      await setInvoiceDiscounts(
        {
          invoiceId: before.id,
          discounts: [...applied.map((d) => ({ discount: d.id })), { coupon: coupon.id }],
          idempotencyKey: `${key}:add-coupon:${coupon.id}:${edit.attempt}`,
        },
        stripe,
      );
      named = { coupon: { id: coupon.id, name: coupon.name ?? null } };
    } else if (edit.kind === 'remove_discount') {
      // Only a discount on this invoice now: an id from the browser is checked against Stripe's list.
      const applied = await currentDiscounts(before.id, stripe);
      const removed = applied.find((d) => d.id === edit.discountId);
      if (!removed) throw refuse('not_found', `discount ${edit.discountId} is not on ${before.id}`, 'discountNotApplied', {});
      await setInvoiceDiscounts(
        {
          invoiceId: before.id,
          discounts: applied.filter((d) => d.id !== removed.id).map((d) => ({ discount: d.id })),
          // A discount id is never reused: removing this one is a single intent.
          idempotencyKey: `${key}:remove-discount:${removed.id}`,
        },
        stripe,
      );
      named = { coupon: { id: removed.couponId, name: removed.name }, discountId: removed.id, fromSubscription: removed.fromSubscription };
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
    data: { edit, ...named, before: invoiceSnapshot(before), after: after ? invoiceSnapshot(after.invoice) : null },
  });
  return after;
}

export { invoiceItemOf };
