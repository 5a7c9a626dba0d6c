#!/usr/bin/env bash
# Sign-up burst benchmark: read latency while 50 people sign up at once.
#
# Password hashing (argon2id, 64 MiB) is slow on purpose. The routes that hash
# (sign-up, login, reset/confirm) run on their own small pool
# (`stemnet serve --hash-threads N`); `--hash-threads 0` runs them inline on the
# network threads, kept for this comparison. Three runs, each on a fresh server
# (`--threads 2`) and a fresh copy of the database, one after the other:
#
#   quiet   --hash-threads 2   wrk alone (baseline)
#   inline  --hash-threads 0   wrk, and 2 s in, 50 concurrent sign-ups
#   pool    --hash-threads 2   wrk, and 2 s in, 50 concurrent sign-ups
#
# wrk reads GET /api/v1/municipalities/0301 (-t1 -c16 --latency); the burst is
# 50 POST /api/v1/auth/signup sent by one curl process in parallel, all
# connections opened at once. Every sign-up must answer 201 and every read 2xx,
# or the run fails.
#
# Rewrites only its own section of docs/benchmarks.md, between the lines
# <!-- bench:signup-burst --> and <!-- /bench:signup-burst --> (appended if
# missing); the rest of the file is kept.
#
# Usage (from anywhere; builds nothing: `make build` first):
#   bench/signup_burst.sh
#   DURATION=20 bench/signup_burst.sh
#   flock /tmp/stemnet-cpu.lock bench/signup_burst.sh   # on a shared machine
#
# Environment:
#   DURATION  seconds of each measured wrk run (default 10)
#   WARMUP    seconds of the unmeasured wrk run before each measurement (default 2)
#   STEMNET   the stemnet binary (default build/src/stemnet)
#
# Installs wrk and curl (by name, apt-get; sudo when not root) if missing.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export LC_ALL=C # "." as the decimal mark in EPOCHREALTIME and awk

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
STEMNET=${STEMNET:-build/src/stemnet}
THREADS=2           # stemnet --threads (network threads)
POOL_THREADS=2      # --hash-threads in the pool runs
CONNECTIONS=16
WRK_THREADS=1
WRK_TIMEOUT=30s     # wrk's default (2 s) would drop stalled reads from the histogram
SIGNUPS=50
BURST_AFTER=2       # seconds after wrk starts
SIGNUPS_PER_HOUR=100000
ENDPOINT=/api/v1/municipalities/0301
SIGNUP=/api/v1/auth/signup
OUT=docs/benchmarks.md

die() { echo "bench/signup_burst: error: $*" >&2; exit 1; }
log() { echo "bench/signup_burst: $*" >&2; }

for v in DURATION WARMUP; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
done
[ "$DURATION" -gt "$BURST_AFTER" ] || die "DURATION must be more than $BURST_AFTER s"
[ -x "$STEMNET" ] || die "$STEMNET not found or not executable; build first (make build)"
# --hash-threads 0 (inline) must be accepted: CLI11 prints the range in --help.
"$STEMNET" serve --help 2>&1 | grep -q -- '--hash-threads INT:INT in \[0 ' \
  || die "$STEMNET does not accept --hash-threads 0; rebuild (make build)"

# --- tools --------------------------------------------------------------------
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
install_missing "${missing[@]}"
curl --help all 2>/dev/null | grep -q -- '--parallel-immediate' \
  || die "curl $(curl --version | head -n1 | awk '{ print $2 }') lacks --parallel-immediate (need 7.68 or later)"

# --- temporary folder and cleanup -------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stemnet-signup-burst.XXXXXX")
stemnet_pid=""
wrk_pid=""
run_name=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$wrk_pid" ]; then stop "$wrk_pid" TERM wrk; fi
  if [ -n "$stemnet_pid" ]; then stop "$stemnet_pid" INT stemnet; fi
  if [ $rc -ne 0 ] && [ -n "$run_name" ] && [ -s "$tmp/stemnet.$run_name.log" ]; then
    echo "--- stemnet.$run_name.log" >&2
    tail -n 20 "$tmp/stemnet.$run_name.log" >&2
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the database, imported once and copied for each run --------------------------------
log "importing reference data into a fresh database"
"$STEMNET" import reference data/reference --db "sqlite:$tmp/b.db" >"$tmp/import.log" 2>&1 \
  || { cat "$tmp/import.log" >&2; die "import failed"; }

start_server() { # start_server NAME HASH_THREADS: sets stemnet_pid, base
  local name=$1 hash_threads=$2 log_file="$tmp/stemnet.$1.log" port="" f
  for f in "$tmp"/b.db "$tmp"/b.db-wal "$tmp"/b.db-shm; do
    if [ -f "$f" ]; then cp "$f" "$tmp/$name.db${f#"$tmp"/b.db}"; fi
  done
  mkdir -p "$tmp/mail.$name"
  # --port 0: the kernel picks a free port, stemnet prints which one.
  "$STEMNET" serve --db "sqlite:$tmp/$name.db" --port 0 --bind 127.0.0.1 --ui '' \
    --mail-dir "$tmp/mail.$name" --threads "$THREADS" --hash-threads "$hash_threads" \
    --signups-per-hour "$SIGNUPS_PER_HOUR" >"$log_file" 2>&1 &
  stemnet_pid=$!
  port=$(stemnet_port "$stemnet_pid" "$log_file" "stemnet ($name)")
  base="http://127.0.0.1:$port"
  log "$name: stemnet (pid $stemnet_pid, --threads $THREADS --hash-threads $hash_threads) on $base"
}

to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s, 1.00m
  awk -v t="$1" 'BEGIN {
    if (match(t, /^[0-9.]+/) == 0) exit 1
    v = substr(t, 1, RLENGTH); u = substr(t, RLENGTH + 1)
    if (u == "us") f = 0.001; else if (u == "ms") f = 1; else if (u == "s") f = 1000
    else if (u == "m") f = 60000; else if (u == "h") f = 3600000; else exit 1
    printf "%.3f\n", v * f }'
}

# burst NAME: SIGNUPS sign-ups from one curl, in parallel, every connection
# opened at once; sets burst_s (first sent to last answered) and checks all are 201.
burst() {
  local name=$1 dir="$tmp/burst.$1" i t0 t1 codes bad
  mkdir -p "$dir"
  : >"$dir/curl.cfg"
  for i in $(seq "$SIGNUPS"); do
    if [ "$i" -gt 1 ]; then echo 'next' >>"$dir/curl.cfg"; fi
    cat >>"$dir/curl.cfg" <<EOF
url = "$base$SIGNUP"
header = "Content-Type: application/json"
data = "{\"email\":\"b$i@burst.test\",\"name\":\"B\",\"password\":\"a long enough password\"}"
output = "$dir/body.$i"
write-out = "%{http_code} %{filename_effective}\n"
max-time = 120
EOF
  done
  log "$name: burst of $SIGNUPS sign-ups"
  t0=$EPOCHREALTIME
  curl --no-progress-meter --parallel --parallel-immediate --parallel-max "$SIGNUPS" --config "$dir/curl.cfg" \
    >"$dir/codes" 2>"$dir/curl.err" || true
  t1=$EPOCHREALTIME
  burst_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  codes=$(awk '{ print $1 }' "$dir/codes" | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep = ", " }')
  bad=$(awk '$1 != "201" { n++ } END { print n + 0 }' "$dir/codes")
  if [ "$(wc -l <"$dir/codes")" -ne "$SIGNUPS" ] || [ "$bad" -ne 0 ]; then
    cat "$dir/curl.err" >&2
    awk '$1 != "201" { print $1, $2 }' "$dir/codes" | head -n 3 | while read -r c f; do
      echo "a sign-up answered $c: $(head -c 400 "$f" 2>/dev/null)" >&2
    done
    die "$name: sign-ups did not all answer 201 (HTTP codes: ${codes:-none}; $((SIGNUPS - $(wc -l <"$dir/codes"))) with no answer at all)"
  fi
  log "$name: $SIGNUPS sign-ups, all 201, in $burst_s s"
}

declare -A rps p50 p90 p99 max hash_of burst_of late_of socket_of
run() { # run NAME HASH_THREADS BURST(yes|no)
  local name=$1 hash_threads=$2 with_burst=$3 out="$tmp/wrk.$1.txt" url code t_start t_end late
  run_name=$name
  start_server "$name" "$hash_threads"
  url="$base$ENDPOINT"
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  [ "$code" = 200 ] || die "$name: GET $url answers $code"

  log "$name: warm-up ${WARMUP}s"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >"$tmp/warmup.txt" 2>&1 \
    || { cat "$tmp/warmup.txt" >&2; die "$name: wrk warm-up failed"; }
  grep -q 'Non-2xx or 3xx responses' "$tmp/warmup.txt" \
    && { cat "$tmp/warmup.txt" >&2; die "$name: non-2xx answers during warm-up"; }

  log "$name: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --timeout $WRK_TIMEOUT --latency $url"
  t_start=$EPOCHREALTIME
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$WRK_TIMEOUT" --latency "$url" \
    >"$out" 2>&1 &
  wrk_pid=$!
  burst_s=""
  late=no
  if [ "$with_burst" = yes ]; then
    sleep "$BURST_AFTER"
    kill -0 "$wrk_pid" 2>/dev/null || { cat "$out" >&2; die "$name: wrk ended before the burst"; }
    burst "$name"
    t_end=$EPOCHREALTIME
    late=$(awk -v a="$t_start" -v b="$t_end" -v d="$DURATION" 'BEGIN { print (b - a > d) ? "yes" : "no" }')
    if [ "$late" = yes ]; then
      log "$name: warning: the burst outlasted wrk's ${DURATION}s window"
    fi
  fi
  if ! wait "$wrk_pid"; then wrk_pid=""; cat "$out" >&2; die "$name: wrk failed"; fi
  wrk_pid=""
  cat "$out" >&2
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    die "$name: non-2xx reads during the measurement: $(grep 'Non-2xx' "$out")"
  fi

  rps[$name]=$(awk '$1 == "Requests/sec:" { print $2 }' "$out")
  local k raw
  for k in 50 90 99; do
    raw=$(awk -v k="$k%" '$1 == k { print $2 }' "$out")
    [ -n "$raw" ] || die "$name: no $k% line in wrk's output"
    case $k in
      50) p50[$name]=$(to_ms "$raw") || die "unknown latency unit in '$raw'" ;;
      90) p90[$name]=$(to_ms "$raw") || die "unknown latency unit in '$raw'" ;;
      99) p99[$name]=$(to_ms "$raw") || die "unknown latency unit in '$raw'" ;;
    esac
  done
  raw=$(awk '$1 == "Latency" && NF >= 4 { print $4; exit }' "$out")
  max[$name]=$(to_ms "$raw") || die "$name: cannot parse wrk's max latency '$raw'"
  [ -n "${rps[$name]}" ] || die "$name: could not parse wrk's requests/s"
  awk -v r="${rps[$name]}" 'BEGIN { exit !(r > 0) }' || die "$name: 0 requests/s"
  socket_of[$name]=$(sed -n 's/^ *Socket errors: *//p' "$out")
  hash_of[$name]=$hash_threads
  burst_of[$name]=${burst_s:-}
  late_of[$name]=$late

  # Still answering after the run.
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  [ "$code" = 200 ] || die "$name: GET $url answers $code after the run"
  stop "$stemnet_pid" INT stemnet
  stemnet_pid=""
  run_name=""
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
run quiet "$POOL_THREADS" no
run inline 0 yes
run pool "$POOL_THREADS" yes
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

ratio=$(awk -v a="${p99[inline]}" -v b="${p99[pool]}" 'BEGIN { printf "%.1f", a / b }')
fmt_rps() { printf '%.0f' "$1"; }
fmt_ms() { printf '%.2f' "$1"; }

# --- docs/benchmarks.md ---------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n1)
[ -n "$cpu" ] || cpu=unknown
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- . ":(exclude)$OUT" 2>/dev/null; then
  commit="$commit (with uncommitted changes)"
fi
stemnet_version=$("$STEMNET" --version 2>&1 | head -n1)
wrk_version=$(wrk --version 2>&1 | head -n1 | awk '{ print $2 }' || true)
curl_version=$(curl --version | head -n1 | awk '{ print $2 }')

row() { # row NAME LABEL
  local n=$1 burst="—"
  if [ -n "${burst_of[$n]:-}" ]; then
    burst="${burst_of[$n]} s"
    if [ "${late_of[$n]}" = yes ]; then burst="$burst (outlasted wrk)"; fi
  fi
  echo "| $2 | ${hash_of[$n]} | $(fmt_rps "${rps[$n]}") | $(fmt_ms "${p50[$n]}") | $(fmt_ms "${p90[$n]}") | $(fmt_ms "${p99[$n]}") | $(fmt_ms "${max[$n]}") | $burst |"
}
notes() { # lines under the table, each "- ...", or nothing
  local n
  for n in inline pool; do
    if [ "${late_of[$n]}" = yes ]; then
      echo "- $n: the burst was still running when wrk stopped, so wrk's whole window after" \
        "the first $BURST_AFTER s was under the burst (and the burst's last part went unmeasured);" \
        "a longer DURATION covers it all."
    fi
  done
  for n in quiet inline pool; do
    if [ -n "${socket_of[$n]:-}" ]; then echo "- $n: wrk reported socket errors: ${socket_of[$n]}"; fi
  done
}

cat >"$tmp/section.md" <<EOF
## Sign-up burst: read latency while 50 people sign up (\`bench/signup_burst.sh\`)

Generated by \`bench/signup_burst.sh\`, which rewrites only this section (between
the \`bench:signup-burst\` markers); do not edit it by hand (change the script instead).

### What is measured

Password hashing (argon2id, 64 MiB) takes a core for a noticeable time on
purpose. The routes that hash (sign-up, login, reset/confirm) run on their own
pool (\`--hash-threads N\`, default 2); \`--hash-threads 0\` runs them inline on
the network threads, the way it used to be. This measures what a burst of
sign-ups does to everyone else's reads, both ways, in the same run.

Three runs, one after the other, each on a fresh \`stemnet serve --threads $THREADS
--signups-per-hour $SIGNUPS_PER_HOUR\` and a fresh copy of the same SQLite database
(\`stemnet import reference data/reference\`):

- **reads**: \`wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --timeout $WRK_TIMEOUT --latency\`
  on \`GET $ENDPOINT\`, after a ${WARMUP}-second unmeasured warm-up. (The long
  \`--timeout\` keeps stalled reads in the histogram; at wrk's default of 2 s
  they would be dropped as timeouts.) Any non-2xx read fails the run.
- **burst**: $BURST_AFTER s after wrk starts, $SIGNUPS \`POST $SIGNUP\` (JSON, a distinct
  e-mail each) from one curl with \`--parallel --parallel-immediate\`, all
  connections opened at once. Every sign-up must answer 201, or the run fails.
  The burst's duration is from the first sent to the last answered. It is the
  other side of the trade: with hashing on its own pool the reads keep their
  share of the cores, so the sign-ups themselves may take longer.
- **quiet**: the pool configuration with wrk alone, no burst: the baseline.

Caveat: wrk, curl and the server share this machine's $(nproc) cores, so the
figures compare the runs with each other; they are not absolute capacity.
wrk measures with closed-loop connections: a stalled connection sends nothing
else meanwhile, so a stall shows as a few very slow reads (p99, max) and
fewer requests/s, not as many slow ones.

### How to rerun

\`\`\`sh
make build                                          # the script builds nothing
bench/signup_burst.sh                               # DURATION=10 WARMUP=2 by default
flock /tmp/stemnet-cpu.lock bench/signup_burst.sh   # on a machine shared with builds
\`\`\`

The script installs wrk and curl (apt-get) if missing.

### Machine (last run)

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- CPU: $cpu; nproc: $(nproc)
- Kernel: $(uname -sr)
- Load average (1, 5, 15 min) before / after measuring: $load_before / $load_after
- stemnet: $stemnet_version, commit $commit; wrk: ${wrk_version:-unknown}; curl: $curl_version
- Run: DURATION=$DURATION WARMUP=$WARMUP

### Results

Reads of \`GET $ENDPOINT\`, $CONNECTIONS connections, ${DURATION} s each; latencies in ms.

| run | --hash-threads | requests/s | p50 | p90 | p99 | max | burst ($SIGNUPS sign-ups, all 201) |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row quiet "quiet (no burst)")
$(row inline "inline (burst)")
$(row pool "pool (burst)")
$(n=$(notes); if [ -n "$n" ]; then printf '\n%s' "$n"; fi)

Read p99 during the burst, hashing inline / on the pool: **${ratio}×**
($(fmt_ms "${p99[inline]}") ms / $(fmt_ms "${p99[pool]}") ms; the peer is the same server with
hashing on the network threads, in the same run).
EOF

splice_section "$OUT" signup-burst "$tmp/section.md"
for n in quiet inline pool; do
  log "$n: $(fmt_rps "${rps[$n]}") req/s, p50 $(fmt_ms "${p50[$n]}") p90 $(fmt_ms "${p90[$n]}") p99 $(fmt_ms "${p99[$n]}") max $(fmt_ms "${max[$n]}") ms${burst_of[$n]:+, burst ${burst_of[$n]} s}"
done
log "read p99 inline / pool: ${ratio}x"
log "wrote the signup-burst section of $OUT"
