CREATE TABLE "quote_requests" (
	"quote_id" text PRIMARY KEY NOT NULL,
	"organization_id" text,
	"prospect_name" text,
	"prospect_email" text,
	"recipient_email" text NOT NULL,
	"locale" text NOT NULL,
	"customer_id" text NOT NULL,
	"duplicated_from" text,
	"created_by_user_id" text,
	"sent_at" timestamp with time zone,
	"sent_by_user_id" text,
	"first_viewed_at" timestamp with time zone,
	"last_viewed_at" timestamp with time zone,
	"last_viewed_by_email" text,
	"accepted_at" timestamp with time zone,
	"accepted_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_quotes" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"organization_id" text,
	"status" text NOT NULL,
	"number" text,
	"currency" text,
	"collection_method" text NOT NULL,
	"days_until_due" bigint,
	"amount_subtotal" bigint NOT NULL,
	"amount_total" bigint NOT NULL,
	"amount_tax" bigint NOT NULL,
	"amount_discount" bigint NOT NULL,
	"taxes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"header" text,
	"footer" text,
	"description" text,
	"trial_period_days" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"finalized_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"subscription_id" text,
	"invoice_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stripe_created" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quote_requests" ADD CONSTRAINT "quote_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_quotes" ADD CONSTRAINT "stripe_quotes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_requests_org_idx" ON "quote_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "quote_requests_recipient_idx" ON "quote_requests" USING btree ("recipient_email");--> statement-breakpoint
CREATE INDEX "stripe_quotes_customer_idx" ON "stripe_quotes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "stripe_quotes_org_idx" ON "stripe_quotes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "stripe_quotes_status_created_idx" ON "stripe_quotes" USING btree ("status","stripe_created");