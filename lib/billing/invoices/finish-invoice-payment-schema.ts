// Input of the action that finishes paying an invoice after the customer authenticated (3-D Secure).
import { z } from 'zod';

export const finishInvoicePaymentSchema = z.object({
  organizationId: z.string().min(1).max(100),
  invoiceId: z.string().trim().regex(/^in_[A-Za-z0-9_]{1,200}$/),
});
