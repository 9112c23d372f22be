// The bodies of the Stripe App's routes (user_id and account_id are checked with the signature first).
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '@/db/queries/notes';
import { stripeCustomerIdSchema } from './handle-request';

export const customerRequestSchema = z.object({ customer_id: stripeCustomerIdSchema });

export const addNoteRequestSchema = z.object({
  customer_id: stripeCustomerIdSchema,
  body: z.string().trim().min(1, 'a note needs text').max(NOTE_MAX_LENGTH, `a note is at most ${NOTE_MAX_LENGTH} characters`),
});
