ALTER TYPE "public"."stripe_event_status" ADD VALUE 'processing' BEFORE 'processed';--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "lease_token" text;