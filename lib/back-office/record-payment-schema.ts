// Input of the record-payment action. The amount is what the operator typed (major units, parsed against the
// invoice's currency on the server); the invoice, customer and amount remaining come from the mirror.
import { z } from 'zod';
import { paymentMethods } from './adjustment-options';

export const recordPaymentSchema = z.object({
  invoiceId: z.string().trim().regex(/^in_[A-Za-z0-9_]{1,200}$/),
  amount: z.string().trim().min(1).max(30),
  /** The currency the money arrived in, as the operator states it: another currency than the invoice's is refused. */
  currency: z.string().trim().toLowerCase().regex(/^[a-z]{3}$/),
  method: z.enum(paymentMethods),
  receivedOn: z.iso.date(),
  reference: z.string().trim().min(1).max(200),
  /** Issued by the page that rendered the form: one attempt, so a double click records one payment. */
  attempt: z.uuid(),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;
