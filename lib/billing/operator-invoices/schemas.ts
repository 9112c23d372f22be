// Inputs of the operators' invoice and draft-review actions. Ids only: amounts and statuses are read from the mirror
// and Stripe, except the one-off line an operator types (a positive whole number in the invoice's minor unit).
import { z } from 'zod';

const invoiceId = z.string().trim().regex(/^in_[A-Za-z0-9_]{1,200}$/);
const attempt = z.string().trim().min(1).max(100);

export const manageInvoiceSchema = z.object({
  invoiceId,
  action: z.enum(['finalize', 'void', 'mark_uncollectible']),
  reason: z.string().trim().max(500).optional(),
});

export const resendInvoiceSchema = z.object({ invoiceId, attempt });

export const approveDraftSchema = z.object({ invoiceId });

export const editDraftSchema = z.object({
  invoiceId,
  edit: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('add_item'), amount: z.coerce.number().int().positive().max(99_999_999), description: z.string().trim().min(1).max(200), attempt }),
    z.object({ kind: z.literal('remove_item'), invoiceItemId: z.string().trim().regex(/^ii_[A-Za-z0-9_]{1,200}$/) }),
    z.object({ kind: z.literal('add_coupon'), couponId: z.string().trim().min(1).max(200), attempt }),
    z.object({ kind: z.literal('remove_discount'), discountId: z.string().trim().regex(/^di_[A-Za-z0-9_]{1,200}$/) }),
    z.object({ kind: z.literal('memo'), description: z.string().trim().max(1500), attempt }),
  ]),
});

export const setReviewHoldSchema = z.object({
  scope: z.enum(['organization', 'price', 'product']),
  targetId: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
  /** Empty: hold every invoice. */
  firstInvoices: z.coerce.number().int().min(1).max(100).nullable(),
});
