#!/usr/bin/env bash
# HTTP benchmark: stemnet against nginx serving the same JSON body as a static
# file, both on loopback, measured with wrk one after the other in the same run.
# Rewrites only its own section of docs/benchmarks.md, between the lines
# <!-- bench:http --> and <!-- /bench:http --> (appended if missing); the rest of
# the file (bench/jsonstat.sh's section among it) is kept.
#
# Usage (from anywhere; `make bench` builds first, then runs this):
#   bench/http.sh
#   DURATION=30 ROUNDS=3 bench/http.sh
#
# Environment:
#   DURATION  seconds of each measured wrk run (default 15)
#   ROUNDS    measured rounds; the order of the two servers alternates (default 1)
#   WARMUP    seconds of the unmeasured wrk run before each measurement (default 3)
#   THREADS   stemnet --threads and nginx worker_processes (default 2)
#   STEMNET   the stemnet binary (default build/src/stemnet)
#   BASELINE  another stemnet binary (an older build) measured in the same run, for a
#             before/after ratio; e.g. a build of the commit before a change:
#               git worktree add /tmp/before <commit> && cmake -S /tmp/before -B /tmp/before/build \
#                 -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C /tmp/before/build stemnet
#               BASELINE=/tmp/before/build/src/stemnet bench/http.sh
#
# Installs wrk and nginx-light (by name, apt-get; sudo when not root) if missing.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-1}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-2}
STEMNET=${STEMNET:-build/src/stemnet}
BASELINE=${BASELINE:-}
CONNECTIONS=64
WRK_THREADS=2
ENDPOINT=/api/v1/municipalities/0301
OUT=docs/benchmarks.md

die() { echo "bench: error: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

for v in DURATION ROUNDS WARMUP THREADS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
done
[ -x "$STEMNET" ] || die "$STEMNET not found or not executable; build first (make build)"
[ -z "$BASELINE" ] || [ -x "$BASELINE" ] || die "BASELINE $BASELINE not found or not executable"

# --- tools --------------------------------------------------------------------
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null 2>&1 || missing+=(curl)
install_missing "${missing[@]}"
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

# --- temporary folder and cleanup -------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stemnet-bench.XXXXXX")
stemnet_pid=""
nginx_pid=""
baseline_pid=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$stemnet_pid" ]; then stop "$stemnet_pid" INT stemnet; fi
  if [ -n "$nginx_pid" ]; then stop "$nginx_pid" TERM nginx; fi
  if [ -n "$baseline_pid" ]; then stop "$baseline_pid" INT baseline; fi
  if [ $rc -ne 0 ]; then
    for f in stemnet.log nginx-error.log nginx-stderr.log; do
      [ -s "$tmp/$f" ] && { echo "--- $f" >&2; tail -n 20 "$tmp/$f" >&2; }
    done
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free loopback port found"
}

# --- stemnet --------------------------------------------------------------------
log "importing reference data into a fresh database"
"$STEMNET" import reference data/reference --db "sqlite:$tmp/bench.db" >"$tmp/import.log" 2>&1 \
  || { cat "$tmp/import.log" >&2; die "import failed"; }

# --port 0: the kernel picks a free port, stemnet prints which one.
"$STEMNET" serve --db "sqlite:$tmp/bench.db" --port 0 --bind 127.0.0.1 --threads "$THREADS" \
  >"$tmp/stemnet.log" 2>&1 &
stemnet_pid=$!
stemnet_port=$(stemnet_port "$stemnet_pid" "$tmp/stemnet.log" stemnet)
stemnet_url="http://127.0.0.1:$stemnet_port$ENDPOINT"
log "stemnet (pid $stemnet_pid, $THREADS threads) on $stemnet_url"

# --- the baseline: an older stemnet on its own database, when asked for ----------------
baseline_url=""
if [ -n "$BASELINE" ]; then
  "$BASELINE" import reference data/reference --db "sqlite:$tmp/baseline.db" >"$tmp/import-baseline.log" 2>&1 \
    || { cat "$tmp/import-baseline.log" >&2; die "import with the baseline failed"; }
  "$BASELINE" serve --db "sqlite:$tmp/baseline.db" --port 0 --bind 127.0.0.1 --threads "$THREADS" \
    >"$tmp/baseline.log" 2>&1 &
  baseline_pid=$!
  baseline_port=$(stemnet_port "$baseline_pid" "$tmp/baseline.log" baseline)
  baseline_url="http://127.0.0.1:$baseline_port$ENDPOINT"
  log "baseline $BASELINE (pid $baseline_pid) on $baseline_url"
fi

# --- the body, served by nginx as a static file at the same path ------------------------
mkdir -p "$tmp/www${ENDPOINT%/*}" "$tmp/nginx-temp"
curl -sS --fail -o "$tmp/www$ENDPOINT" "$stemnet_url" || die "GET $stemnet_url failed"
body_bytes=$(wc -c <"$tmp/www$ENDPOINT")
[ "$body_bytes" -gt 0 ] || die "empty body from $stemnet_url"
# nginx's workers may run as another user (nobody) when we are root.
chmod -R a+rX "$tmp/www"
chmod a+x "$tmp"

start_nginx() {
  local port=$1
  cat >"$tmp/nginx.conf" <<EOF
# Generated by bench/http.sh; not the system nginx.
daemon off;
master_process on;
worker_processes $THREADS;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events {
  worker_connections 4096;
}
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 120s;
  keepalive_requests 100000000;
  open_file_cache max=16 inactive=60s;
  client_body_temp_path $tmp/nginx-temp/body;
  proxy_temp_path $tmp/nginx-temp/proxy;
  fastcgi_temp_path $tmp/nginx-temp/fastcgi;
  uwsgi_temp_path $tmp/nginx-temp/uwsgi;
  scgi_temp_path $tmp/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    location / {
      try_files \$uri =404;
    }
  }
}
EOF
  "$NGINX" -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/nginx-stderr.log" &
  nginx_pid=$!
  for _ in $(seq 100); do
    kill -0 "$nginx_pid" 2>/dev/null || { wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""; return 1; }
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  return 1
}

nginx_port=""
for attempt in 1 2 3 4 5; do
  p=$(free_port)
  if start_nginx "$p"; then nginx_port=$p; break; fi
  log "nginx did not start on port $p (attempt $attempt)"
done
[ -n "$nginx_port" ] || die "nginx did not start"
nginx_url="http://127.0.0.1:$nginx_port$ENDPOINT"
log "nginx (pid $nginx_pid, $THREADS workers) on $nginx_url"

# --- same body from both ----------------------------------------------------------
curl -sS --fail -o "$tmp/body.stemnet" "$stemnet_url" || die "GET $stemnet_url failed"
curl -sS --fail -o "$tmp/body.nginx" "$nginx_url" || die "GET $nginx_url failed"
cmp -s "$tmp/body.stemnet" "$tmp/body.nginx" || {
  diff <(head -c 2000 "$tmp/body.stemnet") <(head -c 2000 "$tmp/body.nginx") >&2 || true
  die "stemnet and nginx answer different bodies for $ENDPOINT"
}
if [ -n "$baseline_url" ]; then
  curl -sS --fail -o "$tmp/body.baseline" "$baseline_url" || die "GET $baseline_url failed"
  cmp -s "$tmp/body.stemnet" "$tmp/body.baseline" || die "the baseline answers another body for $ENDPOINT"
fi
nginx_type=$(curl -sS -o /dev/null -w '%{content_type}' "$nginx_url")
[ "$nginx_type" = application/json ] || die "nginx answers Content-Type '$nginx_type', not application/json"
log "bodies identical ($body_bytes bytes)"

# --- measuring ----------------------------------------------------------------------
to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s, 1.00m
  awk -v t="$1" 'BEGIN {
    if (match(t, /^[0-9.]+/) == 0) exit 1
    v = substr(t, 1, RLENGTH); u = substr(t, RLENGTH + 1)
    if (u == "us") f = 0.001; else if (u == "ms") f = 1; else if (u == "s") f = 1000
    else if (u == "m") f = 60000; else if (u == "h") f = 3600000; else exit 1
    printf "%.3f\n", v * f }'
}

declare -A rps_list p99_list errors
run_wrk() { # run_wrk NAME URL ROUND
  local name=$1 url=$2 round=$3 out="$tmp/wrk.$1.$3.txt" rps p99raw p99 sock
  log "round $round: $name: warm-up ${WARMUP}s"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >"$tmp/warmup.txt" 2>&1 \
    || { cat "$tmp/warmup.txt" >&2; die "wrk warm-up against $name failed"; }
  grep -q 'Non-2xx or 3xx responses' "$tmp/warmup.txt" \
    && { cat "$tmp/warmup.txt" >&2; die "$name answered non-2xx during warm-up"; }
  log "round $round: $name: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency $url"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk against $name failed"; }
  cat "$out" >&2
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    die "$name answered non-2xx responses during the measurement: $(grep 'Non-2xx' "$out")"
  fi
  rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$out")
  p99raw=$(awk '$1 == "99%" { print $2 }' "$out")
  if [ -z "$rps" ] || [ -z "$p99raw" ]; then die "could not parse wrk's output for $name"; fi
  p99=$(to_ms "$p99raw") || die "unknown latency unit in '$p99raw'"
  awk -v r="$rps" 'BEGIN { exit !(r > 0) }' || die "$name: 0 requests/s"
  sock=$(sed -n 's/^ *Socket errors: *//p' "$out")
  if [ -n "$sock" ]; then errors[$name]+="round $round: $sock; "; fi
  rps_list[$name]+="$rps "
  p99_list[$name]+="$p99 "
  printf '%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p99" >>"$tmp/rounds.tsv"
}

: >"$tmp/rounds.tsv"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order=(stemnet nginx baseline); else order=(baseline nginx stemnet); fi
  for name in "${order[@]}"; do
    case $name in
      stemnet) run_wrk stemnet "$stemnet_url" "$round" ;;
      nginx) run_wrk nginx "$nginx_url" "$round" ;;
      baseline) if [ -n "$baseline_url" ]; then run_wrk baseline "$baseline_url" "$round"; fi ;;
    esac
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# Both still alive and answering 200 after the run.
for url in "$stemnet_url" "$nginx_url" $baseline_url; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  [ "$code" = 200 ] || die "$url answers $code after the run"
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END {
  if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
s_rps=$(median <<<"${rps_list[stemnet]}")
n_rps=$(median <<<"${rps_list[nginx]}")
s_p99=$(median <<<"${p99_list[stemnet]}")
n_p99=$(median <<<"${p99_list[nginx]}")
ratio=$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", s / n }')
yesno() { awk "BEGIN { print ($1) ? \"yes\" : \"no\" }"; }
ratio_ok=$(yesno "$s_rps / $n_rps >= 0.8")
p99_ok=$(yesno "$s_p99 < 5")
n_p99_ok=$(yesno "$n_p99 < 5")
if [ -n "$baseline_url" ]; then
  b_rps=$(median <<<"${rps_list[baseline]}")
  b_p99=$(median <<<"${p99_list[baseline]}")
  b_ratio=$(awk -v s="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", s / n }')
  vs_baseline=$(awk -v s="$s_rps" -v b="$b_rps" 'BEGIN { printf "%.3f", s / b }')
  baseline_version=$("$BASELINE" --version 2>&1 | head -n1)
fi
fmt_rps() { printf '%.0f' "$1"; }
fmt_ms() { printf '%.2f' "$1"; }

# --- docs/benchmarks.md ---------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n1)
[ -n "$cpu" ] || cpu=$(sed -n 's/^\(Hardware\|cpu model\)[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n1)
[ -n "$cpu" ] || cpu=unknown
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- . ":(exclude)$OUT" 2>/dev/null; then
  commit="$commit (with uncommitted changes)"
fi
stemnet_version=$("$STEMNET" --version 2>&1 | head -n1)
nginx_version=$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')
wrk_version=$(wrk --version 2>&1 | head -n1 | awk '{ print $2 }' || true)
if [ "$ROUNDS" -gt 1 ]; then agg="median of $ROUNDS rounds"; else agg="1 round"; fi

{
cat <<EOF
## HTTP: stemnet against nginx (\`bench/http.sh\`)

Generated by \`bench/http.sh\`, which rewrites only this section (between the
\`bench:http\` markers); do not edit it by hand (change the script instead).

### What is measured

The read API under load, against a reference point: the same JSON body served by
nginx as a static file. Both servers run on loopback in the same run, one after
the other (never at the same time), with the same wrk settings:

- **stemnet**: \`stemnet serve --threads $THREADS --bind 127.0.0.1\` on a fresh SQLite
  database (\`stemnet import reference data/reference\`), a build at
  \`$STEMNET\`.
- **nginx**: its own configuration in a temporary folder (not the system nginx):
  \`worker_processes $THREADS\`, \`default_type application/json\`, access log off,
  \`sendfile\`, \`open_file_cache\`, \`keepalive_requests\` high. The file is the
  body stemnet returned, fetched once with curl; the script checks that both
  servers return identical bodies before measuring.
- **load**: \`wrk -t$WRK_THREADS -c$CONNECTIONS -d\${DURATION}s --latency URL\`, keep-alive on both, after
  a \${WARMUP}-second unmeasured wrk warm-up against the same server. With
  \`ROUNDS\` > 1 the order alternates each round and the tables show medians.
  Any non-2xx answer fails the run.
- **caveat**: wrk runs on the same machine and shares its cores with the server
  under test, so neither server has the machine to itself; the figures are for
  comparing the two, not absolute capacity.

Targets (from the issue): stemnet at **≥ 0.8×** nginx's requests/s, with
**p99 < 5 ms**, at $CONNECTIONS connections.

### How to rerun

\`\`\`sh
make bench                          # builds, then runs bench/http.sh and bench/jsonstat.sh
bench/http.sh                       # the binary must be built already
DURATION=30 ROUNDS=3 bench/http.sh  # defaults: DURATION=15 ROUNDS=1 WARMUP=3 THREADS=2
\`\`\`

The script installs wrk and nginx-light (apt-get) if missing.

### Machine (last run)

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- CPU: $cpu; nproc: $(nproc)
- Kernel: $(uname -sr)
- Load average (1, 5, 15 min) before / after measuring: $load_before / $load_after
- stemnet: $stemnet_version, commit $commit; nginx: $nginx_version; wrk: ${wrk_version:-unknown}
- Run: DURATION=$DURATION ROUNDS=$ROUNDS WARMUP=$WARMUP THREADS=$THREADS

### HTTP: \`GET $ENDPOINT\`

Body: $body_bytes bytes of JSON. $CONNECTIONS connections, ${DURATION} s per measurement, $agg.

| server | requests/s | p99 latency (ms) | ratio to nginx | targets (≥ 0.8×, p99 < 5 ms) |
|---|---:|---:|---:|---|
| stemnet | $(fmt_rps "$s_rps") | $(fmt_ms "$s_p99") | ${ratio}× | ≥ 0.8×: **$ratio_ok**; p99 < 5 ms: **$p99_ok** |
| nginx (static file) | $(fmt_rps "$n_rps") | $(fmt_ms "$n_p99") | 1.00× | (reference; p99 < 5 ms: $n_p99_ok) |
EOF
if [ -n "$baseline_url" ]; then
cat <<EOF
| stemnet before (BASELINE) | $(fmt_rps "$b_rps") | $(fmt_ms "$b_p99") | ${b_ratio}× | (the build before the change) |

Before and after, in the same run: this build answers **${vs_baseline}×** the requests/s of
the baseline (\`$BASELINE\`: $baseline_version).
EOF
fi
if [ "$ROUNDS" -gt 1 ]; then
  echo
  echo "Each round:"
  echo
  echo "| round | server | requests/s | p99 latency (ms) |"
  echo "|---:|---|---:|---:|"
  while IFS=$'\t' read -r r n q l; do
    echo "| $r | $n | $(fmt_rps "$q") | $(fmt_ms "$l") |"
  done <"$tmp/rounds.tsv"
fi
if [ -n "${errors[stemnet]:-}${errors[nginx]:-}" ]; then
  echo
  echo "wrk reported socket errors:"
  echo
  if [ -n "${errors[stemnet]:-}" ]; then echo "- stemnet: ${errors[stemnet]%; }"; fi
  if [ -n "${errors[nginx]:-}" ]; then echo "- nginx: ${errors[nginx]%; }"; fi
fi
} >"$tmp/section.md"

splice_section "$OUT" http "$tmp/section.md"
log "stemnet $(fmt_rps "$s_rps") req/s, p99 $(fmt_ms "$s_p99") ms; nginx $(fmt_rps "$n_rps") req/s, p99 $(fmt_ms "$n_p99") ms; ratio ${ratio}x"
if [ -n "$baseline_url" ]; then log "baseline $(fmt_rps "$b_rps") req/s, p99 $(fmt_ms "$b_p99") ms; this build / baseline = ${vs_baseline}x"; fi
log "wrote the http section of $OUT"
