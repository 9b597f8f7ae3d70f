import { z } from "zod";

/** What a webhook may subscribe to: the change event types (table change_events, GET /api/events). */
export const WEBHOOK_EVENT_VALUES = ["prompt.changed", "action.changed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_VALUES)[number];

const URL_MESSAGE = "Enter an http:// or https:// URL";

// http(s) only: a delivery is an HTTP POST, and file:, data: or javascript: URLs could only mislead.
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, { message: URL_MESSAGE })
  .max(2048, { message: "URLs can have at most 2048 characters" })
  .refine(
    (v) => {
      if (!/^https?:\/\/\S+$/i.test(v)) return false;
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: URL_MESSAGE },
  )
  // One spelling of the scheme (the database's check, like URL itself, expects lower case).
  .transform((v) => v.replace(/^https?:/i, (scheme) => scheme.toLowerCase()));

/** POST /api/webhooks and the /admin form. No secret: the server generates one (shown once). */
export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENT_VALUES))
    .min(1, { message: "Choose at least one event" })
    .refine((e) => new Set(e).size === e.length, { message: "Events must not repeat" }),
  secret: z
    .string()
    .min(16, { message: "Secrets need at least 16 characters" })
    .max(128, { message: "Secrets can have at most 128 characters" })
    .regex(/^[\x21-\x7e]+$/, { message: "Secrets are printable ASCII without spaces" })
    .nullish()
    .transform((v) => v || null),
});
export type CreateWebhookData = z.output<typeof createWebhookSchema>;
