"use client";

import type { ActionResult } from "@/lib/domain/errors";

export type Status = { kind: "ok" | "error"; text: string } | null;

/** Turns a server action's result into a one-line status for screen readers and eyes. */
export function statusOf<T>(result: ActionResult<T>, success: string): Status {
  return result.ok ? { kind: "ok", text: success } : { kind: "error", text: result.error.message };
}

export function ActionStatus({ status }: { status: Status }) {
  if (!status) return null;
  return status.kind === "ok" ? (
    <p role="status" className="ok">
      {status.text}
    </p>
  ) : (
    <p role="alert" className="error">
      {status.text}
    </p>
  );
}
