// Input of the one-off purchase actions: ids only (looked up in the mirror scoped to the organization), never an
// amount. FormData arrives as strings.
import { z } from 'zod';

export const startOneOffPurchaseSchema = z.object({
  organizationId: z.string().min(1).max(100),
  priceId: z.string().trim().min(7).max(255).startsWith('price_'),
  /** Issued by the purchase page; the same token means the same purchase (double clicks, retries). */
  attempt: z.uuid(),
});

export const finishOneOffPurchaseSchema = z.object({
  organizationId: z.string().min(1).max(100),
  invoiceId: z.string().trim().min(4).max(255).startsWith('in_'),
});
