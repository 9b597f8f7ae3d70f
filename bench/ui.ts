// `npm run bench:ui`: how fast the authoring UI is on the production build, in system Chromium. For
// each page (the /prompts list, the editor, a diff, a version's body) it measures the time from the
// navigation's start to "ready" (see bench/lib/ui-probes.ts), cold (a fresh browser context: empty
// cache, nothing loaded) and warm (the same context after one visit), prints a table and writes
// bench/RESULTS-ui.md. Not a test: it measures. Knobs: BENCH_UI_COLD (3), BENCH_UI_WARM (5).
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "@/e2e/support/chromium";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { openBenchServer } from "./lib/bench-database";
import { describeMachine } from "./lib/machine";
import { renderUiReport, type UiRow } from "./lib/ui-report";
import { editorAcceptsInput, measure, settle, UI_TARGETS } from "./lib/ui-probes";

const COLD = Number(process.env.BENCH_UI_COLD ?? 3);
const WARM = Number(process.env.BENCH_UI_WARM ?? 5);
const EMAIL = "bench-ui@bench.test";
const PASSWORD = randomBytes(12).toString("base64url");

const log = (line: string) => console.log(`[bench:ui] ${line}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

const machine = describeMachine();
const loadAtStart = os.loadavg()[0]!;
log(`${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}, load ${loadAtStart.toFixed(2)}; building if needed`);
ensureBuilt();
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

const pgServer = await openBenchServer();
let server: AppServer | null = null;
let browser: Browser | null = null;
try {
  const url = await pgServer.create("pm_bench_ui");
  process.env.DATABASE_URL = url;
  const { seedDemoPrompts } = await import("@/lib/server/services/seed-service");
  const { createUser } = await import("@/lib/server/services/user-service");
  const { SYSTEM_CALLER } = await import("@/lib/server/auth/actor");
  const { db } = await import("@/lib/server/db/client");
  await seedDemoPrompts({ onlyIfEmpty: true });
  await createUser(SYSTEM_CALLER, { email: EMAIL, role: "designer", name: "Bench", password: PASSWORD });
  await db().$disconnect();
  server = await startAppServer(url);
  log(`server on ${server.url} (${pgServer.where})`);

  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  // One sign-in; every context starts from its cookies (a session, not a cache).
  const signInContext = await browser.newContext();
  const signInPage = await signInContext.newPage();
  await signInPage.goto(`${server.url}/login?callbackUrl=%2Fprompts`);
  await signInPage.getByLabel("Email").fill(EMAIL);
  await signInPage.getByLabel("Password").fill(PASSWORD);
  const t0 = Date.now();
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await signInPage.getByRole("navigation", { name: "Main" }).waitFor();
  const signInHeader = Date.now() - t0;
  await signInPage.locator("table tbody tr").first().waitFor();
  const signInList = Date.now() - t0;
  const storageState = await signInContext.storageState();
  await signInContext.close();
  log(`sign-in: header after ${signInHeader} ms, list after ${signInList} ms`);

  const rows: UiRow[] = [];
  for (const target of UI_TARGETS) {
    const cold: number[] = [];
    const warm: number[] = [];
    const ttfb: number[] = [];
    const htmlEnd: number[] = [];
    let accepts: boolean | null = null;
    for (let i = 0; i < COLD; i++) {
      const context = await browser.newContext({ storageState, viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const m = await measure(page, server.url, target);
      cold.push(m.ready);
      await settle(page);
      if (i === COLD - 1) {
        for (let j = 0; j < WARM; j++) {
          const w = await measure(page, server.url, target);
          warm.push(w.ready);
          ttfb.push(w.ttfb);
          htmlEnd.push(w.htmlEnd);
          await settle(page);
        }
        if (target.label === "editor interactive") accepts = await editorAcceptsInput(page);
      }
      await context.close();
    }
    const row: UiRow = {
      target,
      cold: median(cold),
      warm: median(warm),
      ttfb: median(ttfb),
      htmlEnd: median(htmlEnd),
      coldAll: cold,
      warmAll: warm,
      accepts,
    };
    rows.push(row);
    log(
      `${target.label}: cold ${row.cold.toFixed(0)} ms, warm ${row.warm.toFixed(0)} ms (HTML ${row.ttfb.toFixed(0)}–${row.htmlEnd.toFixed(0)} ms)`,
    );
  }
  const loadAtEnd = os.loadavg()[0]!;
  const report = renderUiReport({
    machine,
    rows,
    loadAtStart,
    loadAtEnd,
    cold: COLD,
    warm: WARM,
    signInHeader,
    signInList,
    where: pgServer.where,
  });
  writeFileSync("bench/RESULTS-ui.md", report);
  console.log(`\n${report}`);
  log("written to bench/RESULTS-ui.md");
} finally {
  await browser?.close();
  await server?.kill();
  await pgServer.close();
}
