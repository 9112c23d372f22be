-- Projected invoices stored before lines kept their origin and catalogue texts show Stripe's English line text
-- (db/schema/usage-dashboard.ts). Asking for their refresh lets the projection sweep fetch them again, so every
-- reader sees the lines in their own language without waiting for the customer's next usage or plan change.
UPDATE "invoice_projections"
SET "requested_at" = now()
WHERE "refreshed_at" IS NOT NULL
  AND EXISTS (SELECT 1 FROM jsonb_array_elements("lines") AS line WHERE NOT (line ? 'origin'));
