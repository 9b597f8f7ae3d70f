-- Prompt store. Enum-like columns are text + CHECK so the catalog (lib/domain/catalog) stays the one
-- source of truth; tests/integration/schema.test.ts keeps these lists equal to it.
CREATE TABLE "prompts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "coaching_phase" VARCHAR(32),
    "version" INTEGER NOT NULL,
    "name" VARCHAR(255),
    "description" TEXT,
    "body" TEXT NOT NULL,
    "required_context_keys" VARCHAR(64)[] NOT NULL DEFAULT ARRAY[]::VARCHAR(64)[],
    "allowed_actions" VARCHAR(64)[] NOT NULL DEFAULT ARRAY[]::VARCHAR(64)[],
    "prompt_type" VARCHAR(32) NOT NULL DEFAULT 'coach',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "prompts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "prompts_coaching_phase_check" CHECK ("coaching_phase" IS NULL OR "coaching_phase" IN (
        'system_context', 'introduction', 'get_to_know_you', 'identity_warm_up', 'identity_brainstorming',
        'identity_refinement', 'identity_affirmation', 'identity_visualization')),
    CONSTRAINT "prompts_prompt_type_check" CHECK ("prompt_type" IN ('coach', 'sentinel', 'system')),
    CONSTRAINT "prompts_required_context_keys_check" CHECK (
        array_position("required_context_keys", NULL) IS NULL AND "required_context_keys" <@ ARRAY[
        'user_name', 'user_notes', 'identities', 'number_of_identities', 'identity_focus', 'current_identity',
        'current_phase', 'who_you_are', 'who_you_want_to_be', 'current_message', 'previous_message',
        'recent_messages', 'focused_identities', 'refinement_identities', 'affirmation_identities',
        'visualization_identities', 'brainstorming_category_context', 'asked_questions']::VARCHAR(64)[]),
    CONSTRAINT "prompts_allowed_actions_check" CHECK (
        array_position("allowed_actions", NULL) IS NULL AND "allowed_actions" <@ ARRAY[
        'create_identity', 'update_identity', 'update_identity_name', 'update_identity_affirmation',
        'update_identity_visualization', 'accept_identity', 'accept_identity_refinement',
        'accept_identity_affirmation', 'accept_identity_visualization', 'add_identity_note', 'transition_phase',
        'select_identity_focus', 'skip_identity_category', 'unskip_identity_category', 'update_who_you_are',
        'update_who_you_want_to_be', 'update_asked_questions', 'set_current_identity', 'add_user_note',
        'update_user_note', 'delete_user_note', 'show_introduction_canned_response_component']::VARCHAR(64)[]),
    CONSTRAINT "prompts_version_check" CHECK ("version" >= 1),
    CONSTRAINT "prompts_body_check" CHECK ("body" ~ '\S')
);

-- NULLS NOT DISTINCT: prompts without a phase (sentinel) get unique versions too.
CREATE UNIQUE INDEX "prompts_coaching_phase_version_key" ON "prompts"("coaching_phase", "version") NULLS NOT DISTINCT;
CREATE INDEX "idx_prompts_coaching_phase" ON "prompts"("coaching_phase");
CREATE INDEX "idx_prompts_active" ON "prompts"("is_active");
CREATE INDEX "idx_prompts_version" ON "prompts"("version");
CREATE INDEX "idx_prompts_phase_active_version" ON "prompts"("coaching_phase", "is_active", "version");

-- updated_at is kept by the database so raw SQL writes keep it right too. Content columns are immutable:
-- a change of body, keys, actions, type, phase or version is a new version, never an edit.
CREATE FUNCTION "prompts_before_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."body" IS DISTINCT FROM OLD."body"
       OR NEW."required_context_keys" IS DISTINCT FROM OLD."required_context_keys"
       OR NEW."allowed_actions" IS DISTINCT FROM OLD."allowed_actions"
       OR NEW."prompt_type" IS DISTINCT FROM OLD."prompt_type"
       OR NEW."coaching_phase" IS DISTINCT FROM OLD."coaching_phase"
       OR NEW."version" IS DISTINCT FROM OLD."version" THEN
        RAISE EXCEPTION 'prompt content is immutable; save a new version instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'prompts_content_immutable';
    END IF;
    NEW."updated_at" := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER "prompts_before_update" BEFORE UPDATE ON "prompts"
    FOR EACH ROW EXECUTE FUNCTION "prompts_before_update"();
