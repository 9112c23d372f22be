// Input schemas of the quote actions. Prices are ids looked up in the catalogue mirror (amounts, currency and
// trial length never come from the browser); FormData arrives as strings, so numbers are coerced. A refusal the
// builder's operator can correct carries a code as its message (`email`, `quantity`…), which the form shows beside
// the field in the reader's language (messages quotes.builder.errors).
import { z } from 'zod';
import { locales } from '@/lib/i18n/config';

const stripeId = (prefix: string) => z.string().trim().min(prefix.length + 1).max(255).startsWith(prefix);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const MAX_QUOTE_LINES = 10;
export const MAX_QUOTE_QUANTITY = 10_000;

export const quoteLineSchema = z.object({
  priceId: stripeId('price_'),
  // 0 is parsed so the domain refuses it with its own sentence (a line of nothing is a mistake, not a no-op).
  quantity: z.coerce.number({ message: 'quantity' }).int({ message: 'quantity' }).min(0, { message: 'quantity' }).max(MAX_QUOTE_QUANTITY, { message: 'quantity' }),
});

export const buildQuoteSchema = z
  .object({
    target: z.enum(['organization', 'prospect']),
    organizationId: optionalText(100),
    prospectName: optionalText(200),
    prospectEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.email({ message: 'email' }).optional()),
    /** The prospect's document language; an organization's comes from its customer. */
    locale: z.enum(locales).optional(),
    lines: z.array(quoteLineSchema).min(1).max(MAX_QUOTE_LINES),
    promotionCode: optionalText(100),
    /** The last day the quote can be accepted (YYYY-MM-DD, end of that day in Japan time). */
    expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expires_on' }),
    header: optionalText(500),
    footer: optionalText(500),
    collectionMethod: z.enum(['charge_automatically', 'send_invoice']),
    daysUntilDue: z.coerce.number({ message: 'days_until_due' }).int({ message: 'days_until_due' }).min(1, { message: 'days_until_due' }).max(90, { message: 'days_until_due' }).optional(),
    /** Offer the plan's own trial (its length comes from the catalogue). */
    withTrial: z.coerce.boolean().default(false),
    attempt: z.uuid(),
  })
  // Who the quote is for, each missing part refused on its own field, also when another field is refused too (the
  // form then marks every field to correct at once).
  .superRefine(
    (v, ctx) => {
      const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.target === 'organization' && !v.organizationId) missing('organizationId', 'organization_required');
      if (v.target === 'prospect' && !v.prospectName) missing('prospectName', 'prospect_name_required');
      if (v.target === 'prospect' && !v.prospectEmail) missing('prospectEmail', 'prospect_email_required');
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type BuildQuoteInput = z.infer<typeof buildQuoteSchema>;

export const quoteIdSchema = z.object({ quoteId: stripeId('qt_') });

export const duplicateQuoteSchema = z.object({ quoteId: stripeId('qt_'), attempt: z.uuid() });

export const manageQuoteSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('finalize'), quoteId: stripeId('qt_') }),
  z.object({ action: z.literal('send'), quoteId: stripeId('qt_') }),
  z.object({ action: z.literal('cancel'), quoteId: stripeId('qt_') }),
  z.object({ action: z.literal('duplicate'), quoteId: stripeId('qt_'), attempt: z.uuid() }),
]);
