import { afterAll, describe, expect, it } from "vitest";
import { closeLongLived, isDraining } from "@/lib/runtime/lifecycle";
import { openEventStreams } from "@/lib/server/services/events-service";
import { apiKey } from "../support/auth";
import { openEventStream } from "../support/sse-reader";
import { waitFor } from "../support/wait";

// closeLongLived() is what `npm run serve` calls when its drain period ends (scripts/serve.ts). The
// lifecycle state is per process (on globalThis): it is reset so nothing after this file sees it closed.
afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("prompt-manager.lifecycle")];
});

describe("GET /api/events when the instance drains", () => {
  it("ends open streams with a retry: hint at the end of the drain period, and refuses none before", async () => {
    const { headers, id } = await apiKey(["resolve"]);
    const streams = [await openEventStream(headers), await openEventStream(headers)];
    for (const s of streams) await waitFor("the stream to be placed", () => s.lastEventId() !== "");
    expect(isDraining()).toBe(false);
    const before = streams.map((s) => s.text().length);

    closeLongLived();

    for (const [i, s] of streams.entries()) {
      expect(await s.ended).toBe("closed");
      await waitFor("the retry: hint as the stream's last words", () =>
        /retry: \d+\n\n$/.test(s.text().slice(before[i])),
      );
    }
    expect(openEventStreams(`api_key:${id}`)).toBe(0);
    // A stream opened after the drain period (a late request still answered) ends at once, hinted too.
    const late = await openEventStream(headers);
    expect(await late.ended).toBe("closed");
    await waitFor("the late stream's retry: hint", () => /retry: \d+\n\n$/.test(late.text()));
  });
});
