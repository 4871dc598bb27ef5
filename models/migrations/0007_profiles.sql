DROP INDEX "collects_board_idx";--> statement-breakpoint
DROP INDEX "follows_followee_idx";--> statement-breakpoint
CREATE INDEX "collects_board_created_idx" ON "collects" USING btree ("board_id","created_at" DESC NULLS LAST,"note_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "follows_followee_created_idx" ON "follows" USING btree ("followee_id","created_at" DESC NULLS LAST,"follower_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "follows_follower_created_idx" ON "follows" USING btree ("follower_id","created_at" DESC NULLS LAST,"followee_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "likes_user_created_idx" ON "likes" USING btree ("user_id","created_at" DESC NULLS LAST,"note_id" DESC NULLS LAST);