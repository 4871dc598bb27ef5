-- In-app orders now wait for a payment. Every order recorded before this was counted as sold, so
-- each becomes paid when it was stored; the rollups, which now fold orders by paid_at, have
-- already folded them by created_at up to their watermark.
CREATE TYPE "public"."order_status" AS ENUM('pending', 'paid', 'expired');--> statement-breakpoint
DROP INDEX "orders_created_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "status" "order_status" NOT NULL DEFAULT 'paid';--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paid_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "orders" SET "paid_at" = "created_at";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_ref" text;--> statement-breakpoint
CREATE INDEX "orders_paid_idx" ON "orders" USING btree ("paid_at");--> statement-breakpoint
CREATE INDEX "orders_pending_idx" ON "orders" USING btree ("expires_at") WHERE "orders"."status" = 'pending';
