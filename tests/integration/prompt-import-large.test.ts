import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/import/route";
import type { ImportStreamEvent } from "@/lib/domain/schemas/import";
import { db } from "@/lib/server/db/client";
import { largePromptFile } from "../support/large-prompt-file";
import { apiKey } from "../support/auth";

describe("importing 10,000 versions", () => {
  it("applies in one transaction, streaming check and insert progress, with one audit event", async () => {
    const body = JSON.stringify({ data: largePromptFile(10_000), dryRun: false });
    const started = performance.now();
    const res = await importRoute.POST(
      new Request("http://localhost/api/import", {
        method: "POST",
        headers: { accept: "application/x-ndjson", ...(await apiKey(["prompts:write"])).headers },
        body,
      }),
      { params: Promise.resolve({}) },
    );
    const stamped: { at: number; event: ImportStreamEvent }[] = [];
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let buffer = ""; ;) {
      const { done, value } = await reader.read();
      if (done) break;
      const lines = (buffer += value).split("\n");
      buffer = lines.pop()!;
      for (const line of lines)
        stamped.push({ at: performance.now() - started, event: JSON.parse(line) as ImportStreamEvent });
    }
    const seconds = (performance.now() - started) / 1000;
    const last = stamped.at(-1)!.event;
    expect(last).toMatchObject({
      type: "report",
      report: { applied: true, inserted: 10_000, counts: { new: 10_000 } },
    });
    const inserts = stamped.filter((s) => s.event.type === "progress" && s.event.stage === "insert");
    const done = inserts.map((s) => (s.event as { done: number }).done);
    expect(done.length).toBeGreaterThan(5); // batches of at most ~4 MB of text each
    expect([done[0], done.at(-1)]).toEqual([0, 10_000]);
    expect(done.every((d, i) => i === 0 || d > done[i - 1]!)).toBe(true);
    console.info(
      `10,000-row import (${(body.length / 1e6).toFixed(0)} MB): checked in ${(inserts[0]!.at / 1000).toFixed(1)} s, ` +
        `inserted by ${(inserts.at(-1)!.at / 1000).toFixed(1)} s, total ${seconds.toFixed(1)} s`,
    );
    expect(await db().prompt.count()).toBe(10_000);
    expect(await db().auditEvent.count({ where: { action: "prompt.import" } })).toBe(1);
    // No speed threshold here: how fast the import is belongs to `npm run bench`, not to a test that
    // a busy machine can fail. The timeout only bounds a hung run, with a wide margin.
  }, 300_000);
});
