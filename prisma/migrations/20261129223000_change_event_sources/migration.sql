-- Two more sources of change events (see 20261129190000_change_events for how a source plugs in):
--   * the staging channel (staging_pointers): prompt.changed {phase, promptType, channel: "staging",
--     version} when a pointer is set, moved or cleared (version null: staging follows production again,
--     whose own events then say what it serves);
--   * action instructions: action.changed {actionType} when the served (highest active) version of an
--     action's wording changes.
--
-- Locking: unlike prompts, these sources take the events lock only at commit (first thing in the
-- deferred trigger, so the served state is read from a snapshot taken after every earlier writer
-- committed). Their writers hold a per-phase or per-action advisory lock first, and an action import
-- takes several per-action locks in turn: taking the events lock at the first statement would order it
-- before the later per-action locks and deadlock with a concurrent single-action save.

-- Served on staging for one scope: the pointer's prompt id (the row is immutable, its version is what
-- the event carries). A phase's pointer has no type of its own: the event names the type of the version
-- it points at (or pointed at, when cleared).
CREATE FUNCTION "pm_staging_note"(p_phase TEXT, p_scope_type TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_subject TEXT := 'prompt:staging:' || coalesce(p_phase, '') || ':' || coalesce(p_scope_type, '');
    row_id UUID;
    row_version INT;
    row_type TEXT;
    before TEXT;
BEGIN
    PERFORM pm_events_lock();
    SELECT p."id", p."version", p."prompt_type" INTO row_id, row_version, row_type
        FROM "staging_pointers" s JOIN "prompts" p ON p."id" = s."prompt_id"
        WHERE s."phase" IS NOT DISTINCT FROM p_phase AND s."prompt_type" IS NOT DISTINCT FROM p_scope_type;
    IF row_type IS NULL THEN
        SELECT "served" INTO before FROM "served_state" WHERE "subject" = v_subject;
        SELECT "prompt_type" INTO row_type FROM "prompts" WHERE "id"::text = before;
    END IF;
    PERFORM pm_note_served('prompt.changed', v_subject, row_id::text,
        jsonb_build_object('phase', p_phase, 'promptType', coalesce(p_scope_type, row_type, 'coach'),
                           'channel', 'staging', 'version', row_version));
END;
$$;

-- Once per scope and transaction, at commit (the first run sees the final state; see prompts_events_at_commit).
CREATE FUNCTION "staging_pointers_events_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    noted TEXT := coalesce(current_setting('pm.events_noted', true), '');
    phase TEXT;
    stype TEXT;
    mark TEXT;
BEGIN
    FOR i IN 1..2 LOOP
        IF i = 1 AND TG_OP <> 'INSERT' THEN
            phase := OLD."phase"; stype := OLD."prompt_type";
        ELSIF i = 2 AND TG_OP <> 'DELETE' THEN
            phase := NEW."phase"; stype := NEW."prompt_type";
        ELSE
            CONTINUE;
        END IF;
        mark := '|staging:' || coalesce(phase, '') || ':' || coalesce(stype, '') || '|';
        IF position(mark IN noted) = 0 THEN
            noted := noted || mark;
            PERFORM set_config('pm.events_noted', noted, true);
            PERFORM pm_staging_note(phase, stype);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "staging_pointers_events_at_commit" AFTER INSERT OR UPDATE OR DELETE ON "staging_pointers"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "staging_pointers_events_at_commit"();

CREATE FUNCTION "staging_pointers_events_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT "subject" FROM "served_state" WHERE "subject" LIKE 'prompt:staging:%' AND "served" IS NOT NULL LOOP
        PERFORM pm_staging_note(nullif(split_part(s.subject, ':', 3), ''), nullif(split_part(s.subject, ':', 4), ''));
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "staging_pointers_events_truncate" AFTER TRUNCATE ON "staging_pointers"
    FOR EACH STATEMENT EXECUTE FUNCTION "staging_pointers_events_truncate"();

-- Served for an action: the id of its highest active version (rows are immutable).
CREATE FUNCTION "pm_action_note"(p_action TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    row_id UUID;
BEGIN
    PERFORM pm_events_lock();
    SELECT "id" INTO row_id FROM "action_instructions"
        WHERE "action_type" = p_action AND "is_active" ORDER BY "version" DESC LIMIT 1;
    PERFORM pm_note_served('action.changed', 'action:' || p_action, row_id::text,
        jsonb_build_object('actionType', p_action));
END;
$$;

CREATE FUNCTION "action_instructions_events_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    noted TEXT := coalesce(current_setting('pm.events_noted', true), '');
    action TEXT;
    mark TEXT;
BEGIN
    FOR i IN 1..2 LOOP
        IF i = 1 AND TG_OP <> 'INSERT' THEN
            action := OLD."action_type";
        ELSIF i = 2 AND TG_OP <> 'DELETE' THEN
            action := NEW."action_type";
        ELSE
            CONTINUE;
        END IF;
        mark := '|action:' || action || '|';
        IF position(mark IN noted) = 0 THEN
            noted := noted || mark;
            PERFORM set_config('pm.events_noted', noted, true);
            PERFORM pm_action_note(action);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "action_instructions_events_at_commit" AFTER INSERT OR UPDATE OR DELETE ON "action_instructions"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "action_instructions_events_at_commit"();

CREATE FUNCTION "action_instructions_events_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT "subject" FROM "served_state" WHERE "subject" LIKE 'action:%' AND "served" IS NOT NULL LOOP
        PERFORM pm_action_note(substr(s.subject, 8));
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "action_instructions_events_truncate" AFTER TRUNCATE ON "action_instructions"
    FOR EACH STATEMENT EXECUTE FUNCTION "action_instructions_events_truncate"();

-- What is served today is the starting point; it is no event.
INSERT INTO "served_state" ("subject", "served")
SELECT 'prompt:staging:' || coalesce("phase", '') || ':' || coalesce("prompt_type", ''), "prompt_id"::text
FROM "staging_pointers";

INSERT INTO "served_state" ("subject", "served")
SELECT DISTINCT ON ("action_type") 'action:' || "action_type", "id"::text
FROM "action_instructions" WHERE "is_active"
ORDER BY "action_type", "version" DESC;
