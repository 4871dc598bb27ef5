ALTER TABLE "brand_webhook_secrets" ADD COLUMN "previous_secret" text;--> statement-breakpoint
ALTER TABLE "brand_webhook_secrets" ADD COLUMN "previous_valid_until" timestamp (3) with time zone;