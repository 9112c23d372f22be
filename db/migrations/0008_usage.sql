CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"meter" text NOT NULL,
	"value" numeric NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"identifier" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_report_windows" (
	"organization_id" text NOT NULL,
	"meter" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"stripe_customer_id" text NOT NULL,
	"reported_value" numeric DEFAULT '0' NOT NULL,
	"report_sequence" integer DEFAULT 0 NOT NULL,
	"pending_sequence" integer,
	"pending_value" numeric,
	"pending_lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_report_windows_organization_id_meter_window_start_pk" PRIMARY KEY("organization_id","meter","window_start")
);
--> statement-breakpoint
CREATE TABLE "usage_reporter_state" (
	"name" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_report_windows" ADD CONSTRAINT "usage_report_windows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_org_identifier_idx" ON "usage_events" USING btree ("organization_id","identifier");--> statement-breakpoint
CREATE INDEX "usage_events_org_meter_occurred_idx" ON "usage_events" USING btree ("organization_id","meter","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_events_received_idx" ON "usage_events" USING brin ("received_at");--> statement-breakpoint
CREATE INDEX "usage_report_windows_pending_idx" ON "usage_report_windows" USING btree ("pending_lease_until") WHERE "usage_report_windows"."pending_sequence" is not null;--> statement-breakpoint
-- Japanese organizations (billed in yen) count their days in Japan time.
UPDATE "organizations" SET "time_zone" = 'Asia/Tokyo' WHERE "currency" = 'jpy';
