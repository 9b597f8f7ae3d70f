-- Releases, step 3 (#9): a change of what production serves is requested, reviewed and released.
CREATE TABLE "releases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "phase" VARCHAR(32),
    "prompt_type" VARCHAR(32),
    "target_prompt_id" UUID NOT NULL,
    "target_version" INTEGER NOT NULL,
    -- What production served when the release was opened: releasing refuses if it changed since.
    "base_version" INTEGER,
    "note" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'open',
    "requested_by_id" VARCHAR(64),
    "requested_by_label" VARCHAR(320),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "releases_target_prompt_id_fkey" FOREIGN KEY ("target_prompt_id") REFERENCES "prompts"("id") ON DELETE CASCADE,
    CONSTRAINT "releases_status_check" CHECK ("status" IN ('open', 'approved', 'rejected', 'withdrawn', 'released')),
    CONSTRAINT "releases_note_check" CHECK ("note" ~ '\S' AND char_length("note") <= 2000)
);
CREATE INDEX "idx_releases_phase_status" ON "releases"("phase", "status", "created_at");

-- Approvals, rejections, withdrawals and comments of a release, oldest first.
CREATE TABLE "release_reviews" (
    "id" BIGSERIAL NOT NULL,
    "release_id" UUID NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_label" VARCHAR(320),
    "comment" TEXT,
    "override_checks" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "release_reviews_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "release_reviews_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE,
    CONSTRAINT "release_reviews_kind_check" CHECK ("kind" IN ('approve', 'reject', 'withdraw', 'comment', 'release'))
);
CREATE INDEX "idx_release_reviews_release" ON "release_reviews"("release_id", "id");
