-- Action instructions: the words the model reads about each action (an instruction, and a description
-- per params field keyed by its path, "" being the params object). Versioned like prompts: rows are
-- immutable versions, is_active is the only thing that changes, and production is the highest active
-- version per action type. The params' *shape* is not here: it is the catalog's, in code.
CREATE TABLE "action_instructions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "action_type" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "instruction" TEXT NOT NULL,
    "field_descriptions" JSONB NOT NULL DEFAULT '{}',
    "change_note" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "action_instructions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "action_instructions_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL,
    CONSTRAINT "action_instructions_action_type_check" CHECK ("action_type" IN (
        'create_identity', 'update_identity', 'update_identity_name', 'update_identity_affirmation',
        'update_identity_visualization', 'accept_identity', 'accept_identity_refinement',
        'accept_identity_affirmation', 'accept_identity_visualization', 'add_identity_note', 'transition_phase',
        'select_identity_focus', 'skip_identity_category', 'unskip_identity_category', 'update_who_you_are',
        'update_who_you_want_to_be', 'update_asked_questions', 'set_current_identity', 'add_user_note',
        'update_user_note', 'delete_user_note', 'show_introduction_canned_response_component')),
    CONSTRAINT "action_instructions_version_check" CHECK ("version" >= 1),
    CONSTRAINT "action_instructions_instruction_check" CHECK ("instruction" ~ '\S'),
    CONSTRAINT "action_instructions_field_descriptions_check" CHECK (jsonb_typeof("field_descriptions") = 'object')
);

CREATE UNIQUE INDEX "action_instructions_action_type_version_key" ON "action_instructions"("action_type", "version");

CREATE FUNCTION "action_instructions_before_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."instruction" IS DISTINCT FROM OLD."instruction"
       OR NEW."field_descriptions" IS DISTINCT FROM OLD."field_descriptions"
       OR NEW."change_note" IS DISTINCT FROM OLD."change_note"
       OR NEW."action_type" IS DISTINCT FROM OLD."action_type"
       OR NEW."version" IS DISTINCT FROM OLD."version" THEN
        RAISE EXCEPTION 'action instruction content is immutable; save a new version instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'action_instructions_content_immutable';
    END IF;
    NEW."updated_at" := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER "action_instructions_before_update" BEFORE UPDATE ON "action_instructions"
    FOR EACH ROW EXECUTE FUNCTION "action_instructions_before_update"();

-- Every change notifies 'action_instruction_changes' (at commit), so each app instance re-reads the
-- wording and re-renders every phase that allows the action, whoever made the change (app, SQL, import).
CREATE FUNCTION "action_instructions_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('action_instruction_changes', '{"all":true}');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "action_instructions_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_instructions"
    FOR EACH STATEMENT EXECUTE FUNCTION "action_instructions_notify_change"();

-- The project's own wording, version 1 of every action. Migration data rather than demo seed: a real
-- server is migrated but never seeded, and every phase that allows an action must resolve with its
-- instruction from the first start; the old system's wording is imported on top (dev-coach-actions.json).
INSERT INTO "action_instructions" ("action_type", "version", "instruction", "field_descriptions", "change_note", "is_active")
SELECT "action_type", "version", "instruction", "field_descriptions", 'Project default wording', true FROM (VALUES
    ('create_identity', 1,
     'Create a new identity for the user, only once the user has agreed to it. Never create an identity the user already has or has not asked for.',
     '{"":"The new identity.","name":"A short name for the identity, e.g. ''Curious Explorer''","note":"Why this identity is being created, in a sentence","category":"The identity category it belongs to"}'::jsonb),
    ('update_identity', 1,
     'Replace an existing identity with its complete new state. Send every field, including the ones that do not change.',
     '{"":"The identity''s complete new state.","id":"Id of the identity, as listed in the identities you were given","name":"The identity''s name","affirmation":"The identity''s ''I am'' statement","visualization":"A vivid picture of the user living this identity","state":"Where the identity is in the coaching process","notes":"Notes to add to the identity''s existing notes","category":"The identity category"}'::jsonb),
    ('update_identity_name', 1,
     'Rename an existing identity.',
     '{"":"The identity and its new name.","id":"Id of the identity, as listed in the identities you were given","name":"The new name"}'::jsonb),
    ('update_identity_affirmation', 1,
     'Set the ''I am'' statement of an existing identity.',
     '{"":"The identity and its affirmation.","id":"Id of the identity, as listed in the identities you were given","affirmation":"An ''I am'' statement with a short explanation"}'::jsonb),
    ('update_identity_visualization', 1,
     'Set the visualization of an existing identity.',
     '{"":"The identity and its visualization.","id":"Id of the identity, as listed in the identities you were given","visualization":"A vivid scene of the user living this identity, used to create its image"}'::jsonb),
    ('accept_identity', 1,
     'Mark an identity as accepted once the user has confirmed it.',
     '{"":"The identity to accept.","id":"Id of the identity, as listed in the identities you were given"}'::jsonb),
    ('accept_identity_refinement', 1,
     'Mark an identity''s refinement as complete.',
     '{"":"The refined identity.","id":"Id of the identity, as listed in the identities you were given"}'::jsonb),
    ('accept_identity_affirmation', 1,
     'Mark an identity''s affirmation as complete.',
     '{"":"The affirmed identity.","id":"Id of the identity, as listed in the identities you were given"}'::jsonb),
    ('accept_identity_visualization', 1,
     'Mark an identity''s visualization as complete.',
     '{"":"The visualized identity.","id":"Id of the identity, as listed in the identities you were given"}'::jsonb),
    ('add_identity_note', 1,
     'Attach a note to an identity.',
     '{"":"The identity and the note.","id":"Id of the identity, as listed in the identities you were given","note":"The note to attach"}'::jsonb),
    ('transition_phase', 1,
     'Move the user on to the next coaching phase when the current one is complete.',
     '{"":"The phase to move to.","to_phase":"The coaching phase to move to (never system_context: it is not a phase a user is in)"}'::jsonb),
    ('select_identity_focus', 1,
     'Choose the identity category the conversation focuses on next.',
     '{"":"The category to focus on.","new_focus":"The identity category to focus on"}'::jsonb),
    ('skip_identity_category', 1,
     'Skip an identity category the user does not want to explore now.',
     '{"":"The category to skip.","category":"The identity category to skip"}'::jsonb),
    ('unskip_identity_category', 1,
     'Bring back an identity category that was skipped earlier.',
     '{"":"The category to bring back.","category":"The identity category to bring back"}'::jsonb),
    ('update_who_you_are', 1,
     'Set the list of words for who the user is today. Send the whole list as it should be, not only the changes.',
     '{"":"The whole list.","who_you_are":"Every word or phrase for who the user is"}'::jsonb),
    ('update_who_you_want_to_be', 1,
     'Set the list of words for who the user wants to be. Send the whole list as it should be, not only the changes.',
     '{"":"The whole list.","who_you_want_to_be":"Every word or phrase for who the user wants to be"}'::jsonb),
    ('update_asked_questions', 1,
     'Record which get-to-know-you questions have been asked. Send every question asked so far, not only the new ones.',
     '{"":"The questions asked so far.","asked_questions":"Every question asked so far","asked_questions[]":"A get-to-know-you question"}'::jsonb),
    ('set_current_identity', 1,
     'Choose the identity the conversation works on next.',
     '{"":"The identity to work on.","identity_id":"Id of the identity, as listed in the identities you were given"}'::jsonb),
    ('add_user_note', 1,
     'Remember lasting facts about the user for later conversations.',
     '{"":"The notes to add.","notes":"One entry per fact; each becomes a note of its own"}'::jsonb),
    ('update_user_note', 1,
     'Rewrite existing user notes, found by their id.',
     '{"":"The notes to rewrite.","notes":"Each note to rewrite with its new text","notes[].id":"Id of the user note","notes[].note":"The note''s new text"}'::jsonb),
    ('delete_user_note', 1,
     'Forget user notes that are wrong or no longer true, found by their id.',
     '{"":"The notes to delete.","ids":"Ids of the user notes to delete"}'::jsonb),
    ('show_introduction_canned_response_component', 1,
     'Show the user answer buttons in the app while you ask a question in the introduction, so they can reply with one tap.',
     '{"":"Whether to show the buttons.","show_introduction_canned_response_component":"true to show the answer buttons with this message"}'::jsonb)
) AS defaults ("action_type", "version", "instruction", "field_descriptions");
