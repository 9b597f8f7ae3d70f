// `npm run serve`: the production run mode. Serves the build made by `npm run build` and nothing else:
// it never builds, never starts the embedded database, never migrates (`npm run db:migrate` is a
// deploy step) and never generates a secret. It checks the environment first and refuses a bad one,
// one line per bad setting. On SIGTERM it drains: readiness turns 503 at once, requests (in flight and
// new) are answered for PM_DRAIN_MS, then event streams are closed, the server stops and exits 0.
import { existsSync } from "node:fs";
import http from "node:http";
import { checkServeEnv } from "@/lib/runtime/env";
import { closeLongLived, startDraining } from "@/lib/runtime/lifecycle";

const checked = checkServeEnv(process.env);
if (!checked.ok) {
  for (const problem of checked.problems) console.error(`npm run serve: ${problem}`);
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("npm run serve: no production build in .next (run `npm run build` first)");
  process.exit(1);
}
const env = checked.env;
// Telemetry would only time out on a closed network; sign-in URLs follow the Host header.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.AUTH_TRUST_HOST ??= "1";

const started = Date.now();
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => void handle(req, res));
// Longer than a balancer's idle timeout, so the balancer, not we, closes idle keep-alive connections
// (else a request can race our close and fail).
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(env.PORT, env.HOST, resolve);
});
const where = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
console.log(`Prompt Manager serving ${where} (pid ${process.pid}, started in ${Date.now() - started} ms)`);
void reportReady();

/** Asks our own readiness once a while until ready: it starts the cache listener and warm-up early. */
async function reportReady(): Promise<void> {
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}/api/health/ready`;
  for (let attempt = 0; attempt < 600; attempt++) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return console.log(`ready after ${Date.now() - started} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  console.warn("not ready after 60 s: see GET /api/health/ready for the check that fails");
}

let stopping = false;
async function stop(signal: NodeJS.Signals, drainMs: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  startDraining();
  console.log(`${signal}: draining for ${drainMs} ms (not ready; still answering)`);
  await new Promise((r) => setTimeout(r, drainMs));
  closeLongLived();
  // No new connections from here on; idle keep-alive connections close now, busy ones after their
  // response. A response that never ends (a stream nobody closed) is cut after 10 s.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), 10_000);
  cut.unref();
  await closed;
  clearTimeout(cut);
  await app.close().catch(() => undefined);
  console.log(`stopped after draining (${signal})`);
  process.exit(0);
}
// SIGTERM is the orchestrator's "please go": drain. Ctrl-C in a terminal wants the prompt back now.
process.on("SIGTERM", () => void stop("SIGTERM", env.PM_DRAIN_MS));
process.on("SIGINT", () => void stop("SIGINT", 0));
