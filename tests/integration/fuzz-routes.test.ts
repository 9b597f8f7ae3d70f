import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { OPERATIONS } from "@/lib/server/openapi/operations";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { createWebhook } from "@/lib/server/services/webhook-service";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { apiKey, signedInUser } from "../support/auth";

// Bad input never answers 5xx: every method of every app/api route file (found on disk, so a new
// route is fuzzed without touching this file) gets hostile path params, query values and bodies,
// named after the fields its OpenAPI operation declares. Called as an admin, who may call everything.
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// next-auth's endpoints need Next's request scope (next/headers); request-limits.test.ts covers the
// one part of them that is ours.
const SKIP = ["auth/[...nextauth]/route.ts"];

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
/** Hostile values as JSON text (so nesting deeper than JSON.stringify could write is possible). */
const BAD_VALUES: string[] = [
  JSON.stringify("nul\u0000byte"),
  '"lone \\ud800 surrogate"',
  '"\\udc00"',
  "2147483648",
  "99999999999999999999999",
  "-1",
  "1e308",
  "0.5",
  "true",
  "null",
  "{}",
  "[]",
  deepArray(20_000),
  `[${deepArray(40)}]`,
  JSON.stringify("%"),
  JSON.stringify("x".repeat(300_000)),
];
const BAD_BODIES = ["{", "[]", "null", '"text"', "0", deepArray(20_000), JSON.stringify({ "\u0000": 1 }), "\u0000"];
const BAD_QUERY_VALUES = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "%",
  "_",
  "\\",
  "99999999999999999999999",
  "-1",
  "x".repeat(5000),
];
const BAD_PARAMS = ["\u0000", "\ud800", "99999999999999999999999", "%", "../x", "x".repeat(2000)];

type Handler = (req: Request, segment: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
interface RouteUnderTest {
  file: string;
  template: string;
  method: string;
  handler: Handler;
}

function routesOnDisk(): Omit<RouteUnderTest, "handler">[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("route.ts") && !SKIP.includes(f))
    .map((file) => ({ file, template: `/api/${path.dirname(file)}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}") }))
    .flatMap(({ file, template }) => METHODS.map((method) => ({ file, template, method })));
}

let admin: Record<string, string> = {};
const valid: Record<string, unknown> = {};
const failures: string[] = [];
const tried = new Set<string>();

beforeAll(async () => {
  await seedDemoPrompts({ onlyIfEmpty: true });
  admin = (await signedInUser("admin")).headers;
  valid.id = (await createPrompt(SYSTEM_CALLER, { coachingPhase: "introduction", body: "Hi" })).id;
  valid.phase = "introduction";
  valid.path = ["nope"];
  // Ids of other resources: a user and a key, so their routes reach past the id check.
  valid.userId = (await signedInUser("viewer")).user.id;
  valid.keyId = (await apiKey(["resolve"])).id;
  valid.webhookId = (
    await createWebhook(SYSTEM_CALLER, { url: "https://example.test/fuzz", events: ["prompt.changed"] })
  ).webhook.id;
});

function paramValue(template: string, name: string): unknown {
  if (name === "id" && template.startsWith("/api/users")) return valid.userId;
  if (name === "id" && template.startsWith("/api/api-keys")) return valid.keyId;
  if (name === "id" && template.startsWith("/api/webhooks")) return valid.webhookId;
  return valid[name] ?? "x";
}

async function send(r: RouteUnderTest, url: string, params: Record<string, unknown>, body?: string) {
  const req = new Request(`http://localhost${url}`, {
    method: r.method,
    headers: { ...admin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body,
  });
  let status: number;
  try {
    const res = await r.handler(req, { params: Promise.resolve(params) });
    status = res.status;
    // An event stream never ends by itself: its status is the answer; cancelling closes it.
    if (res.headers.get("content-type")?.startsWith("text/event-stream")) await res.body?.cancel();
    else await res.text();
  } catch (error) {
    status = 599; // a thrown handler is what Next answers with a 500
    failures.push(`${r.method} ${url} threw ${String(error)}`);
  }
  tried.add(`${r.method} ${r.template}`);
  if (status >= 500) failures.push(`${r.method} ${url} ${body === undefined ? "" : body.slice(0, 80)} → ${status}`);
}

describe("fuzzing every API route", () => {
  it("answers bad path params, query strings and bodies with 4xx, never 5xx", async () => {
    const routes: RouteUnderTest[] = [];
    for (const r of routesOnDisk()) {
      const mod = (await import(path.join(API_DIR, r.file))) as Record<string, unknown>;
      if (typeof mod[r.method] === "function") routes.push({ ...r, handler: mod[r.method] as Handler });
    }
    expect(routes.length).toBeGreaterThan(15);
    const queue: (() => Promise<void>)[] = [];
    for (const r of routes) {
      const op = OPERATIONS.find((o) => o.path === r.template && o.method === r.method.toLowerCase());
      const names = [...r.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, paramValue(r.template, n)]));
      const url = r.template.replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));
      // Path params: each one hostile in turn.
      for (const name of names)
        for (const bad of BAD_PARAMS)
          queue.push(() =>
            send(r, url, { ...params, [name]: name === "path" ? [bad] : bad }, hasBody(r) ? "{}" : undefined),
          );
      // Query: every declared parameter (plus `q`, the search every list takes) with every hostile value.
      const queryNames = new Set(["q", ...Object.keys(op?.query?.shape ?? {})]);
      for (const name of queryNames)
        for (const bad of BAD_QUERY_VALUES)
          queue.push(() => send(r, `${url}?${new URLSearchParams({ [name]: bad })}`, params));
      if (!hasBody(r)) continue;
      // Bodies: unparsable or wrongly shaped ones, then each declared field hostile inside a valid body.
      for (const body of BAD_BODIES) queue.push(() => send(r, url, params, body));
      const base = VALID_BODIES[`${r.method} ${r.template}`] ?? {};
      const fields = new Set([...Object.keys(base), ...bodyFields(op?.body)]);
      for (const field of fields)
        for (const bad of BAD_VALUES) queue.push(() => send(r, url, params, withField(base, field, bad)));
      // And hostile values one level down, where nested input lives (context values, import rows).
      for (const [field, wrap] of Object.entries(NESTED[`${r.method} ${r.template}`] ?? {}))
        for (const bad of BAD_VALUES) queue.push(() => send(r, url, params, withField(base, field, wrap(bad))));
    }
    // A few at a time: the requests wait on the database more than on this process.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let task = queue.shift(); task; task = queue.shift()) await task();
      }),
    );
    expect(failures).toEqual([]);
    expect([...tried].sort()).toEqual(routes.map((r) => `${r.method} ${r.template}`).sort());
  }, 600_000);
});

const hasBody = (r: RouteUnderTest) => r.method === "POST" || r.method === "PATCH" || r.method === "PUT";

function bodyFields(schema: unknown): string[] {
  // zod objects expose their fields as `shape` (through refinements via `def.in`/`def.schema`).
  let s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } } | undefined;
  for (let i = 0; i < 5 && s && !s.shape; i++) s = (s.def?.in ?? s.def?.schema) as typeof s;
  return Object.keys(s?.shape ?? {});
}

/** The valid body with one field replaced by raw JSON text (which may be deeper than JSON.stringify allows). */
function withField(base: Record<string, unknown>, field: string, rawValue: string): string {
  const rest = Object.fromEntries(Object.entries(base).filter(([k]) => k !== field));
  const restText = JSON.stringify(rest).slice(1, -1);
  return `{${restText}${restText ? "," : ""}${JSON.stringify(field)}:${rawValue}}`;
}

/** A valid body per operation, so a hostile field travels as far into the app as it can. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  "POST /api/resolve": { phase: "introduction", context: { user_name: "Ada" } },
  "POST /api/prompts": { coachingPhase: "get_to_know_you", name: "n", description: "d", body: "Hello" },
  "PATCH /api/prompts/{id}": { name: "n", description: "d", isActive: true },
  "POST /api/phases/{phase}/rollback": { toVersion: 1 },
  "POST /api/import": { data: [], dryRun: true },
  "POST /api/users": { email: "fuzz@example.test", name: "F", password: "a long enough password", role: "viewer" },
  "PATCH /api/users/{id}": { name: "F" },
  "POST /api/api-keys": { name: "fuzz", scopes: ["resolve"] },
};
/** Fields that hold structures: hostile values go inside them too (as raw JSON text). */
const NESTED: Record<string, Record<string, (bad: string) => string>> = {
  "POST /api/resolve": {
    context: (bad) => `{"user_name": ${bad}, "recent_messages": [{"role": "user", "content": ${bad}}]}`,
  },
  "POST /api/import": {
    data: (bad) =>
      `[{"model": "prompts.prompt", "pk": 1, "fields": {"coaching_phase": "introduction", "version": ${bad}, ` +
      `"name": ${bad}, "body": ${bad}, "required_context_keys": [${bad}], "is_active": true}}]`,
  },
};
