CREATE TABLE "invoice_projections" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"customer_id" text,
	"subscription_id" text,
	"currency" text,
	"subtotal" integer,
	"tax" integer,
	"total" integer,
	"amount_due" integer,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "usage_budgets" (
	"organization_id" text NOT NULL,
	"meter" text NOT NULL,
	"budget" numeric NOT NULL,
	"thresholds" jsonb NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_budgets_organization_id_meter_pk" PRIMARY KEY("organization_id","meter")
);
--> statement-breakpoint
ALTER TABLE "invoice_projections" ADD CONSTRAINT "invoice_projections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_budgets" ADD CONSTRAINT "usage_budgets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_budgets" ADD CONSTRAINT "usage_budgets_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_projections_requested_idx" ON "invoice_projections" USING btree ("requested_at");