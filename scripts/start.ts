// `npm start`: database (embedded unless DATABASE_URL) → migrations → demo seed (embedded or
// PM_DEMO_SEED=1) → build if sources changed → `next start`. Stops everything on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { HTTP_GUARD_NODE_OPTIONS } from "./lib/http-guard";
import { db } from "@/lib/server/db/client";
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { bootstrapAdmin } from "@/lib/server/services/user-service";
import { ensureAuthSecret } from "./lib/auth-secret";
import { EMBEDDED_DIR, openDatabase } from "./lib/database";
import { needsBuild } from "./lib/build-state";
import { EnvError, serverEnv } from "@/lib/runtime/env";

/** The settings, or one line per bad one and exit 1 (before anything starts). */
function checkedEnv() {
  try {
    return serverEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    for (const problem of error.problems) console.error(`npm start: ${problem}`);
    process.exit(1);
  }
}

const dev = process.argv.includes("--dev");
const { PORT: port, HOST: host } = checkedEnv();
const nextBin = "node_modules/.bin/next";

const database = await openDatabase();
if (database.embedded || process.env.PM_DEMO_SEED === "1") {
  const seeded = await seedDemoPrompts({ onlyIfEmpty: true });
  if (seeded) console.log(`Seeded ${seeded} demo prompts`);
}
// The first admin's one-time password is printed once the app answers, after the build's and Next's
// output, where nobody scrolls past it (or on the way out if the start is stopped before that).
let firstAdmin: { email: string; password: string } | null = null;
if (database.embedded) {
  firstAdmin = await bootstrapAdmin();
  if (firstAdmin)
    console.log(`First start: created ${firstAdmin.email}; its one-time password follows when the app is ready.`);
}
function printFirstAdmin(): void {
  if (!firstAdmin) return;
  const { email, password } = firstAdmin;
  firstAdmin = null;
  console.log(
    `\n  Sign in as ${email} with the one-time password\n\n      ${password}\n\n  It is shown only this once. Sign in with it at /login; add people on /admin or with npm run user:create.\n`,
  );
}
await db().$disconnect();
const authSecret = ensureAuthSecret(EMBEDDED_DIR);

let child: ChildProcess | null = null;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  printFirstAdmin();
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

function run(args: string[]): ChildProcess {
  // Telemetry would only time out on a closed network; opt in with NEXT_TELEMETRY_DISABLED=0.
  // AUTH_TRUST_HOST: sign-in URLs follow the Host header (we serve ourselves; no fixed NEXTAUTH_URL needed).
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "1",
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret,
    NODE_OPTIONS: HTTP_GUARD_NODE_OPTIONS,
  };
  return spawn(nextBin, args, { stdio: "inherit", env });
}

if (!dev && needsBuild()) {
  console.log("Building the app (sources changed since the last build)…");
  child = run(["build"]);
  const code = await new Promise<number>((resolve) => child?.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) await shutdown(code);
}
if (!stopping) {
  // Loopback unless HOST (or PM_HOST) says otherwise: a first start is not reachable from the network.
  child = run([dev ? "dev" : "start", "-p", String(port), "-H", host]);
  const shown = host === "127.0.0.1" || host === "::1" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  console.log(`Prompt Manager: http://${shown}:${port}`);
  child.once("exit", (code) => void shutdown(code ?? 0));
  void announceWhenReady(`http://${shown}:${port}`);
}

/** Waits until the server answers (any HTTP status), then says so, with the first admin's password. */
async function announceWhenReady(address: string): Promise<void> {
  const probe = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const url = `http://${probe.includes(":") ? `[${probe}]` : probe}:${port}/api/health`;
  while (!stopping) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (stopping) return;
  console.log(`\nPrompt Manager is ready: ${address}`);
  printFirstAdmin();
}
