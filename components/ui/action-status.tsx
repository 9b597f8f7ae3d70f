import type { ActionResult } from "@/lib/domain/errors";

/** Outcome of the last action: success is a polite status, failure an alert. Empty keeps the live region in place. */
export type Status = { kind: "ok" | "error" | "info"; message: string } | null;

export function ActionStatus({ status, id }: { status: Status; id?: string }) {
  return (
    <>
      <p id={id} role="status" className={`status ${status?.kind === "error" ? "" : (status?.kind ?? "")}`}>
        {status && status.kind !== "error" ? status.message : ""}
      </p>
      {status?.kind === "error" && (
        <p role="alert" className="status error">
          {status.message}
        </p>
      )}
    </>
  );
}

/** A server action's result as a one-line status: the success text, or the server's error message. */
export function statusOf<T>(result: ActionResult<T>, success: string): Status {
  return result.ok ? { kind: "ok", message: success } : { kind: "error", message: result.error.message };
}
