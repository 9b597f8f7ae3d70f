import { releaseStatusText } from "@/lib/domain/releases/presentation";
import type { ReleaseDto } from "@/lib/domain/schemas/release";

const TONE: Record<ReleaseDto["status"], string> = {
  open: "warn",
  approved: "",
  rejected: "off",
  withdrawn: "off",
  released: "ok",
};

/** A release's status in words, coloured by whether it still waits for someone. */
export function ReleaseStatusBadge({ status }: { status: ReleaseDto["status"] }) {
  return <span className={`badge ${TONE[status]}`.trim()}>{releaseStatusText(status)}</span>;
}
