import type { Machine } from "./machine";
import type { UiTarget } from "./ui-probes";

export interface UiRow {
  target: UiTarget;
  cold: number;
  warm: number;
  ttfb: number;
  htmlEnd: number;
  coldAll: number[];
  warmAll: number[];
  /** For the editor: whether it took a keystroke after it measured ready. */
  accepts: boolean | null;
}

interface Report {
  machine: Machine;
  rows: UiRow[];
  loadAtStart: number;
  loadAtEnd: number;
  cold: number;
  warm: number;
  signInHeader: number;
  signInList: number;
  where: string;
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")}` : "—");
const verdict = (value: number, budget?: number) =>
  budget === undefined ? "" : value <= budget ? ` ✅ ≤ ${ms(budget)}` : ` ❌ > ${ms(budget)}`;

/** bench/RESULTS-ui.md: the figures, the budget they are held to, and the conditions they were taken in. */
export function renderUiReport(r: Report): string {
  const m = r.machine;
  const lines = [
    "# UI benchmark results",
    "",
    `Measured by \`npm run bench:ui\` on ${m.date} at commit ${m.commit}.`,
    "",
    `- Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memory} memory, ${m.os}, Node ${m.node}. 1-minute load average ${r.loadAtStart.toFixed(2)} at the start, ${r.loadAtEnd.toFixed(2)} at the end (the budget assumes nothing else running; other work on this shared machine makes every figure slower).`,
    `- Server: production build (\`next start\`) on ${r.where}, demo prompts; browser: system Chromium (\`/usr/bin/chromium\`, the e2e suite's flags), 1400×900, signed in as a designer.`,
    `- Each figure: ms from the navigation's start (\`performance.now()\` in the page) to the first animation frame where the page is ready. Cold: a fresh browser context (empty cache, nothing loaded), median of ${r.cold}. Warm: the same page loaded again in that context (HTTP cache warm, a full page load), median of ${r.warm}. Between loads the page settles (network idle, then an idle callback: the idle Monaco preload has run), as when a person reads it.`,
    "- Ready means: /prompts — the versions table has rows; editor — Monaco's editor visible with its lines rendered (it then took a keystroke, checked after the timing); diff — Monaco's diff editor shows the modified side's lines; version body text — the body's text visible (plain text until Monaco is up, then Monaco); version body in Monaco — Monaco shows it.",
    "",
    "| page | cold ms | warm ms | warm HTML first–last byte ms | budget | cold runs | warm runs |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
  ];
  for (const row of r.rows) {
    const b = row.target.budget;
    const budget = [
      b.warm !== undefined ? `warm${verdict(row.warm, b.warm)}` : "",
      b.cold !== undefined ? `cold${verdict(row.cold, b.cold)}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    const accepts = row.accepts === null ? "" : row.accepts ? " (took input)" : " (did NOT take input)";
    lines.push(
      `| ${row.target.label}${accepts} | ${ms(row.cold)} | ${ms(row.warm)} | ${ms(row.ttfb)}–${ms(row.htmlEnd)} | ${budget || "—"} | ${row.coldAll.map(ms).join(" / ")} | ${row.warmAll.map(ms).join(" / ")} |`,
    );
  }
  lines.push(
    "",
    `Sign-in (click to the app's header on /prompts, then to the versions table, cold cache): ${ms(r.signInHeader)} ms / ${ms(r.signInList)} ms.`,
    "",
    "Budget (issue #12): editor interactive ≤ 1.0 s warm and ≤ 2.5 s cold, diff ≤ 1.0 s warm, /prompts ≤ 300 ms warm, on this 2-core machine with nothing else running.",
    "",
  );
  return lines.join("\n");
}
