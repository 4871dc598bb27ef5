-- A brand named as a note's sponsor must confirm it before the note names the brand. Sponsorships
-- recorded before this were never confirmed by their brands: they wait for an answer.
CREATE TYPE "public"."sponsor_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "sponsor_status" "sponsor_status";;--> statement-breakpoint
UPDATE "notes" SET "sponsor_status" = 'pending' WHERE "sponsor_brand_id" IS NOT NULL;