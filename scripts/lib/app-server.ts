import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { needsBuild } from "./build-state";
import { HTTP_GUARD_NODE_OPTIONS } from "./http-guard";

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  /** Sends `signal` and waits until the process is gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** The last lines the server printed (for failure messages). */
  output: () => string;
}

/**
 * The production build, as `npm start` serves it. `npm test` builds before running any test
 * (scripts/build-if-needed.ts), so in tests this only builds when a file runs on its own.
 */
export function ensureBuilt(): void {
  if (!needsBuild()) return;
  const { status } = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (status !== 0) throw new Error(`next build failed (exit ${status})`);
}

/** A free port in 3200–3299, the app ports reserved for the tests and the bench (PM_APP_PORT_BASE moves the range). */
export async function freePort(): Promise<number> {
  const base = Number(process.env.PM_APP_PORT_BASE ?? 3200);
  const offset = Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = base + ((offset + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${base}–${base + 99}`);
}

/**
 * Starts `next start` on `databaseUrl` and waits until /api/health answers. The spawned process is
 * the Node server itself (next's bin is a node script), so its pid is the one to kill or measure.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: HTTP_GUARD_NODE_OPTIONS,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: AppServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    output: () => lines.join("\n"),
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${server.output()}`);
    const ok = await fetch(`${server.url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > deadline) {
      await server.kill("SIGKILL");
      throw new Error(`next start did not answer on port ${port} within 30 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
