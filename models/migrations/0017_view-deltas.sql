-- Views counted by event batches wait here until the views.apply job adds them to notes.view_count: a batch
-- that added them itself held row locks on its notes until commit, and concurrent batches naming the same
-- notes queued behind each other.
CREATE TABLE "note_view_deltas" (
	"note_id" uuid NOT NULL,
	"views" integer NOT NULL
);
