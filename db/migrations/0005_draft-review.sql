CREATE TYPE "public"."review_hold_scope" AS ENUM('organization', 'price', 'product');--> statement-breakpoint
CREATE TABLE "review_holds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" "review_hold_scope" NOT NULL,
	"target_id" text NOT NULL,
	"first_invoices" integer,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_holds" ADD CONSTRAINT "review_holds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_holds_scope_target_idx" ON "review_holds" USING btree ("scope","target_id");--> statement-breakpoint
CREATE INDEX "stripe_invoices_created_idx" ON "stripe_invoices" USING btree ("stripe_created","id");--> statement-breakpoint
CREATE INDEX "stripe_invoices_status_created_idx" ON "stripe_invoices" USING btree ("status","stripe_created");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");