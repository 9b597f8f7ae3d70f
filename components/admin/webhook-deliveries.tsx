"use client";

import { useCallback, useEffect, useState } from "react";
import { webhookDeliveriesAction } from "@/app/admin/actions";
import type { WebhookDeliveryDto, WebhookDto } from "@/lib/domain/schemas/webhook-responses";

const time = (iso: string) => iso.slice(0, 19).replace("T", " ");

/** The recent delivery log of one webhook: every attempt with its time, answer or error, and duration. */
export function WebhookDeliveries({ webhook }: { webhook: WebhookDto }) {
  const [items, setItems] = useState<WebhookDeliveryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await webhookDeliveriesAction(webhook.id);
    if (result.ok) {
      setItems(result.data.items);
      setError(null);
    } else setError(result.error.message);
  }, [webhook.id]);

  useEffect(() => {
    // An effect that fetches: the state is set when the answer arrives, not synchronously here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <section className="stack" aria-label={`Deliveries to ${webhook.url}`}>
      <h3>
        Deliveries to <code>{webhook.url}</code>{" "}
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items?.length === 0 && <p className="muted">Nothing delivered yet: deliveries start with the next change.</p>}
      {items && items.length > 0 && (
        <table aria-label="Delivery log">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempt</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Answer</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {items.flatMap((d) =>
              (d.log.length > 0 ? d.log : [null]).map((a, i) => (
                <tr key={`${d.id}-${i}`}>
                  <td>{i === 0 ? `${d.eventType} #${d.eventId}` : ""}</td>
                  <td>
                    {i === 0 ? d.status : ""}
                    {i === 0 && d.nextAttemptAt ? ` (next ${time(d.nextAttemptAt)})` : ""}
                  </td>
                  <td>{a ? a.attempt : "—"}</td>
                  <td>{a ? time(a.startedAt) : time(d.createdAt)}</td>
                  <td>{a ? (a.statusCode ?? a.error) : "not tried yet"}</td>
                  <td>{a ? `${a.durationMs} ms` : ""}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
