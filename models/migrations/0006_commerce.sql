CREATE TYPE "public"."attribution_model" AS ENUM('last_click', 'view_through', 'position');--> statement-breakpoint
CREATE TYPE "public"."order_attribution" AS ENUM('click', 'view_through', 'organic');--> statement-breakpoint
CREATE TYPE "public"."order_source" AS ENUM('checkout', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."refund_kind" AS ENUM('refund', 'return');--> statement-breakpoint
CREATE TYPE "public"."rollup_grain" AS ENUM('day', 'hour');--> statement-breakpoint
CREATE TABLE "brand_webhook_secrets" (
	"brand_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_audience_topics" (
	"day" date NOT NULL,
	"note_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "note_audience_topics_note_id_day_topic_pk" PRIMARY KEY("note_id","day","topic")
);
--> statement-breakpoint
CREATE TABLE "note_stats" (
	"grain" "rollup_grain" NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"note_id" uuid NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"collects" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"shares" integer DEFAULT 0 NOT NULL,
	"product_clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "note_stats_grain_note_id_bucket_pk" PRIMARY KEY("grain","note_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "order_attributions" (
	"order_id" uuid NOT NULL,
	"model" "attribution_model" NOT NULL,
	"touch_event_id" uuid NOT NULL,
	"touch_type" text NOT NULL,
	"touched_at" timestamp (3) with time zone NOT NULL,
	"note_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"credit" double precision NOT NULL,
	"impression_event_id" uuid,
	"impressed_at" timestamp (3) with time zone,
	CONSTRAINT "order_attributions_order_id_model_touch_event_id_pk" PRIMARY KEY("order_id","model","touch_event_id")
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" "refund_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_refunds_external_id_key" UNIQUE("order_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"user_id" uuid,
	"source" "order_source" NOT NULL,
	"external_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"click_event_id" uuid,
	"attribution" "order_attribution" NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_external_id_key" UNIQUE("brand_id","source","external_id")
);
--> statement-breakpoint
CREATE TABLE "product_note_stats" (
	"grain" "rollup_grain" NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"product_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"gmv_minor" bigint DEFAULT 0 NOT NULL,
	"refunds" integer DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"view_through_orders" integer DEFAULT 0 NOT NULL,
	"view_through_units" integer DEFAULT 0 NOT NULL,
	"view_through_gmv_minor" bigint DEFAULT 0 NOT NULL,
	"view_through_refunds" integer DEFAULT 0 NOT NULL,
	"view_through_refunded_minor" bigint DEFAULT 0 NOT NULL,
	"position_orders" double precision DEFAULT 0 NOT NULL,
	"position_gmv_minor" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "product_note_stats_grain_product_id_note_id_currency_bucket_pk" PRIMARY KEY("grain","product_id","note_id","currency","bucket")
);
--> statement-breakpoint
CREATE TABLE "rollup_watermarks" (
	"source" text PRIMARY KEY NOT NULL,
	"upto" timestamp (3) with time zone DEFAULT '-infinity' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsor_deals" (
	"note_id" uuid PRIMARY KEY NOT NULL,
	"brand_id" uuid NOT NULL,
	"cost_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brand_webhook_secrets" ADD CONSTRAINT "brand_webhook_secrets_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_attributions" ADD CONSTRAINT "order_attributions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_deals" ADD CONSTRAINT "sponsor_deals_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsor_deals" ADD CONSTRAINT "sponsor_deals_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_attributions_note_idx" ON "order_attributions" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "order_refunds_created_idx" ON "order_refunds" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_product_time_idx" ON "orders" USING btree ("product_id","occurred_at");--> statement-breakpoint
CREATE INDEX "orders_brand_time_idx" ON "orders" USING btree ("brand_id","occurred_at");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("user_id","product_id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "product_note_stats_note_idx" ON "product_note_stats" USING btree ("grain","note_id","bucket");--> statement-breakpoint
CREATE INDEX "events_received_brin" ON "interaction_events" USING brin ("received_at");