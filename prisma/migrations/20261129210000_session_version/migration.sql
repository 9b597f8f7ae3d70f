-- Sessions are signed JWTs, valid until they expire unless something on the server can refuse them.
-- Each session carries the version it was issued with; moving this counter (sign-out, password change
-- or reset, disable, role change) ends every session of that person at once.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;
