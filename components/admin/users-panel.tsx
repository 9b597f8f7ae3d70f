"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createUserAction, updateUserAction } from "@/app/admin/actions";
import type { UserDto } from "@/lib/server/services/user-service";
import { ActionStatus, statusOf, type Status } from "./action-status";

const ROLES = ["viewer", "designer", "admin"] as const;

export function UsersPanel({ users, selfId }: { users: UserDto[]; selfId: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, startTransition] = useTransition();

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    startTransition(async () => {
      const result = await createUserAction({
        email: data.email,
        name: data.name || null,
        password: data.password,
        role: data.role,
      });
      setStatus(statusOf(result, `Created ${String(data.email)}`));
      if (result.ok) form.reset();
    });
  }
  const update = (user: UserDto, patch: Record<string, unknown>, done: string) =>
    startTransition(async () => setStatus(statusOf(await updateUserAction(user.id, patch), done)));

  return (
    <section className="card stack" aria-labelledby="users-heading">
      <h2 id="users-heading">People</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name ?? "—"}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={pending || u.id === selfId}
                  onChange={(e) => update(u, { role: e.target.value }, `${u.email} is now ${e.target.value}`)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {u.id === selfId ? (
                  "you"
                ) : (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      update(u, { disabled: !u.disabled }, `${u.email} ${u.disabled ? "enabled" : "disabled"}`)
                    }
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                )}
                {u.disabled && <span className="badge muted-badge">disabled</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={onCreate} className="inline-form" aria-label="Add a person">
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="name" />
        </label>
        <label>
          Password
          <input name="password" type="password" minLength={12} maxLength={128} required autoComplete="new-password" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="designer">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending}>
          Add person
        </button>
      </form>
      <ActionStatus status={status} />
    </section>
  );
}
