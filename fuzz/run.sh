#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and
# runs each for a bounded time on a work copy of the seed corpus. Exits 1 when
# a target finds a crash, a leak, a sanitizer report, an OOM or a timeout; the
# input is then in build-fuzz/artifacts/<target>/. Inputs kept in
# fuzz/crashes/<target>/ are replayed first and must pass. See docs/fuzzing.md.
#
#   fuzz/run.sh                      every target, FUZZ_SECONDS (60) each
#   fuzz/run.sh fuzz_udir_read       one target
#   FUZZ_SECONDS=600 FUZZ_JOBS=2 fuzz/run.sh
#   fuzz/run.sh --build-only         build, make the corpus, run nothing
#
# Environment: FUZZ_SECONDS (60), FUZZ_JOBS (1, compile jobs), FUZZ_BUILD
# (build-fuzz), FUZZ_RSS_MB (2048), FUZZ_MALLOC_MB (512, the largest single
# allocation), FUZZ_TIMEOUT (25 s for one input), FUZZ_FRESH=1 (start from
# the seeds, dropping what earlier runs added to the work corpus),
# FUZZ_ROUNDTRIP_EQUAL=1 (fuzz_jsonstat_read also checks equality).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
rss_mb=${FUZZ_RSS_MB:-2048}
malloc_mb=${FUZZ_MALLOC_MB:-512}
timeout=${FUZZ_TIMEOUT:-25}

build_only=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --build-only) build_only=1 ;;
    fuzz_jsonstat_read | fuzz_udir_read | fuzz_problem_write) targets+=("$arg") ;;
    *) echo "fuzz: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_jsonstat_read fuzz_udir_read fuzz_problem_write)

# --- clang and its libFuzzer runtime, from Debian, installed only when missing.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "fuzz: installing $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if ! command -v clang++ >/dev/null 2>&1; then
  installed clang || apt_install clang
fi
clang_major=$(clang++ -dumpversion | cut -d. -f1)
fuzzer_runtime() { compgen -G "$(clang++ -print-runtime-dir)/libclang_rt.fuzzer*.a" >/dev/null; }
if ! fuzzer_runtime; then
  # Debian ships libFuzzer in libclang-rt-N-dev (only recommended by clang).
  installed "libclang-rt-$clang_major-dev" || apt_install "libclang-rt-$clang_major-dev"
fi
if ! fuzzer_runtime; then
  echo "fuzz: no libFuzzer runtime in $(clang++ -print-runtime-dir) (clang $clang_major)" >&2
  exit 1
fi

# --- build.
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S "$root/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE= "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$jobs"

# --- corpus: the seeds are copied into a work corpus under $build (which
# libFuzzer then extends); the repository's files are only read.
corpus_for() {
  local target=$1 dir=$build/corpus/$1
  [ "${FUZZ_FRESH:-0}" != 1 ] || rm -rf "$dir"
  mkdir -p "$dir"
  case "$target" in
    fuzz_jsonstat_read)
      cp "$root"/tests/fixtures/jsonstat/samples/*.json "$dir"/
      cp "$root"/fuzz/seeds/jsonstat/* "$dir"/
      "$build/make_seeds" cases "$root/tests/fixtures/jsonstat/validator/cases.json" "$dir" >/dev/null
      ;;
    fuzz_udir_read)
      cp "$root"/tests/fixtures/udir/* "$dir"/
      cp "$root"/fuzz/seeds/udir/* "$dir"/
      local f
      for f in "$root"/data/reference/schools/*.tsv; do
        "$build/make_seeds" head-utf16 40 "$f" "$dir/head40-$(basename "$f")"
      done
      ;;
    fuzz_problem_write)
      cp "$root"/fuzz/seeds/problem/* "$dir"/
      ;;
  esac
  chmod -R u+w "$dir"
}
max_len_for() {
  case "$1" in
    fuzz_jsonstat_read) echo "${FUZZ_MAX_LEN:-65536}" ;;
    fuzz_udir_read) echo "${FUZZ_MAX_LEN:-65536}" ;;
    fuzz_problem_write) echo "${FUZZ_MAX_LEN:-4096}" ;;
  esac
}
dict_for() {
  case "$1" in
    fuzz_jsonstat_read) echo "$root/fuzz/jsonstat.dict" ;;
    fuzz_udir_read) echo "$root/fuzz/udir.dict" ;;
    fuzz_problem_write) echo "$root/fuzz/problem.dict" ;;
  esac
}

for t in "${targets[@]}"; do corpus_for "$t"; done
[ "$build_only" = 0 ] || exit 0

# --- run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
mkdir -p "$build/logs"
for t in "${targets[@]}"; do
  artifacts=$build/artifacts/$t
  log=$build/logs/$t.log
  mkdir -p "$artifacts"

  # Inputs that once failed (fuzz/crashes/<target>/) are replayed first: each
  # must now pass; the target is fuzzed either way.
  replay=()
  if [ -d "$root/fuzz/crashes/$t" ]; then
    while IFS= read -r -d '' f; do replay+=("$f"); done \
      < <(find "$root/fuzz/crashes/$t" -type f ! -name '*.md' -print0 | sort -z)
  fi
  if [ ${#replay[@]} -gt 0 ]; then
    status=0
    "$build/$t" -rss_limit_mb="$rss_mb" -malloc_limit_mb="$malloc_mb" -timeout="$timeout" \
      -artifact_prefix="$artifacts/replay-" "${replay[@]}" >"$build/logs/$t.replay.log" 2>&1 ||
      status=$?
    if [ "$status" -ne 0 ]; then
      failed+=("$t")
      echo "fuzz: $t fails an input of fuzz/crashes/$t/ (exit $status):" >&2
      grep -E '^Running: ' "$build/logs/$t.replay.log" | tail -n 1 >&2 || true
      grep -E 'ERROR|runtime error|Assertion|SUMMARY' "$build/logs/$t.replay.log" | head -n 5 >&2 || true
      echo "fuzz: log: ${build#"$root"/}/logs/$t.replay.log" >&2
    else
      echo "fuzz: $t: ${#replay[@]} input(s) of fuzz/crashes/$t/ pass"
    fi
  fi

  echo "fuzz: $t for ${seconds}s (log: ${log#"$root"/})"
  status=0
  "$build/$t" -max_total_time="$seconds" -max_len="$(max_len_for "$t")" \
    -rss_limit_mb="$rss_mb" -malloc_limit_mb="$malloc_mb" -timeout="$timeout" \
    -dict="$(dict_for "$t")" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$build/corpus/$t" >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    # libFuzzer's last status line (cov:, ft:, corp:, exec/s) and its totals.
    { grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1
      grep -E '^(Done |stat::(average_exec_per_sec|new_units_added|slowest_unit_time_sec|peak_rss_mb))' "$log"
    } | tr -s '\t ' ' ' | sed "s/^/fuzz: $t: /" || true
  else
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $status); the end of its log:" >&2
    tail -n 60 "$log" >&2
    echo "fuzz: the input is in ${artifacts#"$root"/}/ (reproduce: $build/$t <file>)" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no findings"
