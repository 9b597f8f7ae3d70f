-- API keys are checked on every resolve, so each instance caches them; this notification tells every
-- instance to forget its cached keys when one is created, revoked, re-scoped, given a new expiry or
-- deleted (by the app or by raw SQL). Updates of last_used_at alone do not notify: they happen every
-- minute per busy key and change nothing a check depends on.
CREATE FUNCTION "api_keys_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_key_changes', '{}');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "api_keys_notify_insert_delete" AFTER INSERT OR DELETE OR TRUNCATE ON "api_keys"
    FOR EACH STATEMENT EXECUTE FUNCTION "api_keys_notify_change"();

CREATE TRIGGER "api_keys_notify_update" AFTER UPDATE OF "key_hash", "scopes", "expires_at", "revoked_at", "name" ON "api_keys"
    FOR EACH STATEMENT EXECUTE FUNCTION "api_keys_notify_change"();
