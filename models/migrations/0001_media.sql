CREATE TYPE "public"."media_status" AS ENUM('processing', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "media" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" "note_kind" NOT NULL,
	"status" "media_status" DEFAULT 'processing' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"failure_message" text,
	"content_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"original_key" text,
	"width" integer,
	"height" integer,
	"duration_ms" integer,
	"aspect_ratio" real,
	"dominant_color" text,
	"thumbhash" text,
	"variants" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "note_media" ADD COLUMN "media_id" uuid;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_owner_idx" ON "media" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "note_media_media_idx" ON "note_media" USING btree ("media_id");