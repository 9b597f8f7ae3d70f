// Builds the production app if there is none or a source changed since (the check `npm start` makes).
// `npm test` runs it before the tests, so the server-process fault tests and Playwright share one build.
import { spawnSync } from "node:child_process";
import { needsBuild } from "./lib/build-state";

if (needsBuild()) {
  console.log("Building the app (sources changed since the last build)…");
  const { status } = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  process.exit(status ?? 1);
}
