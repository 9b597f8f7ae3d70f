// A fleet on one machine, loopback only, from Debian's packages: PgBouncer in transaction mode in front
// of PostgreSQL, HAProxy in front of app instances (`npm run serve`). Used by the fleet test and the
// bench. Ports come from PM_FLEET_PORT_BASE (default PM_APP_PORT_BASE + 400, else 3600): the balancer
// on base, PgBouncer on base+1, HAProxy's stats on base+2, instances on base+10, base+11, …
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const FLEET_PORT_BASE = Number(
  process.env.PM_FLEET_PORT_BASE ?? (process.env.PM_APP_PORT_BASE ? Number(process.env.PM_APP_PORT_BASE) + 400 : 3600),
);

export interface Daemon {
  port: number;
  stop: () => Promise<void>;
  output: () => string;
}

const BINARIES = { pgbouncer: "/usr/sbin/pgbouncer", haproxy: "/usr/sbin/haproxy" } as const;

/** Both daemons, or an error that says how to get them (`.ci/run` installs them). */
export function requireFleetBinaries(): void {
  const missing = Object.entries(BINARIES).filter(([, bin]) => !existsSync(bin));
  if (missing.length)
    throw new Error(
      `the fleet needs ${missing.map(([name]) => name).join(" and ")}: apt-get install -y haproxy pgbouncer`,
    );
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pm-fleet-"));
  chmodSync(dir, 0o755); // PgBouncer drops root for the postgres user, which must read its config
  return dir;
}

function daemon(name: string, command: string, args: string[], port: number, dir: string): Promise<Daemon> {
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const result: Daemon = {
    port,
    output: () => lines.join("\n"),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return waitForPort(port, 10_000).then(
    () => result,
    async (error: Error) => {
      await result.stop();
      throw new Error(`${name} did not listen on ${port}: ${error.message}\n${result.output()}`);
    },
  );
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const net = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * PgBouncer in transaction mode (each server connection belongs to a client for one transaction
 * only), in front of the PostgreSQL of `directUrl`, for its database. Returns the pooled URL.
 */
export async function startPgBouncer(
  directUrl: string,
  port = FLEET_PORT_BASE + 1,
  poolSize = 12,
): Promise<Daemon & { url: string }> {
  const direct = new URL(directUrl);
  const database = direct.pathname.slice(1);
  const user = decodeURIComponent(direct.username || "postgres");
  const dir = tempDir();
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`, { mode: 0o644 });
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${direct.hostname} port=${direct.port || 5432} dbname=${database}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      `admin_users = ${user}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root; -u makes it switch to the database's system user.
  const asRoot = process.getuid?.() === 0 ? ["-u", "postgres"] : [];
  const started = await daemon(
    "pgbouncer",
    BINARIES.pgbouncer,
    [...asRoot, path.join(dir, "pgbouncer.ini")],
    port,
    dir,
  );
  const pooled = new URL(directUrl);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(port);
  return { ...started, url: pooled.toString() };
}

export interface Balancer extends Daemon {
  url: string;
  /** HAProxy's view of each server ("UP", "DOWN", "MAINT", …), from its stats page. */
  serverStates: () => Promise<Record<string, string>>;
}

/**
 * HAProxy, round robin over `instancePorts`, sending traffic only to instances whose readiness
 * (GET /api/health/ready) answers 200, checked every 500 ms (two failures take one out). Requests that fail to connect or get no
 * answer at all (an instance killed mid-request) are retried on another instance (`retry-on`,
 * `option redispatch`), but only idempotent ones: GET and HEAD, and POST /api/resolve, which reads.
 */
export async function startHaproxy(
  instancePorts: number[],
  port = FLEET_PORT_BASE,
  statsPort = FLEET_PORT_BASE + 2,
): Promise<Balancer> {
  const dir = tempDir();
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 4000",
      "defaults",
      "  mode http",
      "  timeout connect 1s",
      "  timeout client 30s",
      "  timeout server 30s",
      "  timeout http-keep-alive 5s",
      "  timeout check 3s", // a loaded machine answers slowly; a slow answer is not a failed one
      "  retries 3",
      "  option redispatch 1",
      "  retry-on conn-failure empty-response response-timeout",
      "frontend app",
      `  bind 127.0.0.1:${port}`,
      "  default_backend instances",
      "frontend stats",
      `  bind 127.0.0.1:${statsPort}`,
      "  stats enable",
      "  stats uri /stats",
      "backend instances",
      "  balance roundrobin",
      "  option httpchk GET /api/health/ready",
      "  http-check expect status 200",
      "  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2",
      "  http-request disable-l7-retry if !METH_GET !METH_HEAD !{ path /api/resolve }",
      ...instancePorts.map((p, i) => `  server i${i + 1} 127.0.0.1:${p} check`),
      "",
    ].join("\n"),
  );
  const check = spawnSync(BINARIES.haproxy, ["-c", "-q", "-f", config], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy refused its config:\n${check.stderr}${check.stdout}`);
  const started = await daemon("haproxy", BINARIES.haproxy, ["-db", "-f", config], port, dir);
  return {
    ...started,
    url: `http://127.0.0.1:${port}`,
    serverStates: async () => {
      const csv = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`).then((r) => r.text());
      const rows = csv.split("\n").map((line) => line.split(","));
      const header = rows[0]!.map((h) => h.replace(/^# /, ""));
      const [px, sv, status] = ["pxname", "svname", "status"].map((h) => header.indexOf(h));
      return Object.fromEntries(
        rows.filter((r) => r[px!] === "instances" && /^i\d+$/.test(r[sv!] ?? "")).map((r) => [r[sv!]!, r[status!]!]),
      );
    },
  };
}
