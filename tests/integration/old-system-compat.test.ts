import { Ajv } from "ajv";
import pg from "pg";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import * as actionRoute from "@/app/api/actions/[type]/route";
import * as importRoute from "@/app/api/import/route";
import * as resolveRoute from "@/app/api/resolve/route";
import { promptCacheListening } from "@/lib/server/cache/prompt-cache";
import { dereference, withoutKeywords, type JsonSchema } from "@/lib/domain/json-schema";
import { parseTemplate } from "@/lib/domain/template";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { readOldActionsFixture, readOldSystemFixture, type OldAction } from "../support/old-system-fixture";
import { waitFor } from "../support/wait";

// Done-when of issue #10: with both fixtures imported, what resolve hands the old backend is what the
// old system built (wording, response format), and the old action models accept the answers.
type Row = { fields: { coaching_phase: string | null; version: number; body: string; is_active: boolean } };
const prompts = readOldSystemFixture().data as Row[];
const { actions: oldActions } = readOldActionsFixture();
const oldAction = new Map<string, OldAction>(oldActions.map((a) => [a.action_type, a]));
const DECISIONS = {
  drops: ["identity_brainstorming_context"],
  mappings: { transition_state: "transition_phase" },
  invalidTemplates: "import",
};
const importFile = (data: unknown, body: Record<string, unknown> = {}) =>
  call(importRoute.POST, { method: "POST", body: { data, ...body } });
const resolve = (body: unknown) => call(resolveRoute.POST, { method: "POST", body });
const noTitles = (schema: unknown) => withoutKeywords(schema, ["title"]);

/** The old system's response format for a prompt: pydantic's DynamicResponse, inlined. */
function oldResponseFormat(actions: string[]): unknown {
  const properties: Record<string, unknown> = { message: { type: "string" } };
  for (const a of actions) properties[a] = { anyOf: [dereference(oldAction.get(a)!.params_schema), { type: "null" }] };
  return noTitles({ type: "object", properties, required: ["message", ...actions], additionalProperties: false });
}

/** A payload that fills every field of a schema (first enum value, one item per array). */
function example(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === "object") {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, example(v)]));
  }
  if (schema.type === "array") return [example(schema.items as JsonSchema)];
  if (schema.type === "boolean") return true;
  return "x";
}

const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(async () => {
  authenticateCallsAs((await apiKey(["resolve", "prompts:read", "prompts:write"])).headers);
  await raw.connect();
  await waitFor("the change listener", () => promptCacheListening() === true);
  expect((await importFile(prompts, { dryRun: false, options: DECISIONS })).status).toBe(200);
}, 60_000);
afterAll(() => raw.end());

describe("old system compatibility", () => {
  it("imports the action file: a dry run first, then every action's old wording as a new active version", async () => {
    const file = JSON.parse(readOldActionsFixture().text) as unknown;
    const dry = await importFile(file, { source: "dev-coach-actions.json" });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ kind: "actions", dryRun: true, applied: false, canApply: true, missing: [] });
    expect(dry.body.counts).toEqual({ new_version: 22, unchanged: 0, blocked: 0 });
    const applied = await importFile(file, { dryRun: false, source: "dev-coach-actions.json" });
    expect(applied.body).toMatchObject({ applied: true, counts: { new_version: 22 } });
    expect(applied.body.actions[0]).toMatchObject({ version: 2, servingVersion: 1 });
    const again = await importFile(file);
    expect(again.body.counts).toEqual({ new_version: 0, unchanged: 22, blocked: 0 });
  });

  it("resolves every phase-specific fixture version with the old wording and the old response format", async () => {
    const versions = prompts.filter(
      (p) =>
        p.fields.coaching_phase &&
        p.fields.coaching_phase !== "system_context" &&
        p.fields.is_active &&
        parseTemplate(p.fields.body).ok,
    );
    expect(versions.length).toBeGreaterThan(5);
    const ajv = new Ajv({ strict: false });
    let checked = 0;
    for (const { fields } of versions) {
      for (const provider of ["openai", "anthropic"] as const) {
        const pin = { phase: fields.coaching_phase, version: fields.version, provider };
        const missing = (await resolve({ ...pin, context: {} })).body.error?.details?.missing ?? [];
        const res = await resolve({ ...pin, context: Object.fromEntries(missing.map((k: string) => [k, "x"])) });
        expect(res.status, `${fields.coaching_phase} v${fields.version}`).toBe(200);
        const allowed: string[] = res.body.allowedActions;
        expect(noTitles(res.body.responseFormat)).toEqual(oldResponseFormat(allowed));
        for (const action of allowed) {
          const old = oldAction.get(action)!;
          expect(res.body.text).toContain(`**${action}**: ${old.description.trim()}`);
          // The old action model accepts an answer built from the schema we handed the model.
          const payload = example(
            (res.body.responseFormat.properties[action] as { anyOf: JsonSchema[] }).anyOf[0] as JsonSchema,
          );
          expect(ajv.validate(old.params_schema, payload), `${action}: ${ajv.errorsText()}`).toBe(true);
          checked++;
        }
        if (provider === "anthropic") {
          const schema = JSON.stringify(res.body.responseFormat, null, 2);
          expect(res.body.text.split(schema).length).toBe(2);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 120_000);

  it("serves a new version of an action's wording on every phase allowing it once activated (NOTIFY path)", async () => {
    const phase = { phase: "introduction", provider: "openai" as const };
    const first = await resolve({ ...phase, context: { user_name: "Ada" } });
    const action = (first.body.allowedActions as string[])[0]!;
    const saved = await call(actionRoute.POST, {
      method: "POST",
      params: { type: action },
      body: { instruction: "Brand new words for the model.", changeNote: "clearer", fieldDescriptions: {} },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ version: 3, isActive: false, changeNote: "clearer" });
    // Saved, not yet active: production keeps the old wording.
    expect((await resolve({ ...phase, context: { user_name: "Ada" } })).body.text).not.toContain("Brand new words");
    // The save's own NOTIFY may still be on its way and drop the entry once more: wait for a hit.
    await waitFor(
      "a warm answer from memory",
      async () => (await resolve({ ...phase, context: { user_name: "Ada" } })).headers.get("x-prompt-cache") === "hit",
    );
    // Activated by another writer (raw SQL, as another instance or tool would): only NOTIFY can tell us.
    await raw.query(`UPDATE action_instructions SET is_active = true WHERE id = $1`, [saved.body.id]);
    await waitFor("the new wording", async () =>
      (await resolve({ ...phase, context: { user_name: "Ada" } })).body.text.includes(
        `**${action}**: Brand new words for the model.`,
      ),
    );
  });
});
