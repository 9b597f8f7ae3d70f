#!/usr/bin/env bash
# The app as `npm start` runs it, on a fresh database: a new database on TEST_DATABASE_URL's server
# (seeded with the demo prompts), or else a fresh embedded data folder.
set -euo pipefail
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  db="pm_e2e_${PORT:-3100}"
  psql "$TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  export DATABASE_URL="${TEST_DATABASE_URL%/*}/$db" PM_DEMO_SEED=1
else
  rm -rf ".data/e2e-${PORT:-3100}"
  export PM_DATA_DIR=".data/e2e-${PORT:-3100}" PM_EMBEDDED_PORT="${PM_E2E_EMBEDDED_PORT:-54349}"
fi
# Test-only accounts, one per role (npm run user:create migrates the fresh database first).
for role in admin designer viewer; do
  PM_PASSWORD="${E2E_PASSWORD:-e2e-password-not-a-secret}" npm run -s user:create -- --email "$role@e2e.test" --role "$role"
done
exec npm start
