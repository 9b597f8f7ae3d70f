import { beforeAll, describe, expect, it } from "vitest";
import { versionTimeline } from "@/lib/domain/history/timeline";
import type { Caller } from "@/lib/server/auth/actor";
import { phaseTimeline } from "@/lib/server/services/history-service";
import { createPrompt, updatePrompt } from "@/lib/server/services/prompt-service";
import { rollbackPhase } from "@/lib/server/services/rollback-service";
import { saveSampleContext } from "@/lib/server/services/sample-context-service";
import { signedInUser } from "../support/auth";
import { serveOnSave } from "../support/serving";

// The release history timeline, read from the audit log of a real database.
const callerFor = async (role: "designer" | "viewer"): Promise<Caller> => {
  const { user } = await signedInUser(role);
  return { actor: { kind: "user", id: user.id, email: user.email, name: user.name, role }, requestId: `test-${role}` };
};
let designer: Caller;
let viewer: Caller;
let email: string;
beforeAll(async () => {
  designer = await callerFor("designer");
  viewer = await callerFor("viewer");
  email = (designer.actor as { email: string }).email;
  await serveOnSave(); // direct activations and rollbacks are part of the history too (policy 0)
});

const content = (body: string) => ({
  coachingPhase: "identity_visualization",
  body,
  requiredContextKeys: ["user_name"],
  isActive: true,
});

describe("phase timeline", () => {
  it("tells a phase's history newest first: saves, renames, (de)activations and rollbacks, by whom", async () => {
    const v1 = await createPrompt(designer, content("Bye {user_name}"));
    const v2 = await createPrompt(designer, content("Goodbye {user_name}"));
    await updatePrompt(designer, v2.id, { name: "Longer goodbye" });
    await rollbackPhase(designer, "identity_visualization", { toVersion: v1.version });
    await updatePrompt(designer, v2.id, { isActive: true });
    // Neither another phase's versions nor sample contexts are part of this phase's history.
    await createPrompt(designer, { ...content("Hi {user_name}"), coachingPhase: "introduction" });
    await saveSampleContext(designer, { phase: "identity_visualization", name: "Ada", values: { user_name: "Ada" } });

    const timeline = await phaseTimeline(viewer, "identity_visualization");
    expect(timeline.map((e) => [e.kind, e.version])).toEqual([
      ["activated", v2.version],
      ["rolled_back", v1.version],
      ["renamed", v2.version],
      ["saved", v2.version],
      ["saved", v1.version],
    ]);
    expect(timeline.every((e) => e.actor === email)).toBe(true);
    expect(timeline[1]).toMatchObject({ deactivated: [v2.version] });

    // A version's own part includes the rollback that took it out of production.
    expect(versionTimeline(timeline, v2.version).map((e) => e.kind)).toEqual([
      "activated",
      "rolled_back",
      "renamed",
      "saved",
    ]);
    expect(versionTimeline(timeline, v1.version).map((e) => e.kind)).toEqual(["rolled_back", "saved"]);
  });

  it("keeps the history of prompts without a phase apart from every phase's", async () => {
    const outroBefore = (await phaseTimeline(viewer, "identity_visualization")).length;
    const v = await createPrompt(designer, {
      coachingPhase: null,
      promptType: "sentinel",
      body: "Watch {current_message}",
      requiredContextKeys: ["current_message"],
    });
    const timeline = await phaseTimeline(viewer, null);
    expect(timeline[0]).toMatchObject({ kind: "saved", version: v.version });
    expect(await phaseTimeline(viewer, "identity_visualization")).toHaveLength(outroBefore);
  });

  it("is refused to callers who may not read prompts", async () => {
    const resolveOnly: Caller = {
      actor: { kind: "api_key", id: "k", name: "resolver", scopes: ["resolve"] },
      requestId: "test-key",
    };
    await expect(phaseTimeline(resolveOnly, "identity_visualization")).rejects.toMatchObject({ code: "forbidden" });
  });
});
