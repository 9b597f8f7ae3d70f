-- Releases, step 2 (#9): a staging channel per phase (and per type of the phase-less prompts). It points
-- at any version, active or not; a staging resolve serves it, or production when none is set.
CREATE TABLE "staging_pointers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "phase" VARCHAR(32),
    -- NULL for a phase; the prompt type for phase-less prompts (each type has a channel of its own).
    "prompt_type" VARCHAR(32),
    "prompt_id" UUID NOT NULL,
    "updated_by" VARCHAR(320),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "staging_pointers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staging_pointers_prompt_id_fkey" FOREIGN KEY ("prompt_id") REFERENCES "prompts"("id") ON DELETE CASCADE,
    CONSTRAINT "staging_pointers_scope_check" CHECK (("phase" IS NULL) = ("prompt_type" IS NOT NULL))
);
CREATE UNIQUE INDEX "staging_pointers_phase_prompt_type_key" ON "staging_pointers"("phase", "prompt_type") NULLS NOT DISTINCT;

-- Same invalidation as prompts: every instance drops what it cached for the phase (staging included).
CREATE FUNCTION "staging_pointers_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('prompt_changes', json_build_object('phase', OLD."phase")::text);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('prompt_changes', json_build_object('phase', NEW."phase")::text);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "staging_pointers_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "staging_pointers"
    FOR EACH ROW EXECUTE FUNCTION "staging_pointers_notify_change"();
CREATE TRIGGER "staging_pointers_notify_truncate" AFTER TRUNCATE ON "staging_pointers"
    FOR EACH STATEMENT EXECUTE FUNCTION "prompts_notify_truncate"();
