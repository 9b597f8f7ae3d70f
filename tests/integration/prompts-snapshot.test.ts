import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as resolveRoute from "@/app/api/resolve/route";
import { PHASE_VALUES } from "@/lib/domain/catalog";
import type { Snapshot, SnapshotPart } from "@/lib/domain/snapshot";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { productionSnapshot } from "@/lib/server/services/snapshot-service";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";

// `npm run prompts:snapshot`: what production serves, complete enough for a client to rebuild resolve's
// answer offline (clients/python renders it; python-client.test.ts compares that with the server).
beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  authenticateCallsAs((await apiKey(["resolve"])).headers);
});

describe("the production snapshot", () => {
  it("holds, per phase, the served version with the very texts resolve puts into its answer", async () => {
    const snapshot = await productionSnapshot(SYSTEM_CALLER);
    expect(snapshot.formatVersion).toBe(1);
    expect(snapshot.phaseNames.IDENTITY_WARMUP).toBe("identity_warm_up");
    for (const phase of PHASE_VALUES) {
      const entry = snapshot.prompts.find((p) => p.prompt.phase === phase);
      expect(entry, phase).toBeDefined();
      const { status, body } = await call(resolveRoute.POST, {
        method: "POST",
        body: { phase, context: everyKey(entry!.parts, entry!.requiredContextKeys) },
      });
      expect(status, phase).toBe(200);
      expect(entry!.prompt).toEqual(body.prompt);
      expect(entry!.responseFormat).toEqual(body.responseFormat);
      expect(entry!.allowedActions).toEqual(body.allowedActions);
      const actions = (body.sections as { kind: string; text: string }[]).find((s) => s.kind === "actions");
      expect(actions?.text ?? null).toBe(entry!.actionsText?.openai ?? null);
    }
    const sentinel = snapshot.prompts.find((p) => p.prompt.phase === null && p.prompt.promptType === "sentinel");
    expect(sentinel?.sentinel).toBe(true);
  });

  it("records a served body that does not parse as the error resolve answers", async () => {
    await db().prompt.updateMany({ where: { coachingPhase: "identity_refinement" }, data: { isActive: false } });
    await db().$executeRaw`INSERT INTO prompts (coaching_phase, version, body, is_active, prompt_type)
      VALUES ('identity_refinement', 90, 'Broken {', true, 'coach')`;
    const entry = (await productionSnapshot(SYSTEM_CALLER)).prompts.find(
      (p) => p.prompt.phase === "identity_refinement",
    );
    expect(entry?.prompt.version).toBe(90);
    expect(entry?.error?.code).toBe("invalid_template");
  });

  it("npm run prompts:snapshot -- FILE writes it", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "pm-snapshot-")), "snapshot.json");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/prompts-snapshot.ts", file],
      { env: { ...process.env } },
    );
    expect(stdout).toMatch(/Wrote .*snapshot\.json: \d+ served prompts, 22 action wordings/);
    const written = JSON.parse(await readFile(file, "utf8")) as Snapshot;
    expect(written.prompts.map((p) => p.prompt.id).sort()).toEqual(
      (await productionSnapshot(SYSTEM_CALLER)).prompts.map((p) => p.prompt.id).sort(),
    );
  });
});

function everyKey(parts: SnapshotPart[], required: string[]): Record<string, string> {
  const keys = [...required, ...parts.flatMap((p) => ("key" in p ? [p.key] : []))];
  return Object.fromEntries(keys.map((k) => [k, `value of ${k}`]));
}
