import type { Page, Response, Route } from "@playwright/test";

// Monaco's bundle (our chunks are content-hashed, so it is recognised by content): Monaco reads
// `MonacoEnvironment` to start its worker, and nothing else in the app names it.
const MONACO_MARK = "MonacoEnvironment";
const isChunk = (url: string) => url.includes("/_next/static/chunks/") && url.endsWith(".js");

/** Resolves with the first JS response carrying Monaco (rejects after `timeout` ms). */
export function monacoResponse(page: Page, timeout = 15_000): Promise<Response> {
  return page.waitForResponse(async (r) => isChunk(r.url()) && (await r.text()).includes(MONACO_MARK), { timeout });
}

/** Counts the Monaco chunks the page has received so far. */
export function countMonacoChunks(page: Page): () => number {
  let n = 0;
  page.on("response", async (r) => {
    if (isChunk(r.url()) && (await r.text().catch(() => "")).includes(MONACO_MARK)) n += 1;
  });
  return () => n;
}

/**
 * Holds back Monaco's bundle (as a slow network would) until the returned `release` is called; every
 * other chunk passes at once.
 */
export async function holdMonaco(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let markHeld = () => {};
  const held = new Promise<void>((r) => (markHeld = r));
  await page.route("**/_next/static/chunks/**", async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(MONACO_MARK)) {
      markHeld();
      await gate;
    }
    await route.fulfill({ response, body });
  });
  return { release, held };
}
