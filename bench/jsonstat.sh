#!/usr/bin/env bash
# JSON-stat benchmark: `stemnet jsonstat table FILE --format csv` against the same
# job done on node with jsonstat-toolkit (npm), in the same run, on the same files,
# one process after the other (never at the same time), end to end: read + parse
# + table + CSV text. Wall time and peak RSS of the whole process.
#
# Files: tests/fixtures/jsonstat/samples/us-labor.json (the largest sample),
# us-unr.json (the second largest), and a generated dataset of 1.6 million cells
# (bench/gen_jsonstat.mjs, deterministic).
#
# Rewrites only its own section of docs/benchmarks.md, between the lines
# <!-- bench:jsonstat --> and <!-- /bench:jsonstat --> (appended if missing);
# the rest of the file (bench/http.sh's section among it) is kept.
#
# Usage (from anywhere; `make bench` builds first, then runs this):
#   bench/jsonstat.sh
#   RUNS=5 bench/jsonstat.sh
#
# Environment:
#   RUNS     measured runs of each command; the tables show medians (default 3)
#   REGIONS  regions in the generated dataset; cells = 4000 × REGIONS (default 400)
#   STEMNET  the stemnet binary (default build/src/stemnet)
#
# Installs GNU time (apt-get; sudo when not root) if missing, node and npm through
# scripts/bootstrap (the project's own where the machine's is too old), and
# jsonstat-toolkit into bench/node with `npm ci` when its node_modules is missing
# or stale.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export LC_ALL=C # "." as the decimal mark in EPOCHREALTIME and awk

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${RUNS:-3}
REGIONS=${REGIONS:-400}
STEMNET=${STEMNET:-build/src/stemnet}
SAMPLES=tests/fixtures/jsonstat/samples
NODE_DIR=bench/node
DRIVER=$NODE_DIR/table.cjs
GENERATOR=bench/gen_jsonstat.mjs
OUT=docs/benchmarks.md
SECTION=jsonstat

die() { echo "bench/jsonstat: error: $*" >&2; exit 1; }
log() { echo "bench/jsonstat: $*" >&2; }

# Number formatting for the report.
mb() { awk -v b="$1" 'BEGIN { v = b / 1e6; printf (v < 1 ? "%.2f" : "%.1f"), v }'; }   # bytes → MB
kib_mb() { mb "$(awk -v k="$1" 'BEGIN { printf "%.0f", k * 1024 }')"; }        # KiB → MB
rss_ratio() { awk -v k="$1" -v b="$2" 'BEGIN { printf "%.1f", k * 1024 / b }'; } # KiB / bytes
ms_fmt() { awk -v v="$1" 'BEGIN { printf (v < 100 ? "%.1f" : "%.0f"), v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }   # 1600000 → 1,600,000
yesno() { awk "BEGIN { print ($1) ? \"yes\" : \"no\" }"; }

for v in RUNS REGIONS; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
done
[ "$REGIONS" -le 9999 ] || die "REGIONS must be at most 9999"
[ -x "$STEMNET" ] || die "$STEMNET not found or not executable; build first (make build)"
[ -n "${EPOCHREALTIME:-}" ] || die "needs bash 5 or later (EPOCHREALTIME)"
for f in "$SAMPLES/us-labor.json" "$SAMPLES/us-unr.json" "$DRIVER" "$GENERATOR" \
  "$NODE_DIR/package.json" "$NODE_DIR/package-lock.json"; do
  [ -f "$f" ] || die "$f is missing"
done

# --- tools --------------------------------------------------------------------
missing=()
[ -x /usr/bin/time ] || missing+=(time)
install_missing "${missing[@]}"
scripts/node-env --need-local && scripts/bootstrap
PATH=$(scripts/node-env)
export PATH
/usr/bin/time -v true 2>/dev/null || die "/usr/bin/time -v does not work (GNU time needed)"

# jsonstat-toolkit, at the version package-lock.json pins.
toolkit_pinned=$(node -p 'require("./'"$NODE_DIR"'/package-lock.json").packages["node_modules/jsonstat-toolkit"].version') \
  || die "cannot read jsonstat-toolkit's version from $NODE_DIR/package-lock.json"
toolkit_installed=$(node -p 'require("./'"$NODE_DIR"'/node_modules/jsonstat-toolkit/package.json").version' 2>/dev/null || true)
if [ "$toolkit_installed" != "$toolkit_pinned" ]; then
  log "npm ci in $NODE_DIR (jsonstat-toolkit $toolkit_pinned)"
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in $NODE_DIR failed"
  toolkit_installed=$(node -p 'require("./'"$NODE_DIR"'/node_modules/jsonstat-toolkit/package.json").version')
  [ "$toolkit_installed" = "$toolkit_pinned" ] || die "npm ci installed jsonstat-toolkit $toolkit_installed, not $toolkit_pinned"
fi

# --- temporary folder and cleanup -------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stemnet-bench-jsonstat.XXXXXX")
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- files ------------------------------------------------------------------------
cells_expected=$((REGIONS * 4000))
generated="$tmp/generated.json"
log "generating $cells_expected cells: node $GENERATOR $generated $REGIONS"
node "$GENERATOR" "$generated" "$REGIONS" 2>"$tmp/gen.log" || { cat "$tmp/gen.log" >&2; die "generator failed"; }
statuses=$(sed -n 's/.* cells, \([0-9]*\) statuses$/\1/p' "$tmp/gen.log")
"$STEMNET" jsonstat validate "$generated" >"$tmp/validate.txt" 2>&1 \
  || { head -n 20 "$tmp/validate.txt" >&2; die "the generated file is not valid JSON-stat 2.0 for stemnet"; }

# name <TAB> path <TAB> note, in the order of the report.
names=(us-labor.json us-unr.json generated.json)
declare -A path note
path[us-labor.json]=$SAMPLES/us-labor.json
path[us-unr.json]=$SAMPLES/us-unr.json
path[generated.json]=$generated
note[us-labor.json]="The largest sample (so \"us-labor.json\" and \"the largest sample\" of the issue are this one file)"
note[us-unr.json]="The second largest sample"
note[generated.json]="Generated by \`node bench/gen_jsonstat.mjs OUT $REGIONS\`: year 10 × region $REGIONS × sex 2 × age 20 × measure 10, labels, roles time/geo/metric with units, about 3 % nulls, $(commas "${statuses:-0}") sparse statuses (about 1 %)"
modes=(ids labels)
set_flags() { flags=(); if [ "$1" = labels ]; then flags=(--labels); fi; } # set_flags MODE

# --- both sides give the same table -----------------------------------------------
declare -A bytes cells identical
for name in "${names[@]}"; do
  f=${path[$name]}
  bytes[$name]=$(wc -c <"$f")
  for mode in "${modes[@]}"; do
    set_flags "$mode"
    "$STEMNET" jsonstat table "$f" --format csv "${flags[@]}" >"$tmp/stemnet.csv" 2>"$tmp/stderr.txt" \
      || { cat "$tmp/stderr.txt" >&2; die "stemnet failed on $name ($mode)"; }
    node "$DRIVER" "$f" "${flags[@]}" >"$tmp/node.csv" 2>"$tmp/stderr.txt" \
      || { cat "$tmp/stderr.txt" >&2; die "node (jsonstat-toolkit) failed on $name ($mode)"; }
    s_rows=$(($(wc -l <"$tmp/stemnet.csv") - 1))
    n_rows=$(($(wc -l <"$tmp/node.csv") - 1))
    [ "$s_rows" -gt 0 ] || die "stemnet gave no rows for $name ($mode)"
    [ "$s_rows" -eq "$n_rows" ] || die "$name ($mode): stemnet gives $s_rows rows, jsonstat-toolkit $n_rows"
    if [ "$name" = generated.json ] && [ "$s_rows" -ne "$cells_expected" ]; then
      die "generated.json ($mode): $s_rows rows, not $cells_expected"
    fi
    cells[$name]=$s_rows
    if cmp -s "$tmp/stemnet.csv" "$tmp/node.csv"; then identical[$name.$mode]=yes; else identical[$name.$mode]=no; fi
    log "$name ($mode): $s_rows rows from both; CSV byte-identical: ${identical[$name.$mode]}"
  done
done
rm -f "$tmp/stemnet.csv" "$tmp/node.csv"

# --- measuring ----------------------------------------------------------------------
# measure KEY CMD...: one run under /usr/bin/time -v, standard output to /dev/null.
# Wall time from bash's EPOCHREALTIME around it (µs; /usr/bin/time's own figure
# has 10 ms steps, kept as a cross-check), peak RSS from /usr/bin/time.
: >"$tmp/runs.tsv"
measure() {
  local key=$1 t0 t1 ms rss el
  shift
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/stderr.txt" \
    || { cat "$tmp/stderr.txt" "$tmp/time.txt" >&2; die "failed: $*"; }
  t1=$EPOCHREALTIME
  ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  el=$(awk -F'): ' '/Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0
         for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.0f", s * 1000 }' "$tmp/time.txt")
  [[ $rss =~ ^[0-9]+$ ]] || die "no Maximum resident set size from /usr/bin/time for: $*"
  printf '%s\t%s\t%s\t%s\n' "$key" "$ms" "$rss" "${el:-?}" >>"$tmp/runs.tsv"
}

median() { sort -g | awk '{ a[NR] = $1 } END {
  if (NR == 0) exit 1; if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
med() { # med KEY COLUMN: median of one column (2 ms, 3 RSS KiB) over the runs of KEY
  awk -F'\t' -v k="$1" -v c="$2" '$1 == k { print $c }' "$tmp/runs.tsv" | median
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
log "baseline: /usr/bin/time -v true, $STEMNET --version, node -e 0 ($RUNS runs each)"
for run in $(seq "$RUNS"); do
  measure base.true true
  measure base.stemnet "$STEMNET" --version
  measure base.node node -e 0
done
for name in "${names[@]}"; do
  f=${path[$name]}
  for mode in "${modes[@]}"; do
    set_flags "$mode"
    for run in $(seq "$RUNS"); do
      # Alternate which side goes first; never both at once.
      if [ $((run % 2)) -eq 1 ]; then order=(stemnet node); else order=(node stemnet); fi
      for side in "${order[@]}"; do
        if [ "$side" = stemnet ]; then
          measure "$name.$mode.stemnet" "$STEMNET" jsonstat table "$f" --format csv "${flags[@]}"
        else
          measure "$name.$mode.node" node "$DRIVER" "$f" "${flags[@]}"
        fi
        log "$name ($mode) run $run: $side $(tail -n1 "$tmp/runs.tsv" | cut -f2) ms, $(tail -n1 "$tmp/runs.tsv" | cut -f3) KiB"
      done
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# --- figures ------------------------------------------------------------------------

speed_all=yes
declare -A s_ms n_ms s_rss n_rss speed speed_ok
for name in "${names[@]}"; do
  for mode in "${modes[@]}"; do
    k=$name.$mode
    s_ms[$k]=$(med "$k.stemnet" 2)
    n_ms[$k]=$(med "$k.node" 2)
    s_rss[$k]=$(med "$k.stemnet" 3)
    n_rss[$k]=$(med "$k.node" 3)
    speed[$k]=$(ratio "${n_ms[$k]}" "${s_ms[$k]}")
    speed_ok[$k]=$(yesno "${n_ms[$k]} / ${s_ms[$k]} >= 10")
    [ "${speed_ok[$k]}" = yes ] || speed_all=no
  done
done
rss_all=yes
for mode in "${modes[@]}"; do
  k=generated.json.$mode
  [ "$(yesno "${s_rss[$k]} * 1024 < 3 * ${bytes[generated.json]}")" = yes ] || rss_all=no
done

# --- docs/benchmarks.md: this script's section only -----------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n1)
[ -n "$cpu" ] || cpu=unknown
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- . ":(exclude)$OUT" 2>/dev/null; then
  commit="$commit (with uncommitted changes)"
fi
stemnet_version=$("$STEMNET" --version 2>&1 | head -n1)
base_true=$(med base.true 2)
if [ "$RUNS" -eq 1 ]; then runs_text="1 run"; else runs_text="$RUNS runs"; fi

{
cat <<EOF
## JSON-stat: \`stemnet jsonstat table\` against jsonstat-toolkit (\`bench/jsonstat.sh\`)

Generated by \`bench/jsonstat.sh\`, which rewrites only this section (between the
\`bench:jsonstat\` markers); do not edit it by hand (change the script instead).

### What is measured

Turning a JSON-stat 2.0 file into a CSV table with a row per cell, end to end in
one process each: read the file, parse it, build the table, write CSV text. Both
sides run on the same files in the same run, one process after the other (never
at the same time; the side that goes first alternates from run to run), with
standard output to \`/dev/null\`:

- **stemnet**: \`$STEMNET jsonstat table FILE --format csv\` (columns: dimension
  ids, value, status when the dataset has statuses), and the same with \`--labels\`
  (category and dimension labels).
- **node**: \`node $DRIVER FILE [--labels]\`: \`fs.readFileSync\`, \`JSON.parse\`,
  \`JSONstat(obj).Dataset(0).toTable({type: "arrobj", content: "id" or "label",
  status})\` with jsonstat-toolkit $toolkit_installed (npm, pinned in
  \`$NODE_DIR/package-lock.json\`), then the same CSV columns as stemnet, written in
  1 MB chunks.
- **checks before timing**: for every file and both outputs, the two CSVs have
  the same number of rows (lines less the header), and the generated file gives
  exactly its $(commas "$cells_expected") cells; whether the two CSVs are byte-identical is
  reported below (not required).
- **figures**: each command is measured in $runs_text under \`/usr/bin/time -v\`; the
  tables show the median. Wall time is taken with bash's \`EPOCHREALTIME\` around
  \`/usr/bin/time -v CMD\` (microseconds; \`/usr/bin/time\`'s own figure only has
  10 ms steps), so it includes starting the process and /usr/bin/time's own
  start, $(ms_fmt "$base_true") ms (\`/usr/bin/time -v true\`). Peak memory is
  /usr/bin/time's "Maximum resident set size" of the whole process. MB = 10⁶ bytes.
- **speed ratio** = node's median wall time / stemnet's.

Targets (from the issue): stemnet at least **10×** faster than jsonstat-toolkit on
node, end to end, and stemnet's peak RSS **under 3×** the file's size on the large
(generated) file.

### How to rerun

\`\`\`sh
make bench                 # builds, then runs bench/http.sh and bench/jsonstat.sh
bench/jsonstat.sh          # the binary must be built already
RUNS=5 bench/jsonstat.sh   # defaults: RUNS=3 REGIONS=400 (4000 × REGIONS cells)
\`\`\`

The script installs GNU time, node and npm (apt-get) if missing, and runs
\`npm ci\` in \`$NODE_DIR\` when jsonstat-toolkit is missing there or not the pinned
version. The generated file goes to a temporary folder that is removed at exit.

### Machine (last run)

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- CPU: $cpu; nproc: $(nproc)
- Kernel: $(uname -sr)
- Load average (1, 5, 15 min) before / after measuring: $load_before / $load_after
- stemnet: $stemnet_version, commit $commit (\`$STEMNET\`)
- node: $(node --version); jsonstat-toolkit: $toolkit_installed
- Run: RUNS=$RUNS REGIONS=$REGIONS

### Results

Medians of $runs_text. "ids" is the default output, "labels" is \`--labels\`.
EOF
for name in "${names[@]}"; do
  echo
  echo "#### $name"
  echo
  echo "${note[$name]}. $(commas "${bytes[$name]}") bytes, $(commas "${cells[$name]}") cells."
  echo "CSV of both sides byte-identical: ids ${identical[$name.ids]}, labels ${identical[$name.labels]}."
  echo
  echo "| file | output | size (MB) | cells | stemnet wall (ms) | node wall (ms) | speed ratio | stemnet peak RSS (MB) | stemnet RSS / file size | node peak RSS (MB) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for mode in "${modes[@]}"; do
    k=$name.$mode
    echo "| $name | $mode | $(mb "${bytes[$name]}") | $(commas "${cells[$name]}") | $(ms_fmt "${s_ms[$k]}") | $(ms_fmt "${n_ms[$k]}") | **${speed[$k]}×** | $(kib_mb "${s_rss[$k]}") | **$(rss_ratio "${s_rss[$k]}" "${bytes[$name]}")×** | $(kib_mb "${n_rss[$k]}") |"
  done
done
cat <<EOF

For scale, starting the process alone (same measurement, median of $runs_text):
\`stemnet --version\` $(ms_fmt "$(med base.stemnet 2)") ms and $(kib_mb "$(med base.stemnet 3)") MB peak RSS;
\`node -e 0\` $(ms_fmt "$(med base.node 2)") ms and $(kib_mb "$(med base.node 3)") MB.

### Targets

- **stemnet ≥ 10× faster end to end: $( [ "$speed_all" = yes ] && echo "holds" || echo "does not hold") on every file and output.**
  Measured ratios:
EOF
for name in "${names[@]}"; do
  echo "  $name ids ${speed[$name.ids]}× (${speed_ok[$name.ids]}), labels ${speed[$name.labels]}× (${speed_ok[$name.labels]});"
done | sed '$ s/;$/./'
g=generated.json
cat <<EOF
- **stemnet peak RSS < 3× the file's size on the generated file: $( [ "$rss_all" = yes ] && echo "holds" || echo "does not hold").**
  The file is $(mb "${bytes[$g]}") MB; stemnet's peak RSS is $(kib_mb "${s_rss[$g.ids]}") MB with ids
  ($(rss_ratio "${s_rss[$g.ids]}" "${bytes[$g]}")× the file) and $(kib_mb "${s_rss[$g.labels]}") MB with labels
  ($(rss_ratio "${s_rss[$g.labels]}" "${bytes[$g]}")×); 3× would be $(mb "$((${bytes[$g]} * 3))") MB. Of that RSS,
  $(kib_mb "$(med base.stemnet 3)") MB is the process itself (\`stemnet --version\`). For comparison, node's
  peak RSS is $(rss_ratio "${n_rss[$g.ids]}" "${bytes[$g]}")× the file with ids and $(rss_ratio "${n_rss[$g.labels]}" "${bytes[$g]}")× with labels.

### Each run

| file | output | side | wall (ms) | /usr/bin/time elapsed (ms) | peak RSS (KiB) |
|---|---|---|---:|---:|---:|
EOF
while IFS=$'\t' read -r key ms rss el; do
  case $key in base.*) continue ;; esac
  side=${key##*.}; rest=${key%.*}; mode=${rest##*.}; name=${rest%.*}
  echo "| $name | $mode | $side | $(ms_fmt "$ms") | $el | $rss |"
done <"$tmp/runs.tsv"
} >"$tmp/section.md"

splice_section "$OUT" "$SECTION" "$tmp/section.md"

for name in "${names[@]}"; do
  log "$name: ids ${speed[$name.ids]}x, labels ${speed[$name.labels]}x faster; stemnet RSS $(rss_ratio "${s_rss[$name.ids]}" "${bytes[$name]}")x the file"
done
log "targets: >= 10x faster: $speed_all; RSS < 3x file on generated.json: $rss_all"
log "wrote the $SECTION section of $OUT"
