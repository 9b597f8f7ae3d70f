"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createWebhookAction, deleteWebhookAction } from "@/app/admin/actions";
import { CopyButton } from "@/components/ui/copy-button";
import { createWebhookSchema, WEBHOOK_EVENT_VALUES } from "@/lib/domain/schemas/webhook";
import type { WebhookDto } from "@/lib/domain/schemas/webhook-responses";
import { ActionStatus, statusOf, type Status } from "@/components/ui/action-status";
import { WebhookDeliveries } from "./webhook-deliveries";

const EVENT_HINTS: Record<(typeof WEBHOOK_EVENT_VALUES)[number], string> = {
  "prompt.changed": "what production or staging serves changed",
  "action.changed": "an action's served instruction changed",
};

export function WebhooksPanel({ webhooks }: { webhooks: WebhookDto[] }) {
  const [status, setStatus] = useState<Status>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { url: data.get("url"), events: data.getAll("events"), secret: data.get("secret") || null };
    // The API's own schema, so the form says at once what the server would refuse.
    const checked = createWebhookSchema.safeParse(input);
    if (!checked.success) {
      setSecret(null);
      return setStatus({ kind: "error", message: checked.error.issues[0]?.message ?? "Invalid webhook" });
    }
    startTransition(async () => {
      const result = await createWebhookAction(input);
      setStatus(statusOf(result, "Webhook registered. Copy its secret now: it is shown only once."));
      setSecret(result.ok ? result.data.secret : null);
      if (result.ok) form.reset();
    });
  }

  function onDelete(w: WebhookDto) {
    if (!window.confirm(`Delete the webhook to ${w.url}? Its pending deliveries and its log go with it.`)) return;
    startTransition(async () => {
      setStatus(statusOf(await deleteWebhookAction(w.id), `Deleted the webhook to ${w.url}`));
      if (open === w.id) setOpen(null);
    });
  }

  return (
    <section className="card stack" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted">
        Signed POSTs of change events to your URLs, retried for about an hour (see the README, “Webhooks”).
      </p>
      <table aria-label="Webhooks">
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">Registered</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No webhooks yet.
              </td>
            </tr>
          )}
          {webhooks.map((w) => (
            <tr key={w.id}>
              <td>
                <code>{w.url}</code>
              </td>
              <td>{w.events.join(", ")}</td>
              <td>{w.createdAt.slice(0, 16).replace("T", " ")}</td>
              <td>
                <button
                  type="button"
                  aria-expanded={open === w.id}
                  onClick={() => setOpen(open === w.id ? null : w.id)}
                >
                  {open === w.id ? "Hide deliveries" : "Deliveries"}
                </button>{" "}
                <button type="button" disabled={pending} onClick={() => onDelete(w)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <WebhookDeliveries key={open} webhook={webhooks.find((w) => w.id === open)!} />}
      <form onSubmit={onCreate} className="inline-form" aria-label="Register a webhook" noValidate>
        <label>
          URL
          <input name="url" type="url" required maxLength={2048} placeholder="https://example.com/hooks/prompts" />
        </label>
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENT_VALUES.map((e) => (
            <label key={e} className="check">
              <input type="checkbox" name="events" value={e} defaultChecked={e === "prompt.changed"} /> {e}{" "}
              <span className="muted">({EVENT_HINTS[e]})</span>
            </label>
          ))}
        </fieldset>
        <label>
          Secret (optional, else generated)
          <input name="secret" type="password" autoComplete="off" minLength={16} maxLength={128} />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          Register webhook
        </button>
      </form>
      <ActionStatus status={status} />
      {secret && (
        <p className="new-key">
          <label>
            Signing secret
            <input readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={secret} label="Copy secret" />
        </p>
      )}
    </section>
  );
}
