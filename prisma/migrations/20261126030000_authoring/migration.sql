-- Authoring UI: fast search and sorting of prompt versions, and team-shared sample contexts for previews.

-- Trigram indexes let `ILIKE '%word%'` (the versions table's search over name, description and body) use
-- an index instead of scanning every body. pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension, so a database owner without superuser may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "idx_prompts_name_trgm" ON "prompts" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "idx_prompts_description_trgm" ON "prompts" USING GIN ("description" gin_trgm_ops);
CREATE INDEX "idx_prompts_body_trgm" ON "prompts" USING GIN ("body" gin_trgm_ops);
-- The versions table's default order (newest first, id as tie-breaker) without sorting the whole table.
CREATE INDEX "idx_prompts_created_at_id" ON "prompts"("created_at", "id");

-- Named context values a designer or product lead previews a phase with; shared by the team.
CREATE TABLE "sample_contexts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "phase" VARCHAR(32),
    "name" VARCHAR(100) NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "sample_contexts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sample_contexts_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL,
    CONSTRAINT "sample_contexts_phase_check" CHECK ("phase" IS NULL OR "phase" IN (
        'system_context', 'introduction', 'get_to_know_you', 'identity_warm_up', 'identity_brainstorming',
        'identity_refinement', 'identity_affirmation', 'identity_visualization')),
    CONSTRAINT "sample_contexts_name_check" CHECK ("name" ~ '\S'),
    CONSTRAINT "sample_contexts_values_check" CHECK (jsonb_typeof("values") = 'object')
);
-- NULLS NOT DISTINCT: sample names are unique among the phase-less prompts' samples too.
CREATE UNIQUE INDEX "sample_contexts_phase_name_key" ON "sample_contexts"("phase", "name") NULLS NOT DISTINCT;

CREATE TRIGGER "sample_contexts_touch_updated_at" BEFORE UPDATE ON "sample_contexts"
    FOR EACH ROW EXECUTE FUNCTION "touch_updated_at"();
