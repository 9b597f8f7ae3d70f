import { spawn, type ChildProcess } from "node:child_process";

export interface ServeProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** Sends `signal` and waits until the process is gone. */
  kill: (signal?: NodeJS.Signals) => Promise<number | string>;
  /** The last lines the server printed (for failure messages). */
  output: () => string;
}

/**
 * Starts `npm run serve` (scripts/serve.ts, without npm in between so the pid is the server's) on
 * `port` with `env` on top of this process's environment. With `waitReady` it resolves once
 * /api/health/ready answers 200; else as soon as the process runs.
 */
export async function startServe(
  port: number,
  env: Record<string, string>,
  { waitReady = true, timeoutMs = 180_000 } = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 60));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const server: ServeProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    child,
    exited,
    output: () => lines.join("\n"),
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (!waitReady) return server;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run serve exited with ${child.exitCode}:\n${server.output()}`);
    const status = await fetch(`${server.url}/api/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return server;
    if (Date.now() > deadline) {
      await server.kill("SIGKILL");
      throw new Error(`npm run serve was not ready on port ${port} within ${timeoutMs} ms:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
