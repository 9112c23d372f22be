// A customer's budget for one meter as the form sends it: the budget in the meter's unit and the thresholds as
// percentages ("80, 100"). Coerced from FormData strings.
import { z } from 'zod';

export const MAX_THRESHOLDS = 5;

const thresholds = z
  .union([z.string(), z.array(z.coerce.number())])
  .transform((value) => (typeof value === 'string' ? value.split(/[\s,、]+/).filter(Boolean).map(Number) : value))
  .pipe(
    z
      .array(z.number().int().min(1).max(1000))
      .min(1)
      .max(MAX_THRESHOLDS)
      .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
  );

export const saveUsageBudgetSchema = z.object({
  organizationId: z.string().min(1),
  meter: z.string().min(1).max(100),
  budget: z.coerce.number().positive().max(1_000_000_000_000),
  thresholds,
});

export const removeUsageBudgetSchema = z.object({ organizationId: z.string().min(1), meter: z.string().min(1).max(100) });
