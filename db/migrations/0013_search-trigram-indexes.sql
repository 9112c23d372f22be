-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; PGlite loads it from its contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_billing_email_trgm_idx" ON "organizations" USING gin ("billing_email" gin_trgm_ops);
