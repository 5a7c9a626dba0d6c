#!/usr/bin/env bash
# Scale-out benchmark (issue 16, item 7): a national data set (bench/scale/national.sql: 10 000
# offers, 50 000 slots, 5 000 teachers, 20 000 requests over the demo), and wrk against
#   (a) one server on SQLite, (b) one on PostgreSQL, (c) two on PostgreSQL behind nginx,
# in the same run: requests per second and p99 for a catalogue search, an area profile and a
# booking request (a POST that writes). Rewrites its section of docs/benchmarks.md.
#
# Usage (from anywhere, after a build):
#   bench/scale.sh                    # DURATION=15 s per measurement, 16 connections
#   SOAK=1800 bench/scale.sh          # then (c) under mixed load for 30 minutes, RSS sampled
#
# Environment: DURATION (15), CONNECTIONS (16), THREADS (server threads, 2), SOAK (0 s),
# STEMNET (build/src/stemnet). PostgreSQL is a throwaway cluster (scripts/test-postgres).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
log() { echo "scale: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
cd "$repo"
if [ -z "${STEMNET_TEST_POSTGRES:-}" ]; then exec scripts/test-postgres "$0" "$@"; fi

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
SOAK=${SOAK:-0}
STEMNET=${STEMNET:-build/src/stemnet}
[ -x "$STEMNET" ] || die "no $STEMNET: build first (make build)"
for tool in wrk nginx sqlite3 psql; do command -v $tool >/dev/null || die "$tool is missing (scripts/bootstrap)"; done
tmp=$(mktemp -d /tmp/stemnet-scale.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do stop "$p" TERM server; done; rm -rf "$tmp"; }
trap cleanup EXIT

# --- the national data set ------------------------------------------------------------
sqlite_db="sqlite:$tmp/national.db"
start=$(date +%s.%N)
for args in "import reference data/reference" "monitor catalogue data/indicators/catalogue.json" \
  "import udir $(echo data/reference/schools/*.tsv)" "import figures data/reference" "demo seed" \
  "monitor compute"; do
  # shellcheck disable=SC2086
  "$STEMNET" $args --db "$sqlite_db" >>"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; die "seeding failed"; }
done
sqlite3 "$tmp/national.db" <"$here/scale/national.sql"
made=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
counts=$(sqlite3 "$tmp/national.db" "SELECT (SELECT COUNT(*) FROM offer) || ' offers, ' ||
  (SELECT COUNT(*) FROM offer_slot) || ' slots, ' ||
  (SELECT COUNT(*) FROM person_role WHERE role = 'teacher') || ' teachers, ' ||
  (SELECT COUNT(*) FROM booking_request) || ' requests'")
log "national data set: $counts (${made} s)"
psql -q "$STEMNET_TEST_POSTGRES/postgres" -c "CREATE DATABASE national TEMPLATE template0"
pg_db="$STEMNET_TEST_POSTGRES/national"
start=$(date +%s.%N)
"$STEMNET" db copy --from "$sqlite_db" --to "$pg_db" >"$tmp/copy.log" 2>&1 || { cat "$tmp/copy.log" >&2; die "db copy failed"; }
copied=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
log "$(tail -1 "$tmp/copy.log") in ${copied} s"

# --- servers --------------------------------------------------------------------------
serve() { # serve NAME DB: starts a server; sets SERVED_PORT and SERVED_PID
  "$STEMNET" serve --db "$2" --port 0 --bind 127.0.0.1 --threads "$THREADS" --ui '' \
    --mail-dir "$tmp/mail-$1" --trusted-proxy 127.0.0.1 >"$tmp/$1.log" 2>&1 &
  SERVED_PID=$!
  pids+=("$SERVED_PID")
  SERVED_PORT=$(stemnet_port "$SERVED_PID" "$tmp/$1.log" "$1" 120)
}
nginx_port=$((20000 + RANDOM % 20000))
start_nginx() { # start_nginx PORT1 PORT2
  mkdir -p "$tmp/nginx/logs"
  cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 1; pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
  upstream stemnet { server 127.0.0.1:$1; server 127.0.0.1:$2; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://stemnet; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" &
  pids+=($!)
  for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/healthz" 2>/dev/null && return 0; sleep 0.1; done
  die "nginx did not start"
}

# A teacher's session (the demo's password) and a booking request's body, for wrk's POST.
session() { # session PORT: writes $tmp/post.lua
  local port=$1 jar="$tmp/cookies.$1"
  curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d '{"email":"laerer7@bench.stemnet.invalid","password":"demo-passord-2026"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" -o /dev/null || die "the bench teacher cannot sign in"
  local cookie csrf school
  cookie=$(awk '$6 == "stemnet_session" { print $7 }' "$jar")
  csrf=$(awk '$6 == "stemnet_csrf" { print $7 }' "$jar")
  school=$(sqlite3 "$tmp/national.db" "SELECT substr(scope, 8) FROM person_role WHERE person_id = 'bench-teacher-7'")
  cat >"$tmp/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "stemnet_session=$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
wrk.body = '{"offer_id":"bench-offer-42","school":"$school","grade":9,"pupils":24,"wished":"uke 12"}'
LUA
}

to_ms() {
  awk -v t="$1" 'BEGIN { if (match(t, /^[0-9.]+/) == 0) exit 1
    v = substr(t, 1, RLENGTH); u = substr(t, RLENGTH + 1)
    if (u == "us") f = 0.001; else if (u == "ms") f = 1; else if (u == "s") f = 1000; else exit 1
    printf "%.2f\n", v * f }'
}
search_path="/api/v1/offers?q=energi&municipality=4601&limit=20"
profile_path="/api/v1/areas/4601/profile"
measure() { # measure SETUP PORT
  local setup=$1 port=$2 name path out rps p99 bad
  session "$port"
  for name in search profile request; do
    case $name in
      search) path=$search_path; script=() ;;
      profile) path=$profile_path; script=() ;;
      request) path=/api/v1/requests; script=(-s "$tmp/post.lua") ;;
    esac
    out="$tmp/wrk.$setup.$name.txt"
    wrk -t2 -c"$CONNECTIONS" -d3s "${script[@]}" "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "http://127.0.0.1:$port$path" >"$out" 2>&1 ||
      { cat "$out" >&2; die "wrk failed"; }
    rps=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' "$out")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$out")
    printf '%s\t%s\t%s\t%s\t%s\n' "$setup" "$name" "$rps" "$p99" "${bad:-0}" >>"$tmp/results.tsv"
    log "$setup $name: $rps req/s, p99 $p99 ms, non-2xx ${bad:-0}"
  done
}
: >"$tmp/results.tsv"

serve a "$sqlite_db"
a_pid=$SERVED_PID
measure a "$SERVED_PORT"
stop "$a_pid" TERM a
serve b "$pg_db"
b_pid=$SERVED_PID
port=$SERVED_PORT
measure b "$port"
serve c2 "$pg_db"
c2_pid=$SERVED_PID
start_nginx "$port" "$SERVED_PORT"
measure c "$nginx_port"

# --- the soak: (c) under mixed load, RSS of both servers sampled every 10 s --------------
soak_line=""
if [ "$SOAK" -gt 0 ]; then
  log "soak: ${SOAK} s on (c)"
  wrk -t1 -c8 -d"${SOAK}s" "http://127.0.0.1:$nginx_port$search_path" >"$tmp/soak.search" 2>&1 &
  w1=$!
  wrk -t1 -c4 -d"${SOAK}s" -s "$tmp/post.lua" "http://127.0.0.1:$nginx_port/api/v1/requests" >"$tmp/soak.post" 2>&1 &
  w2=$!
  : >"$tmp/rss.tsv"
  while kill -0 $w1 2>/dev/null; do
    for p in $b_pid $c2_pid; do printf '%s\t%s\t%s\n' "$(date +%s)" "$p" "$(awk '/VmRSS/ { print $2 }' /proc/$p/status)" >>"$tmp/rss.tsv"; done
    sleep 10
  done
  wait $w1 $w2 || true
  errors=$(cat "$tmp/soak.search" "$tmp/soak.post" | sed -n 's/^ *\(Non-2xx.*\|Socket errors.*\)$/\1/p' | tr '\n' ' ')
  rss=$(awk -v pid="$b_pid" '$2 == pid { if (!first) first = $3; last = $3; if ($3 > max) max = $3 } END { printf "RSS of one server %d → %d KiB (max %d)", first, last, max }' "$tmp/rss.tsv")
  soak_line="Soak: ${SOAK} s of search and booking requests on (c): $rss; errors: ${errors:-none}."
  log "$soak_line"
fi

# --- the report -----------------------------------------------------------------------
body="$tmp/section.md"
{
  echo "## Scale-out: SQLite, PostgreSQL, two servers behind nginx (bench/scale.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores with \`bench/scale.sh\` (DURATION=$DURATION s per"
  echo "measurement, $CONNECTIONS connections, \`--threads $THREADS\` per server; wrk, PostgreSQL, nginx and the"
  echo "servers share the machine). Data: $counts (made in ${made} s; \`stemnet db copy\` to"
  echo "PostgreSQL in ${copied} s). Search: \`GET $search_path\`; profile: \`GET $profile_path\`"
  echo "(cached 5 s by each server); request: \`POST /api/v1/requests\` (a teacher's booking request, one"
  echo "transaction each)."
  echo
  echo "| setup | search req/s | search p99 ms | profile req/s | profile p99 ms | request req/s | request p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for setup in a b c; do
    label=$(case $setup in a) echo "(a) one server, SQLite";; b) echo "(b) one server, PostgreSQL";; c) echo "(c) two servers, PostgreSQL, nginx";; esac)
    awk -F'\t' -v s="$setup" -v l="$label" '$1 == s { v[$2 "rps"] = $3; v[$2 "p99"] = $4 }
      END { printf "| %s | %s | %s | %s | %s | %s | %s |\n", l, v["searchrps"], v["searchp99"], v["profilerps"], v["profilep99"], v["requestrps"], v["requestp99"] }' "$tmp/results.tsv"
  done
  echo
  awk -F'\t' '$1 == "b" { b[$2] = $3 } $1 == "c" { c[$2] = $3 }
    END { printf "(c) / (b): search %.2f×, profile %.2f×, request %.2f×.", c["search"] / b["search"], c["profile"] / b["profile"], c["request"] / b["request"] }' "$tmp/results.tsv"
  echo
  bad=$(awk -F'\t' '$5 != 0 { printf "%s %s: %s non-2xx; ", $1, $2, $5 }' "$tmp/results.tsv")
  echo "Non-2xx answers: ${bad:-none}."
  [ -n "$soak_line" ] && { echo; echo "$soak_line"; }
} >"$body"
cat "$body"
splice_section docs/benchmarks.md scale "$body"
