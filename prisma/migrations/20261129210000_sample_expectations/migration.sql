-- Releases, step 4 (#9): a sample context may carry expectations that a check run asserts on the
-- assembled text (contains / notContains / maxChars). The app validates the shape with zod; the database
-- keeps it an object so a bad write from elsewhere cannot break every check run.
ALTER TABLE "sample_contexts" ADD COLUMN "expectations" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "sample_contexts" ADD CONSTRAINT "sample_contexts_expectations_object"
    CHECK (jsonb_typeof("expectations") = 'object');
