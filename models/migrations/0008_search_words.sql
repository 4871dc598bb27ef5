-- Search documents are now words segmented in TypeScript (catalog/search-index.ts), which SQL
-- cannot do: the columns stop being generated, existing rows are emptied and the application
-- indexes every row whose document is NULL when it starts (indexUnindexed), in batches.
ALTER TABLE "notes" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
UPDATE "notes" SET "search" = NULL;--> statement-breakpoint
UPDATE "products" SET "search" = NULL;--> statement-breakpoint
DROP FUNCTION search_query(text);--> statement-breakpoint
DROP FUNCTION search_document(text[]);--> statement-breakpoint
DROP FUNCTION search_tokens(text, boolean);
