/**
 * `npm run bench:import`: how long importing 10,000 versions (the old system's real bodies, ~76 MB)
 * takes through the import service, phase by phase (check, insert), dry run and apply, each on a fresh
 * migrated database. Prints a table and writes bench/RESULTS-import.md. Speed is measured here, never
 * asserted by a test (tests/integration/prompt-import-large.test.ts checks the behaviour).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { largePromptFile } from "@/tests/support/large-prompt-file";
import { openBenchServer, query } from "./lib/bench-database";
import { describeMachine } from "./lib/machine";

const COUNT = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);

interface Run {
  dryRun: boolean;
  /** Applied with the trigram search indexes dropped first: what they cost. */
  withoutTrigram?: boolean;
  checkS: number;
  insertS: number;
  totalS: number;
}

async function main() {
  const server = await openBenchServer();
  const data = largePromptFile(COUNT);
  const megabytes = Buffer.byteLength(JSON.stringify(data)) / 2 ** 20;
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++)
      for (const dryRun of [true, false]) {
        // A fresh database per run: the app's db client is a process-wide singleton, so each run
        // goes through a child process with its own DATABASE_URL.
        const url = await server.create(`pm_bench_import_${process.pid}_${i}_${dryRun ? "dry" : "apply"}`);
        runs.push(await runOnce(url, dryRun));
        const r = runs.at(-1)!;
        console.log(
          `${dryRun ? "dry run" : "apply  "} #${i + 1}: check ${r.checkS.toFixed(2)} s, insert ${r.insertS.toFixed(2)} s, total ${r.totalS.toFixed(2)} s`,
        );
      }
    // The same apply once without the trigram indexes, to attribute the insert time.
    const url = await server.create(`pm_bench_import_${process.pid}_notrgm`);
    await query(url, "DROP INDEX idx_prompts_name_trgm, idx_prompts_description_trgm, idx_prompts_body_trgm");
    runs.push({ ...(await runOnce(url, false)), withoutTrigram: true });
    const r = runs.at(-1)!;
    console.log(`apply without trigram indexes: insert ${r.insertS.toFixed(2)} s, total ${r.totalS.toFixed(2)} s`);
  } finally {
    await server.close();
  }
  const machine = describeMachine();
  const noTrgm = runs.find((r) => r.withoutTrigram)!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (dry: boolean) => {
    const rs = runs.filter((r) => r.dryRun === dry && !r.withoutTrigram);
    return `| ${dry ? "dry run" : "apply"} | ${median(rs.map((r) => r.checkS)).toFixed(2)} | ${dry ? "—" : median(rs.map((r) => r.insertS)).toFixed(2)} | ${median(rs.map((r) => r.totalS)).toFixed(2)} | ${rs.map((r) => r.totalS.toFixed(2)).join(", ")} |`;
  };
  const md = `# Import benchmark

${machine.date} · ${machine.nproc} cores (${machine.cpu}) · ${machine.memory} · Node ${machine.node} · commit ${machine.commit}
· ${server.where} · load average at start ${os.loadavg()[0]!.toFixed(2)}

${COUNT.toLocaleString("en")} versions (${megabytes.toFixed(0)} MB of JSON, the old system's bodies) through the import
service, each run on a fresh migrated database (with the trigram search indexes). Medians of ${RUNS} runs, seconds.

| mode | check | insert | total | every run |
| --- | --- | --- | --- | --- |
${row(true)}
${row(false)}

Applied once more with the three trigram indexes (name, description, body) dropped first: insert
${noTrgm.insertS.toFixed(2)} s, total ${noTrgm.totalS.toFixed(2)} s — the difference is what keeping the versions
table's search fast costs an import of this size.
`;
  writeFileSync("bench/RESULTS-import.md", md);
  console.log(`\n${md}`);
}

async function runOnce(url: string, dryRun: boolean): Promise<Run> {
  const { execFileSync } = await import("node:child_process");
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "bench/lib/import-run.ts",
      String(COUNT),
      dryRun ? "dry" : "apply",
    ],
    { env: { ...process.env, DATABASE_URL: url, PM_CACHE: "off" }, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Run;
}

await main();
