import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createPrompt } from "@/lib/server/services/prompt-service";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { ensureBuilt, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { apiKey } from "../support/auth";
import { serveOnSave } from "../support/serving";

// The Python client (clients/python) against a real server: `next start` on this file's database. Its
// unittest suites run in three steps: resolve, errors and the snapshot compared with the server's
// answers; the cache kept fresh by events (changes prompts, so after the comparison); then, with the
// server stopped, the fallback to the snapshot. Each step must exit 0; its output is shown otherwise.
const run = promisify(execFile);
const clientDir = path.resolve("clients/python");
const python = process.env.PM_PYTHON ?? "python3";
let server: AppServer;
let work: string;
const env: Record<string, string> = {};

async function unittest(modules: string[], extra: Record<string, string> = {}) {
  const result = await run(python, ["-m", "unittest", "-v", ...modules], {
    cwd: clientDir,
    env: { ...process.env, ...env, ...extra, PYTHONDONTWRITEBYTECODE: "1" },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );
  if (result.code !== 0) console.error(result.output);
  return result;
}

beforeAll(async () => {
  ensureBuilt();
  await seedDemoPrompts({ onlyIfEmpty: true });
  await serveOnSave(); // a save with isActive serves at once, the change the cache test makes
  // A body that places the conversation itself, so the comparison covers that layout too.
  await createPrompt(SYSTEM_CALLER, {
    coachingPhase: "identity_refinement",
    body: "Refine with {user_name}: {current_identity} ({refinement_identities})\n\n{recent_messages}",
    requiredContextKeys: ["user_name"],
    allowedActions: ["update_identity"],
    isActive: true,
  });
  work = await mkdtemp(path.join(tmpdir(), "pm-python-"));
  env.PM_API_KEY = (await apiKey(["resolve"])).key;
  env.PM_WRITE_KEY = (await apiKey(["prompts:read", "prompts:write"])).key;
  env.PM_READ_KEY = (await apiKey(["prompts:read"])).key;
  env.PM_SNAPSHOT = path.join(work, "snapshot.json");
  env.PM_GOLDEN = path.join(work, "golden.json");
  await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/prompts-snapshot.ts", env.PM_SNAPSHOT],
    {
      env: { ...process.env },
    },
  );
  server = await startAppServer(process.env.DATABASE_URL!, { PM_DB_POOL_SIZE: "4" });
  env.PM_BASE_URL = server.url;
}, 300_000);

afterAll(async () => {
  await server?.kill("SIGKILL");
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the Python client", () => {
  it("resolves, raises one class per error code, and its snapshot answers exactly as the server", async () => {
    const { code, output } = await unittest(["tests.test_live", "tests.test_units"]);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/skipped/);
  }, 120_000);

  it("drops cached answers within a second of a release or an action wording change", async () => {
    const { code, output } = await unittest(["tests.test_cache_events"]);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/skipped/);
  }, 120_000);

  it("serves the snapshot, marked as such, when the server is stopped", async () => {
    await server.kill("SIGTERM");
    const { code, output } = await unittest(["tests.test_offline"], { PM_SERVER_STOPPED: "1" });
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/skipped/);
  }, 120_000);

  it("installs with pip from the folder alone, no package index", async () => {
    const venv = path.join(work, "venv");
    const made = spawnSync(python, ["-m", "venv", venv], { encoding: "utf8" });
    expect(made.status, `${python} -m venv failed (install python3-venv): ${made.stderr}`).toBe(0);
    const pip = spawnSync(
      path.join(venv, "bin", "python"),
      ["-m", "pip", "install", "--no-index", "--disable-pip-version-check", clientDir],
      { encoding: "utf8", env: { ...process.env, PIP_NO_INDEX: "1" } },
    );
    expect(pip.status, pip.stdout + pip.stderr).toBe(0);
    const use = spawnSync(
      path.join(venv, "bin", "python"),
      ["-c", "import prompt_manager, sys; print(prompt_manager.__version__, prompt_manager.__file__)"],
      { encoding: "utf8", cwd: work },
    );
    expect(use.status, use.stderr).toBe(0);
    expect(use.stdout).toContain(path.join(venv, "lib"));
  }, 120_000);
});
