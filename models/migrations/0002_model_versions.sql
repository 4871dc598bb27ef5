CREATE TYPE "public"."model_status" AS ENUM('serving', 'retired', 'rejected');--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" "model_status" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp (3) with time zone,
	"train_examples" integer NOT NULL,
	"holdout_auc" double precision NOT NULL,
	"serving_auc" double precision,
	"metrics" jsonb NOT NULL,
	"layout" jsonb NOT NULL,
	"weights" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_serving" ON "model_versions" USING btree ("status") WHERE status = 'serving';