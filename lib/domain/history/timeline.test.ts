import { describe, expect, it } from "vitest";
import { describeEntry } from "./describe";
import { buildTimeline, toTimelineEntry, versionTimeline, type HistoryEvent } from "./timeline";

let nextId = 1;
function ev(action: string, extra: Partial<HistoryEvent> = {}): HistoryEvent {
  const id = String(nextId++);
  return {
    id,
    action,
    actor: "ada@example.com",
    at: `2026-11-29T10:00:${id.padStart(2, "0")}.000Z`,
    targetType: "prompt",
    targetId: `prompt-${id}`,
    promptVersion: null,
    before: null,
    after: null,
    ...extra,
  };
}

describe("toTimelineEntry", () => {
  it("turns a saved version into an entry with its change note", () => {
    const e = toTimelineEntry(
      ev("prompt.create", { promptVersion: 4, after: { version: 4, changeNote: "Shorter greeting" } }),
    );
    expect(e).toMatchObject({ kind: "saved", version: 4, note: "Shorter greeting", actor: "ada@example.com" });
    expect(describeEntry(e!)).toBe("saved v4");
  });

  it("reads a rollback's target and what it took out of production", () => {
    const e = toTimelineEntry(
      ev("phase.rollback", {
        targetType: "phase",
        targetId: "introduction",
        after: { servingVersion: 2, deactivatedVersions: [4, 3] },
      }),
    )!;
    expect(e).toMatchObject({ kind: "rolled_back", version: 2, deactivated: [4, 3] });
    expect(describeEntry(e)).toBe("rolled production back to v2 (took v4, v3 out of production)");
  });

  it("marks an emergency rollback as such, with its note", () => {
    const e = toTimelineEntry(
      ev("phase.emergency_rollback", {
        targetType: "phase",
        after: { servingVersion: 1, deactivatedVersions: [2], note: "v2 breaks resolve" },
      }),
    )!;
    expect(e).toMatchObject({ kind: "emergency_rollback", version: 1, note: "v2 breaks resolve" });
    expect(describeEntry(e)).toContain("emergency rollback to v1");
  });

  it("reads staging moves and clears", () => {
    expect(toTimelineEntry(ev("staging.set", { targetType: "staging", after: { version: 5 } }))).toMatchObject({
      kind: "staging_set",
      version: 5,
    });
    const cleared = toTimelineEntry(
      ev("staging.clear", { targetType: "staging", before: { version: 5 }, after: { version: null } }),
    )!;
    expect(cleared).toMatchObject({ kind: "staging_cleared", version: 5 });
    expect(describeEntry(cleared)).toBe("cleared staging (was v5)");
  });

  it("follows a release from request to release, linking each step to the release", () => {
    const opened = toTimelineEntry(
      ev("release.open", { targetType: "release", targetId: "r1", after: { version: 3, note: "Warmer tone" } }),
    )!;
    expect(opened).toMatchObject({ kind: "release_requested", version: 3, note: "Warmer tone", releaseId: "r1" });
    const rejected = toTimelineEntry(
      ev("release.reject", { targetType: "release", targetId: "r1", after: { version: 3, comment: "Too long" } }),
    )!;
    expect(rejected).toMatchObject({ kind: "release_rejected", note: "Too long", releaseId: "r1" });
    const released = toTimelineEntry(
      ev("release.release", { targetType: "release", targetId: "r1", after: { version: 3, deactivatedVersions: [4] } }),
    )!;
    expect(released).toMatchObject({ kind: "released", version: 3, deactivated: [4] });
    expect(describeEntry(released)).toBe("released v3 to production (took v4 out of production)");
  });

  it("leaves out events that are not part of a phase's history", () => {
    expect(toTimelineEntry(ev("sample_context.create"))).toBeNull();
    expect(toTimelineEntry(ev("user.create"))).toBeNull();
  });

  it("ignores malformed payloads instead of failing", () => {
    const e = toTimelineEntry(ev("phase.rollback", { targetType: "phase", after: { deactivatedVersions: "4" } }))!;
    expect(e).toMatchObject({ kind: "rolled_back", version: null, deactivated: [] });
  });
});

describe("buildTimeline", () => {
  it("orders entries newest first by audit id, even within the same millisecond", () => {
    const at = "2026-11-29T10:00:00.000Z";
    const events = [
      ev("prompt.create", { id: "9", at, promptVersion: 1 }),
      ev("prompt.create", { id: "10", at, promptVersion: 2 }),
      ev("user.create", { id: "11", at }),
    ];
    expect(buildTimeline(events).map((e) => e.version)).toEqual([2, 1]);
  });
});

describe("versionTimeline", () => {
  it("keeps a version's own entries and the later change that took it out of production", () => {
    const entries = buildTimeline([
      ev("prompt.create", { promptVersion: 3 }),
      ev("prompt.create", { promptVersion: 4 }),
      ev("prompt.activate", { promptVersion: 4 }),
      ev("staging.set", { targetType: "staging", after: { version: 3 } }),
      ev("phase.rollback", { targetType: "phase", after: { servingVersion: 3, deactivatedVersions: [4] } }),
    ]);
    expect(versionTimeline(entries, 4).map((e) => e.kind)).toEqual(["rolled_back", "activated", "saved"]);
    expect(versionTimeline(entries, 3).map((e) => e.kind)).toEqual(["rolled_back", "staging_set", "saved"]);
  });
});
