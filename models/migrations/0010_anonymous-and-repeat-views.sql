-- Views repeated by one viewer within the dedupe window are flagged and counted nowhere; signed-out
-- viewers' impressions and reads get rollup columns of their own. Rows folded before this keep
-- signed-out impressions and reads inside impressions and reads, and no view before it is a repeat.
ALTER TABLE "interaction_events" ADD COLUMN "is_repeat" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "note_stats" ADD COLUMN "anonymous_impressions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "note_stats" ADD COLUMN "anonymous_reads" integer DEFAULT 0 NOT NULL;