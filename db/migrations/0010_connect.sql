CREATE TYPE "public"."connect_sale_status" AS ENUM('awaiting_payment', 'paid', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."connect_transfer_status" AS ENUM('scheduled', 'pending', 'sent', 'failed', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."payee_status" AS ENUM('onboarding', 'restricted', 'enabled');--> statement-breakpoint
CREATE TABLE "connect_payees" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"stripe_account_id" text NOT NULL,
	"status" "payee_status" DEFAULT 'onboarding' NOT NULL,
	"requirements_due" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disabled_reason" text,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_synced_at" timestamp with time zone,
	CONSTRAINT "connect_payees_stripe_account_id_unique" UNIQUE("stripe_account_id")
);
--> statement-breakpoint
CREATE TABLE "connect_sales" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"price_id" text NOT NULL,
	"product_name" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"billed_amount" bigint,
	"invoice_id" text,
	"charge_id" text,
	"transfer_group" text NOT NULL,
	"status" "connect_sale_status" DEFAULT 'awaiting_payment' NOT NULL,
	"reduced_amount" bigint DEFAULT 0 NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "connect_sales_invoice_id_unique" UNIQUE("invoice_id")
);
--> statement-breakpoint
CREATE TABLE "connect_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"sale_id" text NOT NULL,
	"payee_id" text NOT NULL,
	"role" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" "connect_transfer_status" DEFAULT 'scheduled' NOT NULL,
	"stripe_transfer_id" text,
	"reversed_amount" bigint DEFAULT 0 NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"failure_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "split_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"target_id" text NOT NULL,
	"currency" text NOT NULL,
	"shares" jsonb NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connect_payees" ADD CONSTRAINT "connect_payees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_sales" ADD CONSTRAINT "connect_sales_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_sales" ADD CONSTRAINT "connect_sales_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_transfers" ADD CONSTRAINT "connect_transfers_sale_id_connect_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."connect_sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_transfers" ADD CONSTRAINT "connect_transfers_payee_id_connect_payees_id_fk" FOREIGN KEY ("payee_id") REFERENCES "public"."connect_payees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_rules" ADD CONSTRAINT "split_rules_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connect_payees_email_idx" ON "connect_payees" USING btree ("email");--> statement-breakpoint
CREATE INDEX "connect_sales_org_idx" ON "connect_sales" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "connect_sales_created_idx" ON "connect_sales" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "connect_transfers_sale_payee_idx" ON "connect_transfers" USING btree ("sale_id","payee_id");--> statement-breakpoint
CREATE INDEX "connect_transfers_payee_idx" ON "connect_transfers" USING btree ("payee_id");--> statement-breakpoint
CREATE INDEX "connect_transfers_status_idx" ON "connect_transfers" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "split_rules_target_idx" ON "split_rules" USING btree ("scope","target_id");