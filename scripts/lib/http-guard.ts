import path from "node:path";

/** NODE_OPTIONS for a Next server process: preloads http-guard.cjs (see there why), keeping the caller's options. */
export const HTTP_GUARD_NODE_OPTIONS = [
  process.env.NODE_OPTIONS ?? "",
  `--require=${JSON.stringify(path.join(import.meta.dirname, "http-guard.cjs"))}`,
]
  .join(" ")
  .trim();
