"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import {
  approveReleaseAction,
  commentReleaseAction,
  performReleaseAction,
  rejectReleaseAction,
  withdrawReleaseAction,
} from "@/app/releases/actions";
import { isWaiting, type ReleasePermissions } from "@/lib/domain/releases/presentation";
import type { ReleaseDto } from "@/lib/domain/schemas/release";
import { ActionStatus, type Status } from "@/components/ui/action-status";

interface Props {
  id: string;
  status: ReleaseDto["status"];
  releasable: boolean;
  targetVersion: number;
  perms: ReleasePermissions;
  /** The target's checks fail: approving needs an admin's override with a comment. */
  checksFailed?: boolean;
}

type Outcome = { ok: true } | { ok: false; error: { message: string } };

/**
 * The steps on a release. Buttons the caller certainly may not use are left out (viewers only
 * comment; the requester never approves); everything else is the service's call, and its refusal
 * (self-approval, production changed since opening, failing checks) is shown as it comes.
 */
export function ReleaseControls({ id, status, releasable, targetVersion, perms, checksFailed }: Props) {
  const router = useRouter();
  const commentId = useId();
  const [comment, setComment] = useState("");
  const [override, setOverride] = useState(false);
  const [issue, setIssue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Status>(null);
  const waiting = isWaiting(status);
  const text = comment.trim();

  const run = async (call: () => Promise<Outcome>, done: string) => {
    setBusy(true);
    setResult({ kind: "info", message: "Working…" });
    const res = await call().catch(() => null);
    setBusy(false);
    if (!res) return setResult({ kind: "error", message: "Could not reach the server; nothing changed." });
    if (!res.ok) return setResult({ kind: "error", message: res.error.message });
    setComment("");
    setOverride(false);
    setResult({ kind: "ok", message: done });
    router.refresh();
  };
  const needText = (message: string) => {
    setIssue(text ? null : message);
    return text !== "";
  };

  const approve = () =>
    (!override || needText("Say why you override the failing checks.")) &&
    run(() => approveReleaseAction(id, { ...(text ? { comment: text } : {}), overrideChecks: override }), "Approved.");
  const reject = () =>
    needText("Say why you reject it.") && run(() => rejectReleaseAction(id, { comment: text }), "Rejected.");
  const addComment = () =>
    needText("Write a comment first.") && run(() => commentReleaseAction(id, { comment: text }), "Comment added.");
  const release = () =>
    run(() => performReleaseAction(id), `Released: v${targetVersion} is the production version now.`);
  const withdraw = () => run(() => withdrawReleaseAction(id), "Request withdrawn.");

  const canApprove = perms.reviewer && !perms.requester && status === "open";
  const canReject = perms.write && waiting;

  return (
    <form className="release-controls stack" aria-label="Review this release" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={commentId}>Your comment</label>
      <span id={`${commentId}-hint`} className="hint">
        {canReject ? "Optional to approve, required to reject." : "Everyone who can read releases may comment."}
      </span>
      <textarea
        id={commentId}
        rows={3}
        maxLength={2000}
        value={comment}
        aria-invalid={issue ? true : undefined}
        aria-describedby={`${commentId}-hint${issue ? ` ${commentId}-issue` : ""}`}
        onChange={(e) => setComment(e.target.value)}
      />
      {issue && (
        <span id={`${commentId}-issue`} className="error">
          {issue}
        </span>
      )}
      {canApprove && checksFailed && perms.admin && (
        <label className="check">
          <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
          Override failing checks (admins only; say why in the comment)
        </label>
      )}
      <div className="button-row">
        {canApprove && (
          <button type="button" className="primary" disabled={busy} onClick={() => void approve()}>
            Approve
          </button>
        )}
        {canReject && (
          <button type="button" className="danger-outline" disabled={busy} onClick={() => void reject()}>
            Reject
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void addComment()}>
          Add comment
        </button>
      </div>
      {perms.requester && status === "open" && (
        <p className="hint">You requested this release: someone else must approve it.</p>
      )}
      {!perms.write && <p className="hint">Designers and admins approve or reject releases; you can comment.</p>}
      {perms.write && waiting && (
        <div className="button-row">
          {releasable ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void release()}>
              Release v{targetVersion} to production
            </button>
          ) : (
            <span className="hint">It can be released once someone other than the requester approves it.</span>
          )}
          {perms.requester && (
            <button type="button" disabled={busy} onClick={() => void withdraw()}>
              Withdraw request
            </button>
          )}
        </div>
      )}
      <ActionStatus status={result} />
    </form>
  );
}
