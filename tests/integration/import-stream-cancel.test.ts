import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/import/route";
import { db } from "@/lib/server/db/client";
import { largePromptFile } from "../support/large-prompt-file";
import { apiKey } from "../support/auth";

describe("a streamed import whose client goes away", () => {
  it("still completes and is audited: closing the tab does not leave it half-done or undone", async () => {
    const res = await importRoute.POST(
      new Request("http://localhost/api/import", {
        method: "POST",
        headers: { accept: "application/x-ndjson", ...(await apiKey(["prompts:write"])).headers },
        body: JSON.stringify({ data: largePromptFile(1_500), dryRun: false }),
      }),
      { params: Promise.resolve({}) },
    );
    const reader = res.body!.getReader();
    await reader.read(); // the first progress line
    await reader.cancel();
    const deadline = Date.now() + 20_000;
    while ((await db().auditEvent.count({ where: { action: "prompt.import" } })) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db().prompt.count()).toBe(1_500);
  });
});
