-- The audit log is append-only: the row trigger refuses UPDATE and DELETE, but TRUNCATE fires no row
-- triggers. A statement-level trigger refuses it too.
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
