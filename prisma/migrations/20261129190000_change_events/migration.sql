-- Change events for callers (GET /api/events, webhooks): "what is served changed". Written by the
-- database itself, so every instance, every import and raw SQL produce them.
--
-- How a source plugs in: a trigger on the source's table takes pm_events_lock() BEFORE each statement and,
-- AFTER it, computes what is served now for each affected subject and calls
-- pm_note_served(type, subject, served, data). An event is recorded only when the served thing differs
-- from the last one recorded for that subject (a save of an inactive draft, a deactivation of an old
-- version or a no-op update send nothing).
--
-- Ordering: pm_events_lock() is a transaction-level advisory lock, taken before any row of the source is
-- locked, so writers of served things are serialized, event ids are assigned in commit order (a reader
-- who has seen id N never later sees a smaller id commit), and what is served is computed from a fresh
-- snapshot that includes every earlier writer's commit.

CREATE TABLE "change_events" (
    "id" BIGSERIAL NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "change_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "change_events_type_check" CHECK ("type" IN ('prompt.changed', 'action.changed'))
);

-- The last served thing per subject ('prompt:<channel>:<phase>:<type>', 'action:<type>'), to tell a
-- real change of what is served from a write that serves the same as before.
CREATE TABLE "served_state" (
    "subject" VARCHAR(160) NOT NULL,
    "served" TEXT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "served_state_pkey" PRIMARY KEY ("subject")
);

CREATE FUNCTION "pm_events_lock"() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(7262340001);
$$;

-- Records one event, keeps the history bounded (the last 1,000 events, at most 24 hours), and notifies
-- every instance at commit with the event itself ({"id", "type", "data"}).
CREATE FUNCTION "pm_emit_event"(p_type TEXT, p_data JSONB) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    new_id BIGINT;
BEGIN
    PERFORM pm_events_lock();
    INSERT INTO "change_events" ("type", "data") VALUES (p_type, p_data) RETURNING "id" INTO new_id;
    DELETE FROM "change_events" WHERE "id" <= new_id - 1000 OR "created_at" < now() - interval '24 hours';
    PERFORM pg_notify('pm_events', json_build_object('id', new_id, 'type', p_type, 'data', p_data)::text);
    RETURN new_id;
END;
$$;

CREATE FUNCTION "pm_note_served"(p_type TEXT, p_subject TEXT, p_served TEXT, p_data JSONB) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    before TEXT;
    known BOOLEAN;
BEGIN
    PERFORM pm_events_lock();
    SELECT "served", true INTO before, known FROM "served_state" WHERE "subject" = p_subject;
    IF known AND before IS NOT DISTINCT FROM p_served THEN
        RETURN;
    END IF;
    -- A subject never seen before that serves nothing is no change either.
    IF known IS NULL AND p_served IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO "served_state" ("subject", "served", "updated_at") VALUES (p_subject, p_served, now())
        ON CONFLICT ("subject") DO UPDATE SET "served" = EXCLUDED."served", "updated_at" = now();
    PERFORM pm_emit_event(p_type, p_data);
END;
$$;

-- Source: production prompts. Production serves, per phase and prompt type, the highest active version.
-- "served" is the row id (content is immutable per row), the event carries the version (null: nothing).
CREATE FUNCTION "pm_prompts_note_production"(p_phase TEXT, p_type TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    row_id UUID;
    row_version INT;
BEGIN
    SELECT "id", "version" INTO row_id, row_version FROM "prompts"
        WHERE "coaching_phase" IS NOT DISTINCT FROM p_phase AND "prompt_type" = p_type AND "is_active"
        ORDER BY "version" DESC LIMIT 1;
    PERFORM pm_note_served('prompt.changed',
        'prompt:production:' || coalesce(p_phase, '') || ':' || p_type,
        row_id::text,
        jsonb_build_object('phase', p_phase, 'promptType', p_type, 'channel', 'production', 'version', row_version));
END;
$$;

CREATE FUNCTION "prompts_events_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pm_events_lock();
    RETURN NULL;
END;
$$;

CREATE TRIGGER "prompts_events_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "prompts"
    FOR EACH STATEMENT EXECUTE FUNCTION "prompts_events_lock"();

-- What is served is compared once, at commit, with what was served before the transaction: a rollback
-- that deactivates v2 and then activates v1 in two statements, or an import that replaces a phase's
-- versions, is one change, not a flicker through the states in between. Constraint triggers are the
-- deferrable kind (row level only); the first one to run for a subject at commit sees the final state,
-- so the later ones for the same subject are skipped (transaction-local setting pm.events_noted).
CREATE FUNCTION "prompts_events_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    noted TEXT := coalesce(current_setting('pm.events_noted', true), '');
    phase TEXT;
    ptype TEXT;
    mark TEXT;
BEGIN
    FOR i IN 1..2 LOOP
        IF i = 1 AND TG_OP <> 'INSERT' THEN
            phase := OLD."coaching_phase"; ptype := OLD."prompt_type";
        ELSIF i = 2 AND TG_OP <> 'DELETE' THEN
            phase := NEW."coaching_phase"; ptype := NEW."prompt_type";
        ELSE
            CONTINUE;
        END IF;
        mark := '|' || coalesce(phase, '') || ':' || ptype || '|';
        IF position(mark IN noted) = 0 THEN
            noted := noted || mark;
            PERFORM set_config('pm.events_noted', noted, true);
            PERFORM pm_prompts_note_production(phase, ptype);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "prompts_events_at_commit" AFTER INSERT OR UPDATE OR DELETE ON "prompts"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "prompts_events_at_commit"();

CREATE FUNCTION "prompts_events_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT "subject" FROM "served_state" WHERE "subject" LIKE 'prompt:production:%' AND "served" IS NOT NULL LOOP
        PERFORM pm_prompts_note_production(nullif(split_part(s.subject, ':', 3), ''), split_part(s.subject, ':', 4));
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "prompts_events_truncate" AFTER TRUNCATE ON "prompts"
    FOR EACH STATEMENT EXECUTE FUNCTION "prompts_events_truncate"();

-- What production serves today is the starting point; it is no event.
INSERT INTO "served_state" ("subject", "served")
SELECT DISTINCT ON ("coaching_phase", "prompt_type")
       'prompt:production:' || coalesce("coaching_phase", '') || ':' || "prompt_type", "id"::text
FROM "prompts" WHERE "is_active"
ORDER BY "coaching_phase", "prompt_type", "version" DESC;
