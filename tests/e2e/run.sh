#!/usr/bin/env bash
# Browser tests of the web front-end: seeds a database, starts `STEMNET_BINARY serve` with the
# built UI on a free port, and runs tests/e2e/*.test.mjs (node --test, playwright-core driving
# Debian's chromium). Screenshots go to docs/screenshots/. Exit code non-zero on any failure.
#
#   tests/e2e/run.sh build/src/stemnet
#
# Environment: UI_BUILD=1 rebuilds ui/dist first (it is built when missing);
# CHROMIUM (default /usr/bin/chromium); SCREENSHOT_DIR (default docs/screenshots).
set -euo pipefail

bin=${1:?usage: tests/e2e/run.sh STEMNET_BINARY}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
chromium=${CHROMIUM:-/usr/bin/chromium}
# node and npm: the machine's when new enough, else the project's own (scripts/bootstrap).
PATH=$("$repo/scripts/node-env")
export PATH
echo "e2e: node $(node --version) from $(command -v node)"

if [ ! -x "$chromium" ]; then
  echo "e2e: $chromium is missing: install Debian's chromium (scripts/bootstrap does)" >&2
  exit 1
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# The front-end: built once (npm ci from the committed lock file), rebuilt on UI_BUILD=1.
if [ "${UI_BUILD:-0}" = 1 ] || [ ! -f "$repo/ui/dist/index.html" ]; then
  (cd "$repo/ui" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
fi
# The tests' own packages (playwright-core, axe-core).
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

# STEMNET_E2E_DB: another (empty) database to run on, e.g. a PostgreSQL URL.
db="${STEMNET_E2E_DB:-sqlite:$tmp/e2e.db}"
(
  cd "$repo"
  "$bin" import reference data/reference --db "$db"
  "$bin" monitor catalogue data/indicators/catalogue.json --db "$db"
  "$bin" import udir data/reference/schools/*.tsv --db "$db"
  "$bin" import figures data/reference --db "$db"
  "$bin" demo seed --db "$db"
  # the computed indicators (offers in reach, cold spots) that the map colours by
  "$bin" monitor compute --db "$db"
) >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

wait_for() { # URL, what
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "e2e: $2 did not answer at $1" >&2
  cat "$tmp"/*.log >&2 || true
  exit 1
}

port=$(free_port)
TZ=Europe/Oslo "$bin" serve --db "$db" --port "$port" --mail-dir "$tmp/mail" --ui "$repo/ui/dist" \
  --signups-per-hour 10000 >"$tmp/server.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/readyz" "stemnet serve"
url="http://127.0.0.1:$port"

cd "$here"
STEMNET_URL="$url" SCREENSHOT_DIR="${SCREENSHOT_DIR:-$repo/docs/screenshots}" \
  node --test --test-concurrency=1 --test-reporter=spec "${@:2}" ./*.test.mjs
