import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freePort } from "@/scripts/lib/app-server";
import { waitFor } from "../support/wait";

// `npm start` (scripts/start.ts) as a real process on this file's database: it must listen on loopback
// only unless HOST says otherwise, so a first start on a laptop or server is not open to the network.

/** An address of this machine that is not loopback, if it has one. */
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

let child: ChildProcess | null = null;
let output = "";
beforeAll(() => ensureBuilt(), 600_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
  }
});

describe("npm start", () => {
  it.skipIf(!external)(
    "listens on 127.0.0.1 only when HOST is not set",
    async () => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
      delete env.HOST;
      delete env.PM_HOST;
      child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
      await waitFor(`npm start on port ${port}`, () => accepts("127.0.0.1", port), 60_000, 200).catch((e: Error) => {
        throw new Error(`${e.message}\n${output}`);
      });
      expect(output).toContain(`Prompt Manager: http://localhost:${port}`);
      expect(await accepts(external!, port)).toBe(false);
      child.kill("SIGTERM");
      await new Promise((r) => child?.once("exit", r));
    },
    90_000,
  );
});

describe("npm start's first start", () => {
  it("prints the one-time admin password after Next's output, once the app answers", async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), "pm-first-start-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      PM_DATA_DIR: dataDir,
      PM_EMBEDDED_PORT: String(55000 + Math.floor(Math.random() * 1000)),
    };
    for (const name of ["DATABASE_URL", "PM_LISTEN_DATABASE_URL", "HOST", "PM_HOST", "NEXTAUTH_SECRET"])
      delete env[name];
    output = "";
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    await waitFor("the one-time password", () => /one-time password\n\n\s+(\S+)/.test(output), 90_000, 200).catch(
      (e: Error) => {
        throw new Error(`${e.message}\n${output}`);
      },
    );
    const lines = output.split("\n");
    const next = lines.findIndex((l) => l.includes("Next.js"));
    const ready = lines.findIndex((l) => l.startsWith(`Prompt Manager is ready: http://localhost:${port}`));
    const password = lines.findIndex((l) => l.includes("with the one-time password"));
    expect(next).toBeGreaterThanOrEqual(0);
    expect(ready).toBeGreaterThan(next);
    expect(password).toBeGreaterThan(ready);
    expect(output.match(/one-time password\n\n\s+\S+/g)).toHaveLength(1); // printed once
    child.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
  }, 120_000);
});
