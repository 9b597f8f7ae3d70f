-- Issue #12: a sample context remembers the provider it was saved with (OpenAI or Anthropic: the
-- response format appended to the assembled text differs), so picking the sample previews it as saved.
-- Nullable: samples saved before, or through a path that does not say, keep the previewer's own choice.
ALTER TABLE "sample_contexts" ADD COLUMN "provider" VARCHAR(16);
ALTER TABLE "sample_contexts" ADD CONSTRAINT "sample_contexts_provider_check"
    CHECK ("provider" IS NULL OR "provider" IN ('openai', 'anthropic'));
