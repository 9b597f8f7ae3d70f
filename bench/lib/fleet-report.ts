import type { FleetFigures } from "./fleet-bench";
import { CONNECTIONS, summarize } from "./load";

export const FLEET_HEADING = "## Fleet: 3 instances behind HAProxy against 1 (PgBouncer, transaction mode)";

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
const int = (v: number) => Math.round(v).toLocaleString("en-US");

/** The fleet section of bench/RESULTS.md; dated on its own, since `npm run bench:fleet` renews only it. */
export function renderFleetSection(f: FleetFigures): string {
  const one = summarize(f.resolve["1"]!);
  const three = summarize(f.resolve["3"]!);
  const inv = f.invalidation;
  const perCore = 1e6 / one.serverCpuUs;
  const row = (n: string, s: typeof one, runs: FleetFigures["resolve"][string]) =>
    `| ${n} | ${int(s.reqPerSec)} | ${runs.map((r) => int(r.reqPerSec)).join(" / ")} | ${ms(s.p50)} | ${ms(s.p99)} | ` +
    `${int(s.serverCpuUs)} | ${s.failures} of ${int(s.requests)} |`;
  return [
    FLEET_HEADING,
    "",
    `Measured on ${f.machine.date} at commit ${f.machine.commit}: ${f.machine.nproc} CPUs, Node ${f.machine.node}, ` +
      `1-minute load average ${f.load.start.toFixed(1)} at the start, ${f.load.end.toFixed(1)} at the end.`,
    "",
    `Each instance is \`npm run serve\` on the production build; its pool goes through PgBouncer (transaction mode) ` +
      "and its change listener straight to PostgreSQL (`PM_LISTEN_DATABASE_URL`). autocannon sends the bench resolve " +
      `to HAProxy at ${CONNECTIONS} connections; ${f.rounds} interleaved rounds of ${f.seconds} s each. CPU µs/req sums ` +
      "every instance behind the balancer (HAProxy and PgBouncer not included).",
    "",
    "| instances | req/s | req/s per round | p50 ms | p99 ms | server CPU µs/req | failed |",
    "| ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    row("1", one, f.resolve["1"]!),
    row("3", three, f.resolve["3"]!),
    "",
    `Three instances serve ${(three.reqPerSec / one.reqPerSec).toFixed(2)}× the requests of one on this ` +
      `${f.machine.nproc}-core machine, where the load generator, HAProxy, PgBouncer and PostgreSQL share the same ` +
      `cores${three.reqPerSec / one.reqPerSec < 1.1 ? ": more instances than cores add no throughput here" : " (one instance leaves some of both cores idle while it waits on the database; the rounds' spread shows how noisy this is)"}. The fleet is for availability (rolling restarts, ` +
      "an instance lost) and for machines with more cores; sizing: one instance spends about " +
      `${int(one.serverCpuUs)} µs of CPU per cached resolve, about ${int(perCore)} resolves per second per core it gets.`,
    "",
    `Invalidation through the pooler: ${inv.saves} saves, each on one of the three in turn; after each 201 all ` +
      `three are polled back to back until they serve it (${inv.samples} samples; ${inv.warmBeforeSave} of them ` +
      `answered from memory right before the save). Where the time goes (p50): the save's NOTIFY reaches a ` +
      `listener ${inv.notify ? ms(inv.notify.p50) : "?"} ms after the 201 (negative: before the 201 reached the client; p99 ` +
      `${inv.notify ? ms(inv.notify.p99) : "?"} ms); a resolve answered from memory takes ${ms(inv.pollP50)} ms before ` +
      `a save (instances polled one at a time), the one that first serves the save ${ms(inv.answerP50)} ms (all three ` +
      `polled at once; ${inv.answeredFromMemory} of ${inv.samples} from memory: reloaded ahead on the NOTIFY, no query).`,
    "",
    "| p50 ms | p99 ms | max ms |",
    "| ---: | ---: | ---: |",
    `| ${ms(inv.p50)} | ${ms(inv.p99)} | ${ms(inv.max)} |`,
    "",
    `- A save on one instance served by all three within 100 ms at p99, through the pooler: **${ms(inv.p99)} ms** — ` +
      `${inv.p99 <= 100 ? "met" : "missed"}`,
    "",
  ].join("\n");
}

/** `report` with its fleet section replaced by `section` (or added before the targets if it has none). */
export function spliceFleetSection(report: string, section: string): string {
  const start = report.indexOf(FLEET_HEADING);
  if (start >= 0) {
    const next = report.indexOf("\n## ", start + FLEET_HEADING.length);
    return report.slice(0, start) + section + (next >= 0 ? `\n${report.slice(next + 1)}` : "");
  }
  const targets = report.indexOf("## Against the targets");
  if (targets < 0) return `${report.trimEnd()}\n\n${section}`;
  return report.slice(0, targets) + section + "\n" + report.slice(targets);
}
