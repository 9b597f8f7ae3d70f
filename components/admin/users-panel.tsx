"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createUserAction, updateUserAction } from "@/app/admin/actions";
import type { UserResponse } from "@/lib/domain/schemas/account-responses";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionStatus, statusOf, type Status } from "@/components/ui/action-status";

const ROLES = ["viewer", "designer", "admin"] as const;
const ROLE_MEANS: Record<string, string> = {
  viewer: "Viewers read prompts and preview them; they cannot change prompts.",
  designer: "Designers author, activate and roll back prompt versions.",
  admin: "Admins can do everything, including managing people and API keys.",
};
const articled = (role: string) => (role === "admin" ? `an ${role}` : `a ${role}`);

export function UsersPanel({ users, selfId }: { users: UserResponse[]; selfId: string }) {
  const [status, setStatus] = useState<Status>(null);
  const [pending, startTransition] = useTransition();
  // A role change widens or narrows what someone may do at once, so the select only proposes it.
  const [roleChange, setRoleChange] = useState<{ user: UserResponse; role: string } | null>(null);
  // Password reset: the admin sets a new password and hands it over; the person changes it later.
  const [resetFor, setResetFor] = useState<UserResponse | null>(null);
  const [newPassword, setNewPassword] = useState("");
  const resetProblem =
    newPassword.length < 12 ? "At least 12 characters" : newPassword.length > 128 ? "At most 128 characters" : null;
  const submitReset = () => {
    if (!resetFor || resetProblem) return;
    const user = resetFor;
    setResetFor(null);
    setNewPassword("");
    update(user, { password: newPassword }, `New password set for ${user.email}`);
  };

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
  const update = (user: UserResponse, patch: Record<string, unknown>, done: string) =>
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
                  onChange={(e) => setRoleChange({ user: u, role: e.target.value })}
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
                {u.disabled && <span className="badge muted-badge">disabled</span>}{" "}
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => setResetFor(u)}
                  aria-label={`Set a new password for ${u.email}`}
                >
                  Set password
                </button>
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
      <ConfirmDialog
        open={resetFor !== null}
        title={resetFor ? `Set a new password for ${resetFor.email}` : ""}
        confirmLabel="Set password"
        busy={pending}
        confirmDisabled={resetProblem !== null}
        onConfirm={submitReset}
        onCancel={() => {
          setResetFor(null);
          setNewPassword("");
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submitReset();
          }}
        >
          <label className="stack">
            New password
            <input
              type="password"
              autoComplete="new-password"
              autoFocus
              value={newPassword}
              maxLength={128}
              aria-describedby="reset-hint"
              onChange={(e) => setNewPassword(e.target.value)}
            />
          </label>
          <p id="reset-hint" className="hint">
            {resetProblem ?? "Long enough."} It replaces the old password at once; tell the person through a channel you
            trust.
          </p>
        </form>
      </ConfirmDialog>
      <ConfirmDialog
        open={roleChange !== null}
        title={roleChange ? `Make ${roleChange.user.email} ${articled(roleChange.role)}?` : ""}
        confirmLabel={roleChange ? `Make ${roleChange.role}` : "Change role"}
        busy={pending}
        onConfirm={() => {
          if (!roleChange) return;
          const { user, role } = roleChange;
          setRoleChange(null);
          update(user, { role }, `${user.email} is now ${role}`);
        }}
        onCancel={() => setRoleChange(null)}
      >
        {roleChange && (
          <p>
            {roleChange.user.email} is {articled(roleChange.user.role)} now. {ROLE_MEANS[roleChange.role]}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
