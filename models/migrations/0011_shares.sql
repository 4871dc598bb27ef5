-- A note's share count counts sharers: each viewer's share is kept once. Shares already in the event
-- log become rows, so sharing a note again does not count twice.
CREATE TABLE "shares" (
	"user_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"channel" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shares_user_id_note_id_pk" PRIMARY KEY("user_id","note_id")
);
--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shares_note_idx" ON "shares" USING btree ("note_id");;--> statement-breakpoint
INSERT INTO "shares" ("user_id", "note_id", "created_at")
SELECT e.user_id, e.note_id, min(e.occurred_at)
  FROM "interaction_events" e JOIN "users" u ON u.id = e.user_id JOIN "notes" n ON n.id = e.note_id
 WHERE e.type = 'share'
 GROUP BY e.user_id, e.note_id;