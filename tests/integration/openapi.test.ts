import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as resolve from "@/app/api/resolve/route";
import * as prompts from "@/app/api/prompts/route";
import * as prompt from "@/app/api/prompts/[id]/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import * as catalog from "@/app/api/catalog/route";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/health/ready/route";
import * as exportRoute from "@/app/api/export/route";
import * as importRoute from "@/app/api/import/route";
import * as openapi from "@/app/api/openapi.json/route";
import * as docs from "@/app/api/docs/route";
import * as actionList from "@/app/api/actions/route";
import * as actionItem from "@/app/api/actions/[type]/route";
import * as instructionItem from "@/app/api/action-instructions/[id]/route";
import * as events from "@/app/api/events/route";
import * as users from "@/app/api/users/route";
import * as userItem from "@/app/api/users/[id]/route";
import * as keys from "@/app/api/api-keys/route";
import * as keyItem from "@/app/api/api-keys/[id]/route";
import * as audit from "@/app/api/audit/route";
import * as releasePolicy from "@/app/api/settings/release-policy/route";
import * as staging from "@/app/api/phases/[phase]/staging/route";
import * as promptChecks from "@/app/api/prompts/[id]/checks/route";
import * as webhookList from "@/app/api/webhooks/route";
import * as webhookItem from "@/app/api/webhooks/[id]/route";
import * as webhookDeliveries from "@/app/api/webhooks/[id]/deliveries/route";
import * as releaseList from "@/app/api/releases/route";
import * as releaseItem from "@/app/api/releases/[id]/route";
import * as releaseApprove from "@/app/api/releases/[id]/approve/route";
import * as releaseReject from "@/app/api/releases/[id]/reject/route";
import * as releaseWithdraw from "@/app/api/releases/[id]/withdraw/route";
import * as releaseRelease from "@/app/api/releases/[id]/release/route";
import * as releaseComments from "@/app/api/releases/[id]/comments/route";
import { db } from "@/lib/server/db/client";
import { buildOpenApiDocument } from "@/lib/server/openapi/document";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { openApiValidator } from "../support/openapi-validator";
import { apiKey, signedInUser } from "../support/auth";
import { waitFor } from "../support/wait";
import { readOldActionsFixture, readOldSystemFixture } from "../support/old-system-fixture";

const doc = buildOpenApiDocument();
const validate = openApiValidator(doc);
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// The catch-all answers unknown API paths with 404 in the error format, and next-auth's own endpoints
// serve the sign-in page's browser flow (CSRF token, form post, cookies): neither is an API operation.
const NOT_OPERATIONS = ["[...path]/route.ts", "auth/[...nextauth]/route.ts"];

type Handler = (req: Request, segment: { params: Promise<any> }) => Promise<Response>;
const errors: string[] = [];
let auth: Record<string, string> = {};
const exercised = new Set<string>();

/** GET /api/events stays open: validate its status and type (and a refusal's body), then hang up. */
async function checkEventStream(as: Record<string, string>, hangUp = true): Promise<() => void> {
  const abort = new AbortController();
  const res = await events.GET(new Request("http://localhost/api/events", { headers: as, signal: abort.signal }), {
    params: Promise.resolve({}),
  });
  const type = res.headers.get("content-type") ?? "";
  const body = res.ok ? "" : await res.json();
  errors.push(...validate("/api/events", "get", res.status, type, body));
  exercised.add(`get /api/events ${res.status}`);
  if (hangUp) abort.abort();
  return () => abort.abort();
}

/** Calls a handler as Next would and validates the answer against the document. */
async function check(
  handler: Handler,
  template: string,
  method: string,
  init: {
    url?: string;
    params?: Record<string, string>;
    body?: unknown;
    accept?: string;
    as?: Record<string, string>;
  } = {},
) {
  const headers = new Headers({ ...(init.as ?? auth), ...(init.accept ? { accept: init.accept } : {}) });
  const req = new Request(`http://localhost${init.url ?? template}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve(init.params ?? {}) });
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  const bodies = type.startsWith("application/x-ndjson")
    ? text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [type.startsWith("text/") ? text : JSON.parse(text)];
  for (const body of bodies) errors.push(...validate(template, method.toLowerCase(), res.status, type, body));
  exercised.add(`${method.toLowerCase()} ${template} ${res.status}`);
  return { status: res.status, body: bodies.at(-1), text };
}

describe("the OpenAPI document", () => {
  it("has every route file's exported methods, and nothing else", async () => {
    const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts"))
      .sort();
    expect(files.filter((f) => NOT_OPERATIONS.includes(f))).toEqual(NOT_OPERATIONS);
    const routes: string[] = [];
    for (const file of files.filter((f) => !NOT_OPERATIONS.includes(f))) {
      const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
      const apiPath = `/api/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
      for (const method of METHODS)
        if (typeof mod[method] === "function") routes.push(`${method.toLowerCase()} ${apiPath}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(routes.sort());
  });

  it("lists the audit log's time window among its query parameters", () => {
    const params = (doc.paths["/api/audit"]?.get?.parameters ?? []) as { name: string; schema: JsonLike }[];
    const byName = new Map(params.map((p) => [p.name, p.schema]));
    for (const name of ["target", "actor", "action", "since", "until", "before", "limit"])
      expect(byName.has(name)).toBe(true);
    expect(byName.get("since")).toMatchObject({ type: "string", format: "date-time" });
    expect(byName.get("until")).toMatchObject({ type: "string", format: "date-time" });
    const since = params.find((p) => p.name === "since") as { description?: string };
    expect(since.description).toMatch(/at or after/);
  });
});

type JsonLike = Record<string, unknown>;

describe("integration responses validate against the document", () => {
  beforeAll(async () => {
    await seedDemoPrompts({ onlyIfEmpty: true });
    auth = (await apiKey(["resolve", "prompts:read", "prompts:write"])).headers;
  });

  it("for every operation, including its error answers", async () => {
    const ctx = { user_name: "Ada" };
    await check(resolve.POST, "/api/resolve", "POST", { body: { phase: "introduction", context: ctx } });
    await check(resolve.POST, "/api/resolve", "POST", {
      body: { phase: "introduction", context: ctx, provider: "anthropic" },
    });
    await check(resolve.POST, "/api/resolve", "POST", { body: { phase: "introduction", context: { username: "x" } } });
    await check(resolve.POST, "/api/resolve", "POST", { body: { phase: "introduction", version: 99, context: ctx } });
    await check(resolve.POST, "/api/resolve", "POST", { body: { phase: "introduction", context: {} } });

    const list = await check(prompts.GET, "/api/prompts", "GET", { url: "/api/prompts?limit=2" });
    await check(prompts.GET, "/api/prompts", "GET", { url: "/api/prompts?active=maybe" });
    const made = await check(prompts.POST, "/api/prompts", "POST", {
      body: { coachingPhase: "identity_affirmation", body: "Hi {user_name}", requiredContextKeys: ["user_name"] },
    });
    expect(made.status).toBe(201);
    const direct = await check(prompts.POST, "/api/prompts", "POST", {
      body: { coachingPhase: "identity_affirmation", body: "Hi", isActive: true },
    });
    expect(direct.body.error.code).toBe("review_required");
    await check(prompts.POST, "/api/prompts", "POST", { body: { coachingPhase: "outro", body: "x" } });
    await check(prompts.POST, "/api/prompts", "POST", { body: { coachingPhase: "introduction", body: "{user_name)" } });

    const id = list.body.items[0].id as string;
    await check(prompt.GET, "/api/prompts/{id}", "GET", { params: { id } });
    await check(prompt.GET, "/api/prompts/{id}", "GET", { params: { id: "nope" } });
    await check(prompt.PATCH, "/api/prompts/{id}", "PATCH", { params: { id }, body: { name: "Renamed" } });
    await check(prompt.PATCH, "/api/prompts/{id}", "PATCH", { params: { id }, body: { body: "changed" } });
    await check(prompt.PATCH, "/api/prompts/{id}", "PATCH", { params: { id }, body: { isActive: "yes" } });
    await check(prompt.PATCH, "/api/prompts/{id}", "PATCH", {
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: { name: "x" },
    });

    const plainRollback = await check(rollback.POST, "/api/phases/{phase}/rollback", "POST", {
      params: { phase: "introduction" },
      body: { toVersion: 1 },
    });
    expect(plainRollback.body.error.code).toBe("review_required");
    await check(rollback.POST, "/api/phases/{phase}/rollback", "POST", {
      as: (await signedInUser("admin")).headers,
      params: { phase: "introduction" },
      body: { toVersion: 1, emergency: true, note: "documented" },
    });
    await check(rollback.POST, "/api/phases/{phase}/rollback", "POST", {
      params: { phase: "introduction" },
      body: { toVersion: 42 },
    });
    await check(rollback.POST, "/api/phases/{phase}/rollback", "POST", {
      params: { phase: "outro" },
      body: { toVersion: 1 },
    });

    await check(catalog.GET, "/api/catalog", "GET");
    await check(health.GET, "/api/health", "GET");
    // 200 once this process's cache listener is up (503 before that is documented too).
    await waitFor("readiness", async () => (await ready.GET(new Request("http://localhost/api/health/ready"))).ok);
    await check(ready.GET, "/api/health/ready", "GET");

    await check(exportRoute.GET, "/api/export", "GET", { url: "/api/export" });
    await check(exportRoute.GET, "/api/export", "GET", { url: "/api/export?format=django&phase=introduction" });
    await check(exportRoute.GET, "/api/export", "GET", { url: "/api/export?format=xml" });

    const { data } = readOldSystemFixture();
    await check(importRoute.POST, "/api/import", "POST", { body: { data } });
    await check(importRoute.POST, "/api/import", "POST", { body: { data, dryRun: false } });
    await check(importRoute.POST, "/api/import", "POST", { body: { data }, accept: "application/x-ndjson" });
    await check(importRoute.POST, "/api/import", "POST", { body: { data: {} } });
    await check(importRoute.POST, "/api/import", "POST", { body: { data: JSON.parse(readOldActionsFixture().text) } });

    await check(actionList.GET, "/api/actions", "GET");
    await check(actionItem.GET, "/api/actions/{type}", "GET", { params: { type: "create_identity" } });
    await check(actionItem.GET, "/api/actions/{type}", "GET", { params: { type: "transition_state" } });
    const version = await check(actionItem.POST, "/api/actions/{type}", "POST", {
      params: { type: "create_identity" },
      body: { instruction: "Create it.", fieldDescriptions: { name: "Its name" } },
    });
    await check(actionItem.POST, "/api/actions/{type}", "POST", {
      params: { type: "create_identity" },
      body: { instruction: "Create it.", fieldDescriptions: { nmae: "typo" } },
    });
    await check(actionItem.POST, "/api/actions/{type}", "POST", {
      params: { type: "nope" },
      body: { instruction: "x" },
    });
    const path = "/api/action-instructions/{id}";
    await check(instructionItem.PATCH, path, "PATCH", { params: { id: version.body.id }, body: { isActive: true } });
    await check(instructionItem.PATCH, path, "PATCH", { params: { id: version.body.id }, body: { isActive: "y" } });
    await check(instructionItem.PATCH, path, "PATCH", {
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: { isActive: true },
    });
    const only = (await check(actionItem.GET, "/api/actions/{type}", "GET", { params: { type: "accept_identity" } }))
      .body.serving.id as string;
    await check(instructionItem.PATCH, path, "PATCH", { params: { id: only }, body: { isActive: false } });

    const admin = (await signedInUser("admin")).headers;
    const as = admin;
    await check(users.GET, "/api/users", "GET", { as });
    const user = await check(users.POST, "/api/users", "POST", {
      as,
      body: { email: "doc@example.test", password: "a long password" },
    });
    await check(users.POST, "/api/users", "POST", {
      as,
      body: { email: "DOC@example.test", password: "a long password" },
    });
    await check(users.POST, "/api/users", "POST", { as, body: { email: "short@example.test", password: "short" } });
    await check(userItem.PATCH, "/api/users/{id}", "PATCH", {
      as,
      params: { id: user.body.id },
      body: { role: "designer" },
    });
    await check(userItem.PATCH, "/api/users/{id}", "PATCH", {
      as,
      params: { id: user.body.id },
      body: { role: "owner" },
    });
    await check(userItem.PATCH, "/api/users/{id}", "PATCH", {
      as,
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: {},
    });
    await check(keys.GET, "/api/api-keys", "GET", { as });
    const key = await check(keys.POST, "/api/api-keys", "POST", { as, body: { name: "doc", scopes: ["resolve"] } });
    await check(keys.POST, "/api/api-keys", "POST", { as, body: { name: "doc", scopes: [] } });
    await check(keyItem.DELETE, "/api/api-keys/{id}", "DELETE", { as, params: { id: key.body.apiKey.id } });
    await check(keyItem.DELETE, "/api/api-keys/{id}", "DELETE", { as, params: { id: "nope" } });
    await checkWebhooks(as);
    await check(audit.GET, "/api/audit", "GET", { as, url: "/api/audit?limit=5" });
    await check(audit.GET, "/api/audit", "GET", { as, url: "/api/audit?before=x" });
    const window = "since=2020-01-01T00:00:00Z&until=2999-01-01T00:00:00%2B02:00";
    const windowed = await check(audit.GET, "/api/audit", "GET", { as, url: `/api/audit?${window}&limit=5` });
    expect(windowed.body.items.length).toBeGreaterThan(0);
    await check(audit.GET, "/api/audit", "GET", { as, url: "/api/audit?since=yesterday" });
    const stagingPath = "/api/phases/{phase}/staging";
    await check(staging.PUT, stagingPath, "PUT", { params: { phase: "introduction" }, body: { version: 1 } });
    await check(staging.PUT, stagingPath, "PUT", { params: { phase: "introduction" }, body: { version: 404 } });
    await check(staging.PUT, stagingPath, "PUT", { params: { phase: "outro" }, body: { version: 1 } });
    await check(resolve.POST, "/api/resolve", "POST", {
      body: { phase: "introduction", context: ctx, channel: "staging" },
    });
    await check(staging.DELETE, stagingPath, "DELETE", { params: { phase: "introduction" } });
    await check(staging.DELETE, stagingPath, "DELETE", { params: { phase: "nope" } });
    await checkReleases(as);
    await check(releasePolicy.GET, "/api/settings/release-policy", "GET");
    await check(releasePolicy.PUT, "/api/settings/release-policy", "PUT", { as, body: { requiredApprovals: 1 } });
    await check(releasePolicy.PUT, "/api/settings/release-policy", "PUT", { as, body: { requiredApprovals: 3 } });
    // The authentication answers, too.
    await check(resolve.POST, "/api/resolve", "POST", { as: {}, body: { phase: "introduction", context: ctx } });
    await check(prompts.POST, "/api/prompts", "POST", {
      as: (await apiKey(["resolve"])).headers,
      body: { coachingPhase: "introduction", body: "x" },
    });

    await checkEventStream(auth);
    process.env.PM_EVENTS_MAX_PER_KEY = "1";
    const held = await checkEventStream(auth, false);
    await checkEventStream(auth); // 429: this key's one stream is open
    held();
    delete process.env.PM_EVENTS_MAX_PER_KEY;

    await check(openapi.GET, "/api/openapi.json", "GET");
    const page = await check(docs.GET, "/api/docs", "GET");
    for (const p of Object.keys(doc.paths)) expect(page.text).toContain(`<code>${p}</code>`);
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing loaded from another origin

    expect(errors).toEqual([]);
    // Every operation was called, and every documented status except 401/403 (exercised above for two
    // operations; the access matrix test covers the rest) and 503 (database down).
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) =>
        Object.keys((op as { responses: object }).responses)
          .filter((s) => !["401", "403", "503", "default"].includes(s))
          .map((s) => `${m} ${p} ${s}`),
      ),
    );
    expect(documented.filter((d) => !exercised.has(d))).toEqual([]);
  });

  /** Every webhook operation and status, with a delivery (pending: no worker runs here) in the log. */
  async function checkWebhooks(as: Record<string, string>) {
    const none = "00000000-0000-4000-8000-000000000000";
    await check(webhookList.POST, "/api/webhooks", "POST", { as, body: { url: "file:///etc", events: ["x"] } });
    const made = await check(webhookList.POST, "/api/webhooks", "POST", {
      as,
      body: { url: "http://127.0.0.1:9/hook", events: ["prompt.changed"] },
    });
    const id = made.body.webhook.id as string;
    await check(webhookList.GET, "/api/webhooks", "GET", { as });
    // A change event as the database's triggers record one: the queue gets a delivery for it.
    await db().$queryRaw`SELECT pm_emit_event('prompt.changed', '{"phase": null}'::jsonb)::text`;
    const log = await check(webhookDeliveries.GET, "/api/webhooks/{id}/deliveries", "GET", { as, params: { id } });
    expect(log.body.items).toHaveLength(1);
    await check(webhookDeliveries.GET, "/api/webhooks/{id}/deliveries", "GET", { as, params: { id: none } });
    await check(webhookItem.DELETE, "/api/webhooks/{id}", "DELETE", { as, params: { id } });
    await check(webhookItem.DELETE, "/api/webhooks/{id}", "DELETE", { as, params: { id } });
  }

  /** Every releases operation and status; the API key of `auth` requests, a designer reviews. */
  async function checkReleases(admin: Record<string, string>) {
    const designer = (await signedInUser("designer")).headers;
    const none = "00000000-0000-4000-8000-000000000000";
    const draft = async () =>
      (
        await check(prompts.POST, "/api/prompts", "POST", {
          body: { coachingPhase: "identity_visualization", body: "R" },
        })
      ).body.version as number;
    const open = async () =>
      (
        await check(releaseList.POST, "/api/releases", "POST", {
          body: { phase: "identity_visualization", version: await draft(), note: "doc" },
        })
      ).body.id as string;
    const op = (segment: string) => `/api/releases/{id}/${segment}`;
    const checksPath = "/api/prompts/{id}/checks";
    const first = await open();
    const firstRelease = (await check(releaseItem.GET, "/api/releases/{id}", "GET", { params: { id: first } })).body;
    await check(promptChecks.POST, checksPath, "POST", { params: { id: firstRelease.targetPromptId } });
    await check(promptChecks.POST, checksPath, "POST", {
      params: { id: firstRelease.targetPromptId },
      body: { draft: 1 },
    });
    await check(promptChecks.POST, checksPath, "POST", { params: { id: none } });
    await check(releaseList.POST, "/api/releases", "POST", {
      body: { phase: "identity_visualization", version: 999, note: "x" },
    });
    await check(releaseList.POST, "/api/releases", "POST", { body: { phase: "identity_visualization" } });
    const production = (
      await check(resolve.POST, "/api/resolve", "POST", {
        body: { phase: "introduction", context: { user_name: "A" } },
      })
    ).body.prompt.version;
    await check(releaseList.POST, "/api/releases", "POST", {
      body: { phase: "introduction", version: production, note: "x" },
    });
    await check(releaseList.GET, "/api/releases", "GET", { url: "/api/releases?status=open" });
    await check(releaseList.GET, "/api/releases", "GET", { url: "/api/releases?status=nope" });
    await check(releaseItem.GET, "/api/releases/{id}", "GET", { params: { id: first } });
    await check(releaseItem.GET, "/api/releases/{id}", "GET", { params: { id: none } });
    await check(releaseApprove.POST, op("approve"), "POST", {
      as: designer,
      params: { id: first },
      body: { comment: "ok" },
    });
    await check(releaseApprove.POST, op("approve"), "POST", { as: designer, params: { id: first }, body: {} });
    await check(releaseApprove.POST, op("approve"), "POST", {
      as: designer,
      params: { id: first },
      body: { overrideChecks: "x" },
    });
    await check(releaseApprove.POST, op("approve"), "POST", { as: designer, params: { id: none }, body: {} });
    await check(releaseComments.POST, op("comments"), "POST", { params: { id: first }, body: { comment: "noted" } });
    await check(releaseComments.POST, op("comments"), "POST", { params: { id: first }, body: { comment: "" } });
    await check(releaseComments.POST, op("comments"), "POST", { params: { id: none }, body: { comment: "x" } });
    await check(releaseRelease.POST, op("release"), "POST", { params: { id: first } });
    await check(releaseRelease.POST, op("release"), "POST", { params: { id: first } });
    await check(releaseRelease.POST, op("release"), "POST", { params: { id: none } });
    const second = await open();
    await check(releaseReject.POST, op("reject"), "POST", {
      as: admin,
      params: { id: second },
      body: { comment: "no" },
    });
    await check(releaseReject.POST, op("reject"), "POST", {
      as: admin,
      params: { id: second },
      body: { comment: "no" },
    });
    await check(releaseReject.POST, op("reject"), "POST", { as: admin, params: { id: second }, body: {} });
    await check(releaseReject.POST, op("reject"), "POST", { as: admin, params: { id: none }, body: { comment: "x" } });
    const third = await open();
    await check(releaseWithdraw.POST, op("withdraw"), "POST", { params: { id: third } });
    await check(releaseWithdraw.POST, op("withdraw"), "POST", { params: { id: third } });
    await check(releaseWithdraw.POST, op("withdraw"), "POST", { params: { id: none } });
  }

  it("catches a response that does not match", () => {
    const health = { status: "fine", db: "up", listener: "up", deafResolves: 0, draining: false };
    expect(validate("/api/health", "get", 200, "application/json", health)).toEqual([
      "GET /api/health 200: /status must be equal to one of the allowed values",
    ]);
    expect(validate("/api/health", "get", 418, "application/json", {})).toEqual([
      "GET /api/health does not document status 418",
    ]);
  });
});
