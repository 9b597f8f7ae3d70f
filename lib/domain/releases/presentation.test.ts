import { describe, expect, it } from "vitest";
import { releaseAge, releaseVersions, waitingFirst } from "./presentation";

describe("release presentation", () => {
  const now = new Date("2026-11-29T12:00:00Z");

  it("gives the age in the largest whole unit", () => {
    expect(releaseAge("2026-11-29T11:59:30Z", now)).toBe("just now");
    expect(releaseAge("2026-11-29T11:55:00Z", now)).toBe("5 min");
    expect(releaseAge("2026-11-29T09:00:00Z", now)).toBe("3 h");
    expect(releaseAge("2026-11-27T11:00:00Z", now)).toBe("2 d");
  });

  it("puts waiting requests first, newest first within each group", () => {
    const items = [
      { id: "a", status: "released", createdAt: "2026-11-29T10:00:00Z" },
      { id: "b", status: "open", createdAt: "2026-11-20T10:00:00Z" },
      { id: "c", status: "rejected", createdAt: "2026-11-28T10:00:00Z" },
      { id: "d", status: "approved", createdAt: "2026-11-25T10:00:00Z" },
    ] as const;
    expect(waitingFirst(items).map((r) => r.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("names the versions, with nothing as the base when production served nothing", () => {
    expect(releaseVersions({ baseVersion: 3, targetVersion: 5 })).toBe("v3 → v5");
    expect(releaseVersions({ baseVersion: null, targetVersion: 1 })).toBe("nothing → v1");
  });
});
