import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn, type E2ERole } from "./auth";
import { saveVersionViaApi } from "./authoring";

/**
 * Sets the release policy as the e2e admin (in a context of its own). Specs of the direct paths
 * (activate, plain rollback) run with 0 and put the default (1) back when they end, so the specs
 * that follow see the product's default.
 */
export async function setRequiredApprovals(browser: Browser, requiredApprovals: 0 | 1): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "admin");
    const res = await page.request.put("/api/settings/release-policy", { data: { requiredApprovals } });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await context.close();
  }
}

// The release specs own the identity_refinement phase's versions and production (the confirm spec
// only types in its editor): releases.spec.ts (the flow) and releases-rules.spec.ts (the gates).
export const RELEASE_PHASE = "identity_refinement";
export const RELEASE_CONTEXT = { user_name: "Ada", current_identity: "Runner", refinement_identities: "Runner" };

/** Resolves the release specs' phase on a channel with a resolve-scoped key. */
export async function resolve(request: APIRequestContext, key: string, channel: "staging" | "production") {
  const res = await request.post("/api/resolve", {
    headers: { authorization: `Bearer ${key}` },
    data: { phase: RELEASE_PHASE, context: RELEASE_CONTEXT, channel },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { prompt: { version: number }; text: string };
  return { version: body.prompt.version, text: body.text, channel: res.headers()["x-prompt-channel"] };
}

/** A page signed in as `role` in a browser context of its own (a second person at another desk). */
export async function personAt(browser: Browser, role: E2ERole, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role, path);
  return page;
}

/** A draft saved and a release opened for it through the API, as the designer: answers the release id. */
export async function openReleaseViaApi(designer: Page, body: string, note: string, extraKeys: string[] = []) {
  const draft = await saveVersionViaApi(designer.request, {
    coachingPhase: RELEASE_PHASE,
    name: "Identity refinement",
    requiredContextKeys: ["user_name", "current_identity", "refinement_identities", ...extraKeys],
    body,
    isActive: false,
    changeNote: note,
  });
  const res = await designer.request.post("/api/releases", {
    data: { phase: RELEASE_PHASE, version: draft.version, note },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { id: (await res.json()).id as string, version: draft.version };
}
