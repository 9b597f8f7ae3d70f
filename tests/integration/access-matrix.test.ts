import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as resolve from "@/app/api/resolve/route";
import * as prompts from "@/app/api/prompts/route";
import * as promptItem from "@/app/api/prompts/[id]/route";
import * as rollback from "@/app/api/phases/[phase]/rollback/route";
import * as catalog from "@/app/api/catalog/route";
import * as health from "@/app/api/health/route";
import * as ready from "@/app/api/health/ready/route";
import * as users from "@/app/api/users/route";
import * as userItem from "@/app/api/users/[id]/route";
import * as keys from "@/app/api/api-keys/route";
import * as keyItem from "@/app/api/api-keys/[id]/route";
import * as audit from "@/app/api/audit/route";
import * as unknown from "@/app/api/[...path]/route";
import * as importRoute from "@/app/api/import/route";
import * as exportRoute from "@/app/api/export/route";
import * as openapi from "@/app/api/openapi.json/route";
import * as docs from "@/app/api/docs/route";
import * as releasePolicy from "@/app/api/settings/release-policy/route";
import * as actionList from "@/app/api/actions/route";
import * as actionItem from "@/app/api/actions/[type]/route";
import * as instructionItem from "@/app/api/action-instructions/[id]/route";
import * as staging from "@/app/api/phases/[phase]/staging/route";
import * as events from "@/app/api/events/route";
import * as promptChecks from "@/app/api/prompts/[id]/checks/route";
import * as releaseList from "@/app/api/releases/route";
import * as releaseItem from "@/app/api/releases/[id]/route";
import * as releaseApprove from "@/app/api/releases/[id]/approve/route";
import * as releaseReject from "@/app/api/releases/[id]/reject/route";
import * as releaseWithdraw from "@/app/api/releases/[id]/withdraw/route";
import * as releaseRelease from "@/app/api/releases/[id]/release/route";
import * as releaseComments from "@/app/api/releases/[id]/comments/route";
import * as webhookList from "@/app/api/webhooks/route";
import * as webhookItem from "@/app/api/webhooks/[id]/route";
import * as webhookDeliveries from "@/app/api/webhooks/[id]/deliveries/route";
import { createWebhook } from "@/lib/server/services/webhook-service";
import { openRelease } from "@/lib/server/services/release-service";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { apiKey, signedInUser } from "../support/auth";
import { call } from "../support/http";
import { serveOnSave } from "../support/serving";

type Who =
  | "anonymous"
  | "viewer"
  | "designer"
  | "admin"
  | "key:resolve"
  | "key:prompts:read"
  | "key:prompts:write"
  | "key:revoked"
  | "key:expired";
const WHO: Who[] = [
  "anonymous",
  "viewer",
  "designer",
  "admin",
  "key:resolve",
  "key:prompts:read",
  "key:prompts:write",
  "key:revoked",
  "key:expired",
];
const headers = {} as Record<Who, Record<string, string>>;
let promptId = "";
let userId = "";

beforeAll(async () => {
  await serveOnSave(); // access, not the release policy, is under test: PATCH and rollback may change production
  headers.anonymous = {};
  for (const role of ["viewer", "designer", "admin"] as const) headers[role] = (await signedInUser(role)).headers;
  for (const scope of ["resolve", "prompts:read", "prompts:write"] as const)
    headers[`key:${scope}`] = (await apiKey([scope])).headers;
  headers["key:revoked"] = (await apiKey(["resolve", "prompts:read", "prompts:write"], "revoked")).headers;
  headers["key:expired"] = (await apiKey(["resolve", "prompts:read", "prompts:write"], "expired")).headers;
  promptId = (
    await createPrompt(SYSTEM_CALLER, {
      coachingPhase: "introduction",
      body: "Hi {user_name}",
      requiredContextKeys: ["user_name"],
      isActive: true,
    })
  ).id;
  userId = (await signedInUser("viewer")).user.id;
});

const DENIED = { "anonymous": 401, "key:revoked": 401, "key:expired": 401 } as const;
// Expected status per caller; unlisted callers get 403.
const readers = { ...DENIED, "viewer": 200, "designer": 200, "admin": 200, "key:prompts:read": 200 };
const writers = (ok: number) => ({ ...DENIED, "designer": ok, "admin": ok, "key:prompts:write": ok });
const admins = (ok: number) => ({ ...DENIED, admin: ok });
/** A new draft and an open release for it, requested by the system (so no caller below is its requester). */
async function freshRelease(): Promise<string> {
  const draft = await createPrompt(SYSTEM_CALLER, { coachingPhase: "introduction", body: "Next {user_name}" });
  return (await openRelease(SYSTEM_CALLER, { phase: "introduction", version: draft.version, note: "matrix" })).id;
}
/** A webhook registered by the system, for the per-webhook routes. */
async function freshWebhook(): Promise<string> {
  const made = await createWebhook(SYSTEM_CALLER, { url: "https://example.test/matrix", events: ["prompt.changed"] });
  return made.webhook.id;
}
const onRelease = (handler: typeof releaseApprove.POST, body?: unknown) => async (h: Record<string, string>) =>
  call(handler, { method: "POST", headers: h, params: { id: await freshRelease() }, body });
const everyone = (status: number) => Object.fromEntries(WHO.map((w) => [w, status]));

interface Case {
  name: string;
  expected: Partial<Record<Who, number>>;
  run: (h: Record<string, string>) => Promise<{ status: number }>;
}
const cases: Case[] = [
  { name: "GET /api/health", expected: everyone(200), run: (h) => call(health.GET, { headers: h }) },
  {
    name: "GET /api/health/ready",
    expected: everyone(200),
    // Public like health; it answers 503 until this process's cache listener is up, so wait for that.
    run: async (h) => {
      let res = await call(ready.GET, { headers: h });
      for (let i = 0; i < 100 && res.status === 503; i++) {
        await new Promise((r) => setTimeout(r, 50));
        res = await call(ready.GET, { headers: h });
      }
      return res;
    },
  },
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((m): Case => ({
    name: `${m} /api/{...path}`,
    expected: everyone(404),
    run: (h) => call(unknown[m], { method: m, headers: h, path: "/api/nope", params: { path: ["nope"] } }),
  })),
  {
    name: "POST /api/resolve",
    expected: { ...DENIED, "viewer": 200, "designer": 200, "admin": 200, "key:resolve": 200 },
    run: (h) =>
      call(resolve.POST, { method: "POST", headers: h, body: { phase: "introduction", context: { user_name: "A" } } }),
  },
  {
    name: "GET /api/catalog",
    expected: { ...everyone(200), ...DENIED },
    run: (h) => call(catalog.GET, { headers: h }),
  },
  { name: "GET /api/prompts", expected: readers, run: (h) => call(prompts.GET, { headers: h }) },
  {
    name: "GET /api/prompts/{id}",
    expected: readers,
    run: (h) => call(promptItem.GET, { headers: h, params: { id: promptId } }),
  },
  {
    name: "POST /api/prompts/{id}/checks",
    expected: readers,
    run: (h) => call(promptChecks.POST, { method: "POST", headers: h, params: { id: promptId } }),
  },
  {
    name: "POST /api/prompts",
    expected: writers(201),
    run: (h) =>
      call(prompts.POST, { method: "POST", headers: h, body: { coachingPhase: "get_to_know_you", body: "x" } }),
  },
  {
    name: "PATCH /api/prompts/{id}",
    expected: writers(200),
    run: (h) =>
      call(promptItem.PATCH, { method: "PATCH", headers: h, params: { id: promptId }, body: { name: "renamed" } }),
  },
  {
    name: "POST /api/phases/{phase}/rollback",
    expected: writers(200),
    run: (h) =>
      call(rollback.POST, { method: "POST", headers: h, params: { phase: "introduction" }, body: { toVersion: 1 } }),
  },
  {
    name: "PUT /api/phases/{phase}/staging",
    expected: writers(200),
    run: (h) =>
      call(staging.PUT, { method: "PUT", headers: h, params: { phase: "introduction" }, body: { version: 1 } }),
  },
  {
    name: "DELETE /api/phases/{phase}/staging",
    expected: writers(200),
    run: (h) => call(staging.DELETE, { method: "DELETE", headers: h, params: { phase: "introduction" } }),
  },
  { name: "GET /api/releases", expected: readers, run: (h) => call(releaseList.GET, { headers: h }) },
  {
    name: "POST /api/releases",
    expected: writers(201),
    run: async (h) => {
      const draft = await createPrompt(SYSTEM_CALLER, { coachingPhase: "introduction", body: "Open {user_name}" });
      return call(releaseList.POST, {
        method: "POST",
        headers: h,
        body: { phase: "introduction", version: draft.version, note: "matrix" },
      });
    },
  },
  {
    name: "GET /api/releases/{id}",
    expected: readers,
    run: async (h) => call(releaseItem.GET, { headers: h, params: { id: await freshRelease() } }),
  },
  // Approvals are people's: a designer or admin other than the requester, never an API key.
  {
    name: "POST /api/releases/{id}/approve",
    expected: { ...DENIED, designer: 200, admin: 200 },
    run: onRelease(releaseApprove.POST, {}),
  },
  {
    name: "POST /api/releases/{id}/reject",
    expected: writers(200),
    run: onRelease(releaseReject.POST, { comment: "no" }),
  },
  // Only the requester (here the system) may withdraw.
  { name: "POST /api/releases/{id}/withdraw", expected: DENIED, run: onRelease(releaseWithdraw.POST) },
  // This file's policy requires no approval, so an open release may be released at once.
  { name: "POST /api/releases/{id}/release", expected: writers(200), run: onRelease(releaseRelease.POST) },
  {
    name: "POST /api/releases/{id}/comments",
    expected: readers,
    run: onRelease(releaseComments.POST, { comment: "looks fine" }),
  },
  { name: "GET /api/settings/release-policy", expected: readers, run: (h) => call(releasePolicy.GET, { headers: h }) },
  {
    name: "PUT /api/settings/release-policy",
    expected: admins(200),
    run: (h) => call(releasePolicy.PUT, { method: "PUT", headers: h, body: { requiredApprovals: 0 } }),
  },
  { name: "GET /api/users", expected: admins(200), run: (h) => call(users.GET, { headers: h }) },
  {
    name: "POST /api/users",
    expected: admins(201),
    run: (h) =>
      call(users.POST, {
        method: "POST",
        headers: h,
        body: { email: `u${Math.random()}@example.test`, password: "a long enough password", role: "viewer" },
      }),
  },
  {
    name: "PATCH /api/users/{id}",
    expected: admins(200),
    run: (h) =>
      call(userItem.PATCH, { method: "PATCH", headers: h, params: { id: userId }, body: { name: "Renamed" } }),
  },
  { name: "GET /api/api-keys", expected: admins(200), run: (h) => call(keys.GET, { headers: h }) },
  {
    name: "POST /api/api-keys",
    expected: admins(201),
    run: (h) => call(keys.POST, { method: "POST", headers: h, body: { name: "svc", scopes: ["resolve"] } }),
  },
  {
    name: "DELETE /api/api-keys/{id}",
    expected: admins(200),
    run: async (h) =>
      call(keyItem.DELETE, { method: "DELETE", headers: h, params: { id: (await apiKey(["resolve"])).id } }),
  },
  { name: "GET /api/audit", expected: admins(200), run: (h) => call(audit.GET, { headers: h }) },
  { name: "GET /api/webhooks", expected: admins(200), run: (h) => call(webhookList.GET, { headers: h }) },
  {
    name: "POST /api/webhooks",
    expected: admins(201),
    run: (h) =>
      call(webhookList.POST, {
        method: "POST",
        headers: h,
        body: { url: "https://example.test/hook", events: ["prompt.changed"] },
      }),
  },
  {
    name: "DELETE /api/webhooks/{id}",
    expected: admins(200),
    run: async (h) => call(webhookItem.DELETE, { method: "DELETE", headers: h, params: { id: await freshWebhook() } }),
  },
  {
    name: "GET /api/webhooks/{id}/deliveries",
    expected: admins(200),
    run: async (h) => call(webhookDeliveries.GET, { headers: h, params: { id: await freshWebhook() } }),
  },
  { name: "GET /api/actions", expected: readers, run: (h) => call(actionList.GET, { headers: h }) },
  {
    name: "GET /api/actions/{type}",
    expected: readers,
    run: (h) => call(actionItem.GET, { headers: h, params: { type: "add_user_note" } }),
  },
  {
    name: "POST /api/actions/{type}",
    expected: writers(201),
    run: (h) =>
      call(actionItem.POST, {
        method: "POST",
        headers: h,
        params: { type: "add_user_note" },
        body: { instruction: "Remember facts." },
      }),
  },
  {
    name: "PATCH /api/action-instructions/{id}",
    expected: writers(200),
    run: async (h) => {
      const serving = await call(actionItem.GET, { headers: headers.admin, params: { type: "add_user_note" } });
      return call(instructionItem.PATCH, {
        method: "PATCH",
        headers: h,
        params: { id: serving.body.serving.id },
        body: { isActive: true },
      });
    },
  },
  {
    name: "POST /api/import",
    expected: writers(200),
    run: (h) => call(importRoute.POST, { method: "POST", headers: h, body: { data: [], dryRun: true } }),
  },
  {
    name: "GET /api/export",
    expected: readers,
    run: (h) => call(exportRoute.GET, { headers: h, path: "/api/export?format=native" }),
  },
  // The API's description is public, like any published API reference: it holds no prompt or secret.
  { name: "GET /api/openapi.json", expected: everyone(200), run: (h) => call(openapi.GET, { headers: h }) },
  { name: "GET /api/docs", expected: everyone(200), run: (h) => callRaw(docs.GET, h) },
  {
    name: "GET /api/events",
    expected: { ...DENIED, "viewer": 200, "designer": 200, "admin": 200, "key:resolve": 200 },
    run: (h) => callStream(events.GET, h),
  },
];

// A stream stays open: take its status, then hang up.
async function callStream(handler: (req: Request) => Promise<Response>, h: Record<string, string>) {
  const abort = new AbortController();
  const res = await handler(new Request("http://localhost/api/events", { headers: h, signal: abort.signal }));
  abort.abort();
  await res.body?.cancel().catch(() => undefined);
  return { status: res.status };
}

async function callRaw(handler: (req: Request) => Promise<Response>, h: Record<string, string>) {
  const res = await handler(new Request("http://localhost/api/docs", { headers: h }));
  return { status: res.status };
}

describe("the matrix covers every route handler", () => {
  it("has a case for each exported method of every app/api route file (next-auth's own excepted)", async () => {
    const files = (await readdir("app/api", { recursive: true })).filter(
      (f) => f.endsWith("route.ts") && !f.includes("[...nextauth]"),
    );
    const expected: string[] = [];
    for (const file of files) {
      const mod = await import(/* @vite-ignore */ path.resolve("app/api", file));
      const route = `/api/${path.dirname(file)}`.replace(/\/\.$/, "").replace(/\[([^\]]+)\]/g, "{$1}");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
        if (method in mod) expected.push(`${method} ${route}`);
    }
    expect(cases.map((c) => c.name).sort()).toEqual(expected.sort());
  });
});

describe("access matrix: every route × every kind of caller", () => {
  for (const c of cases) {
    it.each(WHO)(`${c.name} as %s`, async (who) => {
      const res = await c.run(headers[who]);
      expect(res.status).toBe(c.expected[who] ?? 403);
    });
  }
});
