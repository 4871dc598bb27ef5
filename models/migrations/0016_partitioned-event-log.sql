-- The event log becomes a table partitioned by month of occurred_at, so reads of a time window touch
-- only its months and old months can be dropped whole. Its ids' uniqueness moves to event_ids, which
-- remembers recent ids only (a partitioned table's unique keys must include its partition key).
ALTER TABLE "interaction_events" RENAME TO "interaction_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "interaction_events_unpartitioned" RENAME CONSTRAINT "interaction_events_pkey" TO "interaction_events_unpartitioned_pkey";--> statement-breakpoint
ALTER INDEX "events_occurred_brin" RENAME TO "events_unpartitioned_occurred_brin";--> statement-breakpoint
ALTER INDEX "events_received_brin" RENAME TO "events_unpartitioned_received_brin";--> statement-breakpoint
ALTER INDEX "events_user_time_idx" RENAME TO "events_unpartitioned_user_time_idx";--> statement-breakpoint
ALTER INDEX "events_note_time_idx" RENAME TO "events_unpartitioned_note_time_idx";--> statement-breakpoint
ALTER INDEX "events_user_engagement_idx" RENAME TO "events_unpartitioned_user_engagement_idx";--> statement-breakpoint
CREATE TABLE "interaction_events" (
	"event_id" uuid NOT NULL,
	"type" "event_type" NOT NULL,
	"user_id" uuid,
	"note_id" uuid,
	"product_id" uuid,
	"target_user_id" uuid,
	"value" double precision,
	"session_id" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"is_repeat" boolean DEFAULT false NOT NULL
) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
-- Whatever falls outside every month made so far (a month not yet made, one already dropped) lands
-- here rather than failing its batch; ensure_event_partition moves such rows into their month.
CREATE TABLE "interaction_events_default" PARTITION OF "interaction_events" DEFAULT;--> statement-breakpoint
-- Autosummarize: a BRIN range is summarised by autovacuum as soon as the next one starts filling; without
-- it every range written since the last vacuum matches every query, and time-window reads scan them all.
CREATE INDEX "events_occurred_brin" ON "interaction_events" USING brin ("occurred_at") WITH (autosummarize = on);--> statement-breakpoint
CREATE INDEX "events_received_brin" ON "interaction_events" USING brin ("received_at") WITH (autosummarize = on);--> statement-breakpoint
CREATE INDEX "events_user_time_idx" ON "interaction_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_note_time_idx" ON "interaction_events" USING btree ("note_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_user_engagement_idx" ON "interaction_events" USING btree ("user_id","occurred_at") WHERE "interaction_events"."type" IN ('like', 'collect', 'product_click', 'purchase');--> statement-breakpoint
CREATE TABLE "event_ids" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "event_ids_received_brin" ON "event_ids" USING brin ("received_at") WITH (autosummarize = on);--> statement-breakpoint
-- The month holding `at` (UTC), made if missing: the one place that names and bounds a partition.
-- Rows the default partition holds for that month move into it, so making a month late loses nothing.
-- Returns the partition's name when it was made, null when it existed.
CREATE FUNCTION ensure_event_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz := date_trunc('month', at, 'UTC');
  hi timestamptz := (date_trunc('month', at, 'UTC') AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC';
  part text := 'interaction_events_' || to_char(date_trunc('month', at, 'UTC') AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  -- Processes that start together would otherwise race to make the same month.
  PERFORM pg_advisory_xact_lock(hashtext('ensure_event_partition'));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE interaction_events INCLUDING DEFAULTS)', part);
  EXECUTE format(
    'WITH moved AS (DELETE FROM interaction_events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    lo, hi, part);
  EXECUTE format('ALTER TABLE interaction_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  RETURN part;
END $$;--> statement-breakpoint
-- Drops every month that ends at or before `cutoff`, and the default partition's rows before it.
-- Returns how many months went.
CREATE FUNCTION drop_event_partitions_before(cutoff timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  part record;
  dropped integer := 0;
BEGIN
  -- Detaching waits for readers of the log; a later run retries rather than stall every writer behind it.
  SET LOCAL lock_timeout = '5s';
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'interaction_events'::regclass AND c.relname ~ '^interaction_events_[0-9]{4}_[0-9]{2}$'
       AND (to_date(right(c.relname, 7), 'YYYY_MM')::timestamp + interval '1 month') AT TIME ZONE 'UTC' <= cutoff
  LOOP
    EXECUTE format('ALTER TABLE interaction_events DETACH PARTITION %I', part.relname);
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM interaction_events_default WHERE occurred_at < cutoff;
  RETURN dropped;
END $$;--> statement-breakpoint
DO $$
DECLARE
  month timestamp;
BEGIN
  -- Months stepped in UTC, whatever the session's time zone.
  FOR month IN
    SELECT generate_series(date_trunc('month', least(min(occurred_at), now()) AT TIME ZONE 'UTC'), (now() + interval '2 months') AT TIME ZONE 'UTC', interval '1 month')
      FROM interaction_events_unpartitioned
  LOOP
    PERFORM ensure_event_partition(month AT TIME ZONE 'UTC');
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "interaction_events" ("event_id", "type", "user_id", "note_id", "product_id", "target_user_id", "value", "session_id", "occurred_at", "received_at", "is_repeat")
SELECT "event_id", "type", "user_id", "note_id", "product_id", "target_user_id", "value", "session_id", "occurred_at", "received_at", "is_repeat"
  FROM "interaction_events_unpartitioned";--> statement-breakpoint
-- The ids a client may still resend, and the clicks a shop may still report (the longest click window is 90 days).
INSERT INTO "event_ids" ("event_id", "occurred_at", "received_at")
SELECT "event_id", "occurred_at", "received_at" FROM "interaction_events_unpartitioned" WHERE "received_at" > now() - interval '91 days';--> statement-breakpoint
DROP TABLE "interaction_events_unpartitioned";
