-- Signed webhooks (issue #14): admins register URLs; every change event (table change_events) whose
-- type a webhook subscribes to becomes one row of webhook_deliveries, a queue in PostgreSQL that each
-- app instance's worker drains (claimed with FOR UPDATE SKIP LOCKED). Every HTTP attempt is one row of
-- webhook_attempts: the delivery log admins read.

CREATE TABLE "webhooks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" VARCHAR(2048) NOT NULL,
    "events" VARCHAR(32)[] NOT NULL,
    -- Kept readable: it signs every delivery (HMAC), so a hash would not do. Shown once, at creation.
    "secret" VARCHAR(128) NOT NULL,
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhooks_url_check" CHECK ("url" ~ '^https?://[^\s]+$'),
    CONSTRAINT "webhooks_events_check" CHECK (
        cardinality("events") > 0 AND "events" <@ ARRAY['prompt.changed', 'action.changed']::VARCHAR(32)[]),
    CONSTRAINT "webhooks_secret_check" CHECK (length("secret") >= 16)
);

-- One row per (webhook, event). The event is copied in: change_events keeps only a bounded history,
-- and a delivery retried for an hour must still carry its event after that history has moved on.
CREATE TABLE "webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "webhook_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_type" VARCHAR(32) NOT NULL,
    "event_data" JSONB NOT NULL,
    "event_created_at" TIMESTAMPTZ(6) NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    -- When a worker may (re)try it; a claim moves it a lease ahead, so other workers skip it meanwhile
    -- and a worker that dies mid-send leaves it to be retried once the lease ends.
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "delivered_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_webhook_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE,
    CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed'))
);
CREATE UNIQUE INDEX "webhook_deliveries_webhook_event_key" ON "webhook_deliveries"("webhook_id", "event_id");
CREATE INDEX "idx_webhook_deliveries_due" ON "webhook_deliveries"("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "idx_webhook_deliveries_webhook" ON "webhook_deliveries"("webhook_id", "id");

CREATE TABLE "webhook_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" VARCHAR(500),
    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_attempts_delivery_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE
);
CREATE INDEX "idx_webhook_attempts_delivery" ON "webhook_attempts"("delivery_id", "id");

-- Enqueue in the event's own transaction: an event that commits has its deliveries, whatever happens to
-- the app instances afterwards. The NOTIFY pm_events sent with the event wakes the workers.
CREATE FUNCTION "webhooks_enqueue_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "webhook_deliveries" ("webhook_id", "event_id", "event_type", "event_data", "event_created_at")
    SELECT w."id", NEW."id", NEW."type", NEW."data", NEW."created_at" FROM "webhooks" w
     WHERE NEW."type" = ANY (w."events")
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "webhooks_enqueue_event" AFTER INSERT ON "change_events"
    FOR EACH ROW EXECUTE FUNCTION "webhooks_enqueue_event"();
