-- Uploads that no note and no avatar uses are now collected (media.collect); an avatar named its upload
-- only in its URL, so the upload is recorded beside it, and avatars set before this are matched by key.
ALTER TABLE "users" ADD COLUMN "avatar_media_id" uuid;--> statement-breakpoint
CREATE INDEX "users_avatar_media_idx" ON "users" USING btree ("avatar_media_id") WHERE avatar_media_id is not null;--> statement-breakpoint
UPDATE "users" AS u SET "avatar_media_id" = m."id" FROM "media" AS m
WHERE u."avatar_url" IS NOT NULL AND m."id"::text = substring(u."avatar_url" from '/images/([0-9a-f-]{36})/[^/]+$');
