CREATE TYPE "public"."payee_account_api" AS ENUM('v1', 'v2');--> statement-breakpoint
ALTER TABLE "connect_payees" ADD COLUMN "account_api" "payee_account_api" DEFAULT 'v1' NOT NULL;