import type { ReleaseDto } from "@/lib/domain/schemas/release";
import { formatTime } from "@/components/ui/format";

const VERB: Record<ReleaseDto["reviews"][number]["kind"], string> = {
  approve: "approved",
  reject: "rejected",
  withdraw: "withdrew the request",
  comment: "commented",
  release: "released it",
};

/** Approvals, rejections, comments and the release itself, oldest first, as a conversation. */
export function ReviewList({ reviews }: { reviews: ReleaseDto["reviews"] }) {
  if (reviews.length === 0) return <p className="muted">No reviews or comments yet.</p>;
  return (
    <ol className="review-list" aria-label="Reviews and comments">
      {reviews.map((r, i) => (
        <li key={`${r.at}-${i}`} data-kind={r.kind}>
          <p>
            <strong>{r.actor ?? "someone"}</strong> {VERB[r.kind]}
            {r.overrideChecks && <span className="badge warn"> overriding failing checks</span>}{" "}
            <time className="muted" dateTime={r.at}>
              {formatTime(r.at)}
            </time>
          </p>
          {r.comment && <p>{r.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
