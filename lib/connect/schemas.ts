// Inputs of the Connect operator actions. Amounts and prices are ids and operator-typed text, looked up and
// parsed on the server; nothing about money is taken from the browser as is.
import { z } from 'zod';
import { PAYEE_COUNTRIES, PAYEE_ROLES } from './payee-roles';

const countries = Object.keys(PAYEE_COUNTRIES) as [keyof typeof PAYEE_COUNTRIES, ...(keyof typeof PAYEE_COUNTRIES)[]];

// A refusal the operator can correct carries a code as its message (`email`, `name_required`…), which the form
// shows beside its field in the reader's language (messages connect.errors).
export const addPayeeSchema = z.object({
  name: z.string().trim().min(1, { message: 'name_required' }).max(200, { message: 'name_too_long' }),
  email: z.string().trim().toLowerCase().min(1, { message: 'email_required' }).max(320, { message: 'email' }).pipe(z.email({ message: 'email' })),
  role: z.enum(PAYEE_ROLES),
  country: z.enum(countries),
});
export type AddPayeeInput = z.infer<typeof addPayeeSchema>;

export const shareInputSchema = z.object({
  role: z.enum(PAYEE_ROLES),
  kind: z.enum(['fixed', 'percent']),
  /** Major units for fixed ("1,000" yen), a percentage for percent ("33.33"). */
  value: z.string().trim().min(1).max(30),
});

export const saveSplitRuleSchema = z.object({
  scope: z.enum(['price', 'product']),
  targetId: z.string().trim().regex(/^(price|prod)_[A-Za-z0-9_]{1,200}$/),
  shares: z.array(shareInputSchema).min(1).max(PAYEE_ROLES.length),
});
export type SaveSplitRuleInput = z.infer<typeof saveSplitRuleSchema>;

export const recordSaleSchema = z.object({
  organizationId: z.string().trim().min(1).max(100),
  priceId: z.string().trim().regex(/^price_[A-Za-z0-9_]{1,200}$/),
  /** One payee per role the rule names. */
  payees: z.array(z.object({ role: z.enum(PAYEE_ROLES), payeeId: z.uuid() })).min(1).max(PAYEE_ROLES.length),
  /** Charge the organization's saved card now (a patient's exam course); otherwise the invoice stays open to be paid. */
  chargeSavedCard: z.boolean(),
  /** Issued by the page that rendered the form: a double click records one sale. */
  attempt: z.uuid(),
});
export type RecordSaleInput = z.infer<typeof recordSaleSchema>;

export const retryTransferSchema = z.object({ transferId: z.uuid() });
