import { randomUUID } from "node:crypto";
import { PHASE_VALUES } from "@/lib/domain/catalog";
import { NATIVE_FORMAT } from "@/lib/domain/schemas/prompt-files";
import { readOldSystemFixture } from "./old-system-fixture";

type FixtureRow = { fields: { body: string; required_context_keys: string[]; allowed_actions: string[] } };

/**
 * A native file of `count` versions spread over the eight phases, with the old system's real bodies
 * (about 7 KB each) so size and lint work are realistic. Every tenth version is inactive.
 */
export function largePromptFile(count: number) {
  const catalogClean = (readOldSystemFixture().data as FixtureRow[]).filter(
    (r) =>
      !r.fields.body.includes("{user_name)") &&
      !r.fields.body.includes('"action": "update_identity"') &&
      !r.fields.required_context_keys.includes("identity_brainstorming_context"),
  );
  const prompts = Array.from({ length: count }, (_, i) => {
    const source = catalogClean[i % catalogClean.length]!.fields;
    const time = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString().replace("Z", "123Z");
    return {
      id: randomUUID(),
      coachingPhase: PHASE_VALUES[i % PHASE_VALUES.length],
      version: Math.floor(i / PHASE_VALUES.length) + 1,
      name: `Generated ${i}`,
      description: null,
      body: source.body,
      requiredContextKeys: source.required_context_keys,
      allowedActions: source.allowed_actions,
      promptType: "coach",
      isActive: i % 10 !== 0,
      createdAt: time,
      updatedAt: time,
    };
  });
  return { format: NATIVE_FORMAT, formatVersion: 1, prompts };
}
