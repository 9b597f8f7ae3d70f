import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

// The system Chromium (Debian's package); Playwright's own browser download cannot work here.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: "bash e2e/server.sh",
    url: `http://localhost:${port}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    env: { PORT: String(port) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
