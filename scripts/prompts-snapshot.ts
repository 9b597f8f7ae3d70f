// `npm run prompts:snapshot -- FILE`: writes what production serves (every phase and phase-less type,
// with the system context and the action wordings already laid into each prompt's texts) as JSON, for
// clients that fall back to it when the server cannot be reached (clients/python). Reads DATABASE_URL
// (or the embedded database). Exit 0 written, 1 database error, 2 usage.
import { rename, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { productionSnapshot } from "@/lib/server/services/snapshot-service";
import { openDatabase } from "./lib/database";

const USAGE = "Usage: npm run prompts:snapshot -- FILE";

const { positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: {} });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (positionals.length !== 1) {
  console.error(`Give exactly one file.\n${USAGE}`);
  process.exit(2);
}
const file = positionals[0]!;

const database = await openDatabase((line) => console.error(line));
let exitCode = 0;
try {
  const snapshot = await productionSnapshot({ ...SYSTEM_CALLER, requestId: `cli-snapshot-${Date.now()}` });
  // Written next to the target and renamed over it: a client reading the file at start-up never sees half of it.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(snapshot, null, 2)}\n`, "utf8");
  await rename(partial, file);
  const failing = snapshot.prompts.filter((p) => p.error).length;
  console.log(
    `Wrote ${file}: ${snapshot.prompts.length} served prompts, ${Object.keys(snapshot.actions).length} action wordings` +
      (failing ? ` (${failing} with a body that does not parse: resolve refuses them too)` : "") +
      ".",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await db().$disconnect();
  await database.stop();
}
process.exit(exitCode);
