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
