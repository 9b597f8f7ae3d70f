import { randomBytes } from "node:crypto";
import os from "node:os";
import { FLEET_PORT_BASE, requireFleetBinaries } from "@/scripts/lib/fleet";
import { startFleet, type Fleet } from "@/scripts/lib/fleet-run";
import { measureInvalidation, type InvalidationFigures } from "@/scripts/lib/invalidation-probe";
import { interleave, summarize, type RunFigures, type Target } from "./load";
import type { Machine } from "./machine";

export interface FleetFigures {
  machine: Machine;
  load: { start: number; end: number };
  seconds: number;
  rounds: number;
  /** Keys "1" and "3": resolve through HAProxy to that many instances. */
  resolve: Record<string, RunFigures[]>;
  invalidation: InvalidationFigures;
}

export interface FleetBenchOptions {
  machine: Machine;
  directUrl: string;
  resolve: Target;
  /** Authorization with the scopes "resolve" and "prompts:write". */
  headers: Record<string, string>;
  phase: string;
  seconds: number;
  rounds: number;
  saves: number;
  log: (line: string) => void;
}

/**
 * 3 instances behind HAProxy against 1 behind the same setup (both pooled by PgBouncer in transaction
 * mode, listeners direct), resolve load interleaved round by round; then how soon a save on one of the
 * three is served by all three, through the pooler.
 */
export async function benchFleet(o: FleetBenchOptions): Promise<FleetFigures> {
  requireFleetBinaries();
  const loadAtStart = os.loadavg()[0]!;
  const env = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  const fleets: Fleet[] = [];
  try {
    // Ports: the three on FLEET_PORT_BASE (instances +10…+12), the one on +20 (instance +30).
    const three = await startFleet({ directUrl: o.directUrl, size: 3, portBase: FLEET_PORT_BASE, env });
    fleets.push(three);
    const one = await startFleet({ directUrl: o.directUrl, size: 1, portBase: FLEET_PORT_BASE + 20, env });
    fleets.push(one);
    const behind = (f: Fleet) => ({ url: f.balancer.url, pid: f.instances.map((s) => s!.pid) });
    o.log(`fleet: resolve through HAProxy to 1 and to 3 instances: ${o.rounds} rounds of 2 × ${o.seconds} s`);
    const resolve = await interleave(
      [
        { key: "1", server: behind(one), target: o.resolve },
        { key: "3", server: behind(three), target: o.resolve },
      ],
      o.rounds,
      o.seconds,
    );
    for (const [k, runs] of Object.entries(resolve)) {
      const s = summarize(runs);
      o.log(`fleet of ${k}: ${Math.round(s.reqPerSec)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${s.failures} failed`);
    }
    await one.stop();
    fleets.pop();
    o.log(`fleet: ${o.saves} saves, each on one of the three in turn, all three polled`);
    const urls = three.ports.map((port) => `http://127.0.0.1:${port}`);
    const invalidation = await measureInvalidation({
      saveOn: urls,
      watch: urls,
      saves: o.saves,
      headers: o.headers,
      phase: o.phase,
      listenUrl: o.directUrl,
    });
    o.log(
      `fleet: served by all three after p50 ${invalidation.p50.toFixed(1)} ms, p99 ${invalidation.p99.toFixed(1)} ms`,
    );
    return {
      machine: o.machine,
      load: { start: loadAtStart, end: os.loadavg()[0]! },
      seconds: o.seconds,
      rounds: o.rounds,
      resolve,
      invalidation,
    };
  } finally {
    for (const f of fleets) await f.stop();
  }
}
