// Input of the pay-invoice action: ids only; the amount and the card come from the mirror and Stripe.
import { z } from 'zod';

export const payInvoiceSchema = z.object({
  organizationId: z.string().min(1).max(100),
  invoiceId: z.string().trim().regex(/^in_[A-Za-z0-9_]{1,200}$/),
  /** Issued by the page that rendered the button: one attempt, so a double click pays once. */
  attempt: z.uuid(),
});
