// Inputs of the card actions: ids only, looked up in the mirror scoped to the organization.
import { z } from 'zod';

const organizationId = z.string().min(1).max(100);
const paymentMethodId = z.string().regex(/^pm_[A-Za-z0-9_]{1,200}$/);

export const startAddCardSchema = z.object({ organizationId, attempt: z.uuid() });
export const finishAddCardSchema = z.object({ organizationId, setupIntentId: z.string().regex(/^seti_[A-Za-z0-9_]{1,200}$/) });
export const makeDefaultCardSchema = z.object({ organizationId, paymentMethodId });
export const removeCardSchema = z.object({ organizationId, paymentMethodId });
