#!/usr/bin/env bash
# `npm test`: every test — unit, integration against real PostgreSQL, then Playwright e2e in Chromium.
# Integration tests use TEST_DATABASE_URL when set, else an embedded PostgreSQL of their own.
set -euo pipefail
npx vitest run
npx playwright test
