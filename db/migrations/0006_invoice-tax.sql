ALTER TABLE "stripe_invoices" ADD COLUMN "tax" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD COLUMN "total_excluding_tax" bigint;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD COLUMN "taxes" jsonb DEFAULT '[]'::jsonb NOT NULL;