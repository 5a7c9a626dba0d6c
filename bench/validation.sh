#!/usr/bin/env bash
# The cost of checking requests against the API document (issue 13): the same binary served
# twice, with the check (the default) and with `--no-request-validation`, measured with wrk one
# after the other in the same run, the order alternating by round, on three routes:
#
#   cached read    GET  /api/v1/municipalities/0301          (the response cache answers)
#   query read     GET  /api/v1/offers?format=kit&limit=20    (query checked, handler searches)
#   write          POST /api/v1/requests, a valid body         (body checked; no session, so the
#                                                               handler answers 401 at once: the
#                                                               check's share is at its largest)
#
# Reports requests per second and the ratio with/without. Rewrites only its own section of
# docs/benchmarks.md, between <!-- bench:validation --> and <!-- /bench:validation -->.
#
# Usage: bench/validation.sh           DURATION=10 ROUNDS=2 bench/validation.sh
# Environment: DURATION (s per run, default 10), ROUNDS (default 2), WARMUP (s, default 2),
#   THREADS (stemnet --threads, default 2), STEMNET (default build/src/stemnet).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-2}
THREADS=${THREADS:-2}
STEMNET=${STEMNET:-build/src/stemnet}
CONNECTIONS=32
OUT=docs/benchmarks.md

die() { echo "bench: error: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

[ -x "$STEMNET" ] || die "$STEMNET is missing: build first (make build)"
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
install_missing "${missing[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/stemnet-validation.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do stop "$p" TERM stemnet; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

log "importing reference data"
"$STEMNET" import reference data/reference --db "sqlite:$tmp/b.db" >"$tmp/import.log" 2>&1 \
  || { cat "$tmp/import.log" >&2; die "import failed"; }

start_server() { # start_server NAME [FLAGS...]: sets port (not in a subshell: pids must keep it)
  local name=$1
  shift
  cp "$tmp/b.db" "$tmp/$name.db"
  "$STEMNET" serve --db "sqlite:$tmp/$name.db" --port 0 --bind 127.0.0.1 --ui '' \
    --threads "$THREADS" --mail-dir "$tmp/mail" "$@" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  port=$(stemnet_port "$!" "$tmp/$name.log" "stemnet ($name)")
}
start_server checked
checked=$port
start_server unchecked --no-request-validation
unchecked=$port

cat >"$tmp/post.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"offer_id":"offer:bench","school":"975280640","grade":9,"pupils":24,' ..
           '"wished":"uke 10 eller 11","message":"Vi gleder oss til besøket."}'
EOF

# The write must reach its handler in both: a 401, not a 400.
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"offer_id":"offer:bench","school":"975280640","grade":9,"pupils":24}' \
  "http://127.0.0.1:$checked/api/v1/requests")
[ "$code" = 401 ] || die "the write route answered $code with the check, expected 401"

rps() { # rps PORT PATH [LUA]: requests per second of one measured run
  local port=$1 path=$2 lua=${3:-} args=()
  [ -n "$lua" ] && args=(-s "$lua")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "${args[@]}" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${args[@]}" "http://127.0.0.1:$port$path" \
    | awk '/^Requests\/sec:/ {print $2}'
}

declare -A sum
routes=(cached query write)
path_of() { case $1 in cached) echo /api/v1/municipalities/0301 ;; query) echo '/api/v1/offers?format=kit&limit=20' ;; write) echo /api/v1/requests ;; esac; }
for r in $(seq "$ROUNDS"); do
  for route in "${routes[@]}"; do
    lua=""
    [ "$route" = write ] && lua="$tmp/post.lua"
    order=(checked unchecked)
    [ $((r % 2)) -eq 0 ] && order=(unchecked checked)
    for which in "${order[@]}"; do
      port=$checked
      [ "$which" = unchecked ] && port=$unchecked
      v=$(rps "$port" "$(path_of "$route")" "$lua")
      log "round $r $route $which: $v req/s"
      sum[$route.$which]=$(awk -v a="${sum[$route.$which]:-0}" -v b="$v" 'BEGIN {print a + b}')
    done
  done
done

body="$tmp/section.md"
{
  echo "## Checking requests against the API document (bench/validation.sh)"
  echo
  echo "The same binary twice: with the check (default) and with \`--no-request-validation\`,"
  echo "wrk -t2 -c$CONNECTIONS, ${DURATION} s per run, $ROUNDS rounds alternating the order, mean"
  echo "requests per second; stemnet --threads $THREADS. Measured $(date -u +%Y-%m-%d) on"
  echo "$(nproc) cores. Rerun: \`bench/validation.sh\`."
  echo
  echo "| route | with check | without | ratio |"
  echo "|---|---:|---:|---:|"
  for route in "${routes[@]}"; do
    awk -v n="$ROUNDS" -v a="${sum[$route.checked]}" -v b="${sum[$route.unchecked]}" \
      -v name="$route $(path_of "$route" | sed 's/|/\\|/g')" \
      'BEGIN {printf "| %s | %.0f | %.0f | %.3f |\n", name, a / n, b / n, a / b}'
  done
  echo
  echo "A cached read is answered before the check (only answers to checked requests are"
  echo "cached); the write is the worst case, a valid body checked in full and then refused"
  echo "by its handler at once (no session), so the check is nearly all the work."
} >"$body"
splice_section "$OUT" validation "$body"
cat "$body"
