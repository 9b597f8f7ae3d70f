import { readFileSync } from "node:fs";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { importPrompts } from "@/lib/server/services/import-service";
await migrate(process.env.DATABASE_URL!);
const gc = (globalThis as { gc?: () => void }).gc!;
const mb = () => {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const data = JSON.parse(readFileSync("/tmp/pm-io-10k.json", "utf8"));
const base = mb();
const t = performance.now();
let peak = 0;
let batches = 0;
await importPrompts(
  SYSTEM_CALLER,
  { data, dryRun: false },
  {
    onProgress: (p) => {
      if (p.stage === "insert") {
        batches++;
        if (batches % 10 === 0) peak = Math.max(peak, mb() - base);
      }
    },
  },
);
console.log(
  "batches",
  batches - 1,
  "time",
  ((performance.now() - t) / 1000).toFixed(2),
  "s; retained over baseline (sampled)",
  peak,
  "MB; at end",
  mb() - base,
  "MB",
);
await db().$disconnect();
