import autocannon from "autocannon";
import { processCpuMs } from "./machine";

export interface Target {
  label: string;
  path: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

/** serverCpuUs: CPU time the server process spent per request, a figure other load on the machine barely moves. */
export interface RunFigures {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  serverCpuUs: number;
}

export const CONNECTIONS = 50;

/** What takes the load: one server, or a balancer whose CPU figure sums the instances behind it. */
export interface LoadServer {
  url: string;
  pid: number | number[];
}

const cpuMs = (server: LoadServer) => [server.pid].flat().reduce((sum, pid) => sum + processCpuMs(pid), 0);

/** One autocannon run at 50 connections. Any non-2xx answer or connection error counts as a failure. */
export async function runLoad(server: LoadServer, target: Target, seconds: number): Promise<RunFigures> {
  const cpuBefore = cpuMs(server);
  const result = await autocannon({
    url: `${server.url}${target.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    method: target.method,
    headers: target.headers,
    body: target.body,
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
    serverCpuUs: ((cpuMs(server) - cpuBefore) * 1000) / Math.max(1, result.requests.total),
  };
}

export interface Job {
  key: string;
  server: LoadServer;
  target: Target;
}

/**
 * Runs every job once per round, in the same order each round (health, resolve, …), after a warm-up
 * of each (JIT, pools, caches). Drift of the machine during the bench, and other work on it, then
 * falls on all jobs alike instead of on whichever happened to run during it.
 */
export async function interleave(
  jobs: Job[],
  rounds: number,
  seconds: number,
  warmUpSeconds = 3,
): Promise<Record<string, RunFigures[]>> {
  for (const job of jobs) await runLoad(job.server, job.target, warmUpSeconds);
  const out: Record<string, RunFigures[]> = Object.fromEntries(jobs.map((j) => [j.key, []]));
  for (let i = 0; i < rounds; i++) {
    for (const job of jobs) out[job.key]!.push(await runLoad(job.server, job.target, seconds));
  }
  return out;
}

export interface Summary {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  serverCpuUs: number;
}

/** Mean throughput over the runs; median of their p50 and p99; server CPU per request over all of them. */
export function summarize(runs: RunFigures[]): Summary {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  return {
    reqPerSec: runs.reduce((sum, r) => sum + r.reqPerSec, 0) / runs.length,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    serverCpuUs:
      runs.reduce((sum, r) => sum + r.serverCpuUs * r.requests, 0) /
      Math.max(
        1,
        runs.reduce((sum, r) => sum + r.requests, 0),
      ),
  };
}
