"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/admin/actions";
import type { ApiKeyResponse } from "@/lib/domain/schemas/account-responses";
import { CopyButton } from "@/components/ui/copy-button";
import { ActionStatus, statusOf, type Status } from "@/components/ui/action-status";

const SCOPES = [
  { value: "resolve", hint: "POST /api/resolve" },
  { value: "prompts:read", hint: "list and read prompts" },
  { value: "prompts:write", hint: "create versions, activate, roll back" },
] as const;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function ApiKeysPanel({ keys }: { keys: ApiKeyResponse[] }) {
  const [status, setStatus] = useState<Status>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expires = String(data.get("expires") ?? "");
    startTransition(async () => {
      const result = await createApiKeyAction({
        name: data.get("name"),
        scopes: data.getAll("scopes"),
        expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null,
      });
      setStatus(statusOf(result, "Key created. Copy it now: it is shown only once."));
      setNewKey(result.ok ? result.data.key : null);
      if (result.ok) form.reset();
    });
  }

  return (
    <section className="card stack" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Service API keys</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scopes.join(", ")}</td>
              <td>{day(k.expiresAt)}</td>
              <td>{k.lastUsedAt ? k.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
              <td>
                {k.status === "active" ? (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => {
                      if (!window.confirm(`Revoke "${k.name}"? Services using it stop working at once.`)) return;
                      startTransition(async () =>
                        setStatus(statusOf(await revokeApiKeyAction(k.id), `Revoked ${k.name}`)),
                      );
                    }}
                  >
                    Revoke
                  </button>
                ) : (
                  <span className="badge muted-badge">{k.status}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={onCreate} className="inline-form" aria-label="Create an API key">
        <label>
          Name
          <input name="name" required maxLength={100} placeholder="e.g. coach-backend" />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="check">
              <input type="checkbox" name="scopes" value={s.value} defaultChecked={s.value === "resolve"} /> {s.value}{" "}
              <span className="muted">({s.hint})</span>
            </label>
          ))}
        </fieldset>
        <label>
          Expires (optional)
          <input name="expires" type="date" />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          Create key
        </button>
      </form>
      <ActionStatus status={status} />
      {newKey && (
        <p className="new-key">
          <label>
            New key
            <input readOnly value={newKey} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <CopyButton text={newKey} label="Copy key" />
        </p>
      )}
    </section>
  );
}
