-- Every change to "prompts" notifies channel 'prompt_changes' so each app instance drops what it cached
-- for that phase. A trigger (not the app) raises it, so raw SQL, imports and other tools invalidate too.
-- Payload: {"phase": "<coaching_phase>"} (JSON null for phase-less prompts), or {"all": true} after a
-- TRUNCATE. NOTIFY is sent at commit (never for a rolled-back change), and PostgreSQL folds identical
-- payloads of one transaction into one, so a bulk insert sends at most one notification per phase.
CREATE FUNCTION "prompts_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('prompt_changes', json_build_object('phase', OLD."coaching_phase")::text);
    END IF;
    -- An UPDATE cannot move a row to another phase (prompts_before_update refuses it), but if that
    -- trigger is ever disabled both phases are still invalidated.
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."coaching_phase" IS DISTINCT FROM OLD."coaching_phase") THEN
        PERFORM pg_notify('prompt_changes', json_build_object('phase', NEW."coaching_phase")::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "prompts_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "prompts"
    FOR EACH ROW EXECUTE FUNCTION "prompts_notify_change"();

CREATE FUNCTION "prompts_notify_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('prompt_changes', '{"all":true}');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "prompts_notify_truncate" AFTER TRUNCATE ON "prompts"
    FOR EACH STATEMENT EXECUTE FUNCTION "prompts_notify_truncate"();
