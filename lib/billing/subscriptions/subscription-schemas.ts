// Input schemas of the plan and subscription actions (checkout, cancel, resume, collection method, plan change,
// promotion codes). Ids are bounded strings looked up in the mirror scoped
// to the organization; amounts never come from the browser. FormData arrives as strings: coerce.
import { z } from 'zod';
import { MAX_PROMOTION_CODES, MAX_QUANTITY } from '@/lib/billing/plans/limits';

const stripeId = (prefix: string) => z.string().trim().min(prefix.length + 1).max(255).startsWith(prefix);

export const startSubscriptionSchema = z.object({
  organizationId: z.string().min(1).max(100),
  priceId: stripeId('price_'),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
  promotionCodes: z.array(z.string().trim().max(100)).max(MAX_PROMOTION_CODES).default([]),
  /** Issued by the checkout page; the same token means the same checkout (double clicks, retries). */
  attempt: z.uuid(),
});

/** The checkout's first invoice with these codes, before anything is created: the same purchase as subscribing. */
export const previewCheckoutSchema = startSubscriptionSchema.omit({ attempt: true });

export const finishSubscriptionSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
});

export const cancellationFeedbacks = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const;

export const cancelSubscriptionSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
  reason: z.enum(cancellationFeedbacks),
  comment: z.string().trim().max(500).optional(),
  /** Issued with the page: the same token is the same request (double clicks); a later visit is a new one. */
  attempt: z.uuid(),
});

export const resumeSubscriptionSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
  attempt: z.uuid(),
});

export const changeCollectionMethodSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
  method: z.enum(['send_invoice', 'charge_automatically']),
  attempt: z.uuid(),
});

export const previewPlanChangeSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
  priceId: stripeId('price_'),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
});

export const applyPlanChangeSchema = z.object({
  organizationId: z.string().min(1).max(100),
  /** The signed preview; its contents, not the browser's, are applied. */
  token: z.string().min(10).max(4000),
});

export const applyPromotionCodeSchema = z.object({
  organizationId: z.string().min(1).max(100),
  subscriptionId: stripeId('sub_'),
  code: z.string().trim().min(1).max(100),
});
