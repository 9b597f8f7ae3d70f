/** Timestamps as "2026-11-26 09:30 UTC": the same on server and client, so hydration never differs. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—";
}

const ACTION_TEXT: Record<string, string> = {
  "prompt.create": "saved a version",
  "prompt.update": "renamed a version",
  "prompt.activate": "activated a version",
  "prompt.deactivate": "deactivated a version",
  "phase.rollback": "rolled back",
  "prompt.import": "imported",
};
export function describeAction(action: string | null): string {
  return action ? (ACTION_TEXT[action] ?? action) : "";
}
