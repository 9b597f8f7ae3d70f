/** Timestamps as "2026-11-26 09:30 UTC": the same on server and client, so hydration never differs. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}
