CREATE TABLE "stripe_credit_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"organization_id" text,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"reason" text,
	"memo" text,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"credit_amount" bigint NOT NULL,
	"refund_amount" bigint NOT NULL,
	"out_of_band_amount" bigint NOT NULL,
	"pdf" text,
	"voided_at" timestamp with time zone,
	"stripe_created" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_invoice_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"organization_id" text,
	"type" text NOT NULL,
	"payment_record_id" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"amount_requested" bigint NOT NULL,
	"amount_paid" bigint,
	"method_label" text,
	"reference" text,
	"received_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"stripe_created" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stripe_credit_notes" ADD CONSTRAINT "stripe_credit_notes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoice_payments" ADD CONSTRAINT "stripe_invoice_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_credit_notes_invoice_idx" ON "stripe_credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "stripe_credit_notes_customer_idx" ON "stripe_credit_notes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "stripe_invoice_payments_invoice_idx" ON "stripe_invoice_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "stripe_invoice_payments_customer_idx" ON "stripe_invoice_payments" USING btree ("customer_id");