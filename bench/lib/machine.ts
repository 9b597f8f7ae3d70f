import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  nproc: number;
  cpu: string;
  memory: string;
  os: string;
  node: string;
  date: string;
  commit: string;
}

export function describeMachine(): Machine {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  const dirty = git("status", "--porcelain") ? " (with uncommitted changes)" : "";
  return {
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty}`,
  };
}

/**
 * Peak resident set size of a process (VmHWM in /proc/<pid>/status), with its name so a report can
 * show it measured the Next server itself (`next-server …`), not a wrapper such as npm or a shell.
 */
export function peakRss(pid: number): { name: string; vmHwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (key: string) => status.match(new RegExp(`^${key}:\\s*(.+)$`, "m"))?.[1]?.trim() ?? "";
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  return { name: cmdline || field("Name"), vmHwmKb: Number.parseInt(field("VmHWM"), 10) };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
}
