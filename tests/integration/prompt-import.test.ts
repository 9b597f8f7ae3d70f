import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/import/route";
import * as exportRoute from "@/app/api/export/route";
import * as resolveRoute from "@/app/api/resolve/route";
import * as prompts from "@/app/api/prompts/route";
import { parseTemplate } from "@/lib/domain/template";
import { db } from "@/lib/server/db/client";
import { apiKey } from "../support/auth";
import { authenticateCallsAs, call } from "../support/http";
import { readOldSystemFixture } from "../support/old-system-fixture";

const { text: fixtureText, data: fixture } = readOldSystemFixture();
type FixtureRow = {
  pk: string;
  fields: {
    coaching_phase: string | null;
    version: number;
    body: string;
    is_active: boolean;
    prompt_type: string;
    required_context_keys: string[];
  };
};
const rows = fixture as FixtureRow[];
const DECISIONS = {
  drops: ["identity_brainstorming_context"],
  mappings: { transition_state: "transition_phase" },
  invalidTemplates: "import",
};

const importFile = (data: unknown, body: Record<string, unknown> = {}) =>
  call(importRoute.POST, { method: "POST", body: { data, ...body } });
const exportText = async (query: string) => {
  const res = await exportRoute.GET(new Request(`http://localhost/api/export?${query}`, { headers: auth }), {
    params: Promise.resolve({}),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
};
let auth: Record<string, string> = {};
beforeAll(async () => {
  auth = (await apiKey(["resolve", "prompts:read", "prompts:write"])).headers;
  authenticateCallsAs(auth);
});
const importEvents = () => db().auditEvent.findMany({ where: { action: "prompt.import" }, orderBy: { id: "asc" } });
const storedCount = async () => await db().prompt.count();

describe("importing the old system's fixture", () => {
  it("dry-runs by default: reports, writes nothing", async () => {
    const res = await importFile(fixture);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, canApply: false, counts: { new: 34, blocked: 4 } });
    expect(await storedCount()).toBe(0);
  });

  it("refuses to apply while rows are undecided, and changes nothing", async () => {
    const res = await importFile(fixture, { dryRun: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Nothing imported: 4 rows need a decision or a fix; see details.report");
    expect(res.body.error.details.report.rows.filter((r: { status: string }) => r.status === "blocked")).toHaveLength(
      4,
    );
    expect(await storedCount()).toBe(0);
    expect(await importEvents()).toEqual([]);
  });

  it("applies with explicit decisions in one transaction, keeping ids, versions, flags and timestamps", async () => {
    const res = await importFile(fixture, { dryRun: false, options: DECISIONS, source: "dev-coach-prompts.json" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: true, inserted: 38, counts: { new: 38, blocked: 0 } });
    const [event, ...more] = await importEvents();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorType: "api_key", targetType: "import", targetId: "dev-coach-prompts.json" });
    expect(event!.after).toMatchObject({
      format: "django",
      total: 38,
      inserted: 38,
      counts: { new: 38 },
      options: DECISIONS,
    });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const {
      rows: [sentinel],
    } = await client.query(
      "SELECT created_at::text, updated_at::text, is_active, version FROM prompts WHERE id = '015b1df9-7a9c-43e8-a526-698110bcf46a'",
    );
    await client.end();
    expect(sentinel).toEqual({
      created_at: "2025-06-17 12:48:24.582447+00",
      updated_at: "2025-06-23 13:08:46.477184+00",
      is_active: true,
      version: 1,
    });
  });

  it("then resolves every phase that has an active version, serving the highest one", async () => {
    const active = rows.filter((r) => r.fields.is_active);
    const phases = [...new Set(active.map((r) => r.fields.coaching_phase))];
    expect(phases).toHaveLength(7);
    for (const phase of phases) {
      const serving = active
        .filter((r) => r.fields.coaching_phase === phase)
        .sort((a, b) => b.fields.version - a.fields.version)[0]!;
      const parsed = parseTemplate(serving.fields.body);
      const keys = [...serving.fields.required_context_keys, ...(parsed.ok ? parsed.keys : [])];
      const context = Object.fromEntries(keys.map((k) => [k, `<${k}>`]));
      const request = phase === null ? { promptType: serving.fields.prompt_type, context } : { phase, context };
      const res = await call(resolveRoute.POST, { method: "POST", body: request });
      expect([phase, res.status]).toEqual([phase, 200]);
      expect(res.body.prompt).toMatchObject({ id: serving.pk, version: serving.fields.version });
    }
  });

  it("exports the Django format byte-for-byte like the old fixture, except the rows changed by the decisions", async () => {
    const expected = structuredClone(rows);
    Object.assign(expected.find((r) => r.pk.startsWith("00c25f31"))!.fields, {
      required_context_keys: ["user_name", "recent_messages"],
      allowed_actions: ["transition_phase"],
    });
    Object.assign(expected.find((r) => r.pk.startsWith("9929be1d"))!.fields, { required_context_keys: [] });
    const res = await exportText("format=django");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="prompts.django.json"');
    expect(res.text).toBe(JSON.stringify(expected, null, 2));
    expect(JSON.stringify(rows, null, 2)).toBe(fixtureText);
  });

  it("reports a second import of the same file as identical and inserts nothing (one more audit event)", async () => {
    const res = await importFile(fixture, { dryRun: false, options: DECISIONS });
    expect(res.body).toMatchObject({ applied: true, inserted: 0, counts: { new: 0, identical: 38 } });
    expect(await importEvents()).toHaveLength(2);
    expect(await storedCount()).toBe(38);
  });

  it("never overwrites: a changed version is a conflict and is skipped", async () => {
    const changed = structuredClone(rows.slice(0, 1));
    changed[0]!.fields.body += "\nChanged.";
    changed[0]!.pk = "11111111-1111-4111-8111-111111111111";
    const res = await importFile(changed, { dryRun: false });
    expect(res.body).toMatchObject({ applied: true, inserted: 0, counts: { conflict: 1 } });
    expect(res.body.rows[0].problems.map((p: { code: string }) => p.code)).toEqual(["version_conflict"]);
  });

  it("round-trips the native format: export → import into an empty table → export gives identical bytes", async () => {
    const first = await exportText("format=native");
    expect(first.headers.get("x-prompt-count")).toBe("38");
    await db().$executeRaw`DELETE FROM prompts`;
    const res = await importFile(JSON.parse(first.text), { dryRun: false, options: { invalidTemplates: "import" } });
    expect(res.body).toMatchObject({ format: "native", applied: true, inserted: 38 });
    expect((await exportText("format=native")).text).toBe(first.text);
  });
});

describe("GET /api/export filters", () => {
  it("selects by phase, type and active like /api/prompts, and refuses unknown parameters", async () => {
    const count = async (query: string) =>
      (JSON.parse((await exportText(query)).text) as { prompts: unknown[] }).prompts.length;
    expect(await count("phase=introduction")).toBe(9);
    expect(await count("phase=INTRODUCTION&active=false")).toBe(2);
    expect(await count("phase=none")).toBe(1);
    expect(await count("type=sentinel&active=true")).toBe(1);
    expect((await exportText("phase=introduction&format=django")).headers.get("content-disposition")).toContain(
      "prompts-introduction.django.json",
    );
    expect((await exportText("format=csv")).status).toBe(400);
    expect((await exportText("phsae=introduction")).status).toBe(400);
  });
});

describe("POST /api/import with Accept: application/x-ndjson", () => {
  it("streams progress events and ends with the report", async () => {
    const req = new Request("http://localhost/api/import", {
      method: "POST",
      headers: { ...auth, "accept": "application/x-ndjson", "content-type": "application/json" },
      body: JSON.stringify({ data: fixture }),
    });
    const res = await importRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const events = (await res.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events.slice(0, -1)).toEqual([
      { type: "progress", stage: "check", done: 0, total: 38 },
      { type: "progress", stage: "check", done: 38, total: 38 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "report", report: { counts: { identical: 34, blocked: 4 } } });
  });

  it("answers request errors with their status before streaming starts", async () => {
    const req = new Request("http://localhost/api/import", {
      method: "POST",
      headers: { ...auth, accept: "application/x-ndjson" },
      body: JSON.stringify({ data: { not: "a prompt file" } }),
    });
    const res = await importRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^Not a prompt file/);
  });
});

describe("prompts saved after an import", () => {
  it("continue the imported version numbers", async () => {
    const res = await call(prompts.POST, {
      method: "POST",
      body: { coachingPhase: "introduction", body: "Hi {user_name}", requiredContextKeys: ["user_name"] },
    });
    expect(res.body.version).toBe(10);
  });
});
