-- logOut signs an account out everywhere by moving it to the next token generation; tokens name the
-- generation they were issued in. Tokens issued before this carry none and must sign in again.
ALTER TABLE "users" ADD COLUMN "token_generation" integer DEFAULT 0 NOT NULL;
