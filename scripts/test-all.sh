#!/usr/bin/env bash
# `npm test`: every test — unit, integration against real PostgreSQL, then Playwright e2e in Chromium.
# Integration tests use TEST_DATABASE_URL when set, else an embedded PostgreSQL of their own.
# The production build comes first: the server-process fault tests and Playwright's server share it.
set -euo pipefail
node --import tsx scripts/build-if-needed.ts
npx vitest run
npx playwright test
