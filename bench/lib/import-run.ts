// One import run for bench/import.ts, in its own process (DATABASE_URL names a fresh database): prints
// the phase timings as one JSON line.
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { importPrompts } from "@/lib/server/services/import-service";
import { largePromptFile } from "@/tests/support/large-prompt-file";

const [count, mode] = process.argv.slice(2);
const data = largePromptFile(Number(count));
const started = performance.now();
let checkDone = started;
const report = await importPrompts(
  SYSTEM_CALLER,
  { data, dryRun: mode === "dry" },
  {
    onProgress: (p) => {
      if (p.stage === "check" && p.done === p.total) checkDone = performance.now();
    },
  },
);
const ended = performance.now();
if (mode !== "dry" && report.inserted !== Number(count)) throw new Error(`inserted ${report.inserted}`);
await db().$disconnect();
console.log(
  JSON.stringify({
    dryRun: mode === "dry",
    checkS: (checkDone - started) / 1000,
    insertS: mode === "dry" ? 0 : (ended - checkDone) / 1000,
    totalS: (ended - started) / 1000,
  }),
);
