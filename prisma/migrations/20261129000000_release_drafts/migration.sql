-- Releases, step 1 (#9): saving never serves by itself, every version carries its change note, and a
-- release policy says how many approvals a production change needs.

-- A new version is a draft unless its writer says otherwise (and the app only does when the policy allows).
ALTER TABLE "prompts" ALTER COLUMN "is_active" SET DEFAULT false;

-- What changed and why, written once with the version (description keeps meaning "what this prompt is for").
ALTER TABLE "prompts" ADD COLUMN "change_note" TEXT;
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_change_note_check" CHECK (char_length("change_note") <= 2000);

-- The change note is part of a version's content: immutable like the body.
CREATE OR REPLACE FUNCTION "prompts_before_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."body" IS DISTINCT FROM OLD."body"
       OR NEW."required_context_keys" IS DISTINCT FROM OLD."required_context_keys"
       OR NEW."allowed_actions" IS DISTINCT FROM OLD."allowed_actions"
       OR NEW."prompt_type" IS DISTINCT FROM OLD."prompt_type"
       OR NEW."coaching_phase" IS DISTINCT FROM OLD."coaching_phase"
       OR NEW."version" IS DISTINCT FROM OLD."version"
       OR NEW."change_note" IS DISTINCT FROM OLD."change_note" THEN
        RAISE EXCEPTION 'prompt content is immutable; save a new version instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'prompts_content_immutable';
    END IF;
    NEW."updated_at" := now();
    RETURN NEW;
END;
$$;

-- One row (id is always true): how many approvals a change of production needs (0 or 1).
CREATE TABLE "release_policy" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "required_approvals" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "release_policy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "release_policy_single_row" CHECK ("id"),
    CONSTRAINT "release_policy_required_approvals_check" CHECK ("required_approvals" IN (0, 1))
);
INSERT INTO "release_policy" ("id", "required_approvals") VALUES (true, 1);
