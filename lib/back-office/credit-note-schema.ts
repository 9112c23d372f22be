// Input of the credit-note actions (preview and issue). Ids and quantities only, plus the amount the operator
// typed for a credit by amount; the lines, amounts and what is left to credit come from the mirror and Stripe.
import { z } from 'zod';
import { creditNoteReasons, creditNoteSettlements } from './adjustment-options';

export const creditNoteSchema = z.object({
  invoiceId: z.string().trim().regex(/^in_[A-Za-z0-9_]{1,200}$/),
  by: z.enum(['amount', 'lines']),
  amount: z.string().trim().max(30).optional(),
  lines: z
    .array(z.object({ lineId: z.string().trim().regex(/^[A-Za-z0-9_]{1,200}$/), quantity: z.coerce.number().int().min(0).max(1_000_000) }))
    .max(200)
    .optional(),
  /** For a credit by amount on an invoice taxed at several rates: which of them (one of the invoice's). */
  taxRate: z.string().trim().regex(/^txr_[A-Za-z0-9_]{1,200}$/).optional(),
  reason: z.enum(creditNoteReasons),
  settlement: z.enum(creditNoteSettlements).default('customer_balance'),
  memo: z.string().trim().max(500).optional(),
});
export type CreditNoteInput = z.infer<typeof creditNoteSchema>;

export const issueCreditNoteSchema = creditNoteSchema.extend({
  /** Issued by the page that rendered the form: one attempt, so a double click issues one credit note. */
  attempt: z.uuid(),
});
export type IssueCreditNoteInput = z.infer<typeof issueCreditNoteSchema>;
