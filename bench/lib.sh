# bench/lib.sh — what the benchmark scripts share. Sourced, not run.
# Needs die() and log() functions in the sourcing script (called, not at source time).

# install_missing PKG...: install Debian packages by name (sudo when not root);
# nothing when none are named.
install_missing() {
  [ $# -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need $* and not root, and no sudo"
    sudo="sudo"
  fi
  log "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# splice_section FILE NAME BODY: put BODY between <!-- bench:NAME --> and
# <!-- /bench:NAME --> in FILE, replacing what was there; other text is kept.
# Without the markers the section is appended (and FILE created if missing).
splice_section() {
  local file=$1 body=$3 start="<!-- bench:$2 -->" end="<!-- /bench:$2 -->" ns ne first last
  mkdir -p "$(dirname "$file")"
  if [ ! -f "$file" ]; then
    cat >"$file" <<'EOF'
# Benchmarks

Each section below is written by a script, between `<!-- bench:NAME -->` and
`<!-- /bench:NAME -->` lines; a script rewrites only its own section, and text
outside the markers is kept. Do not edit inside the markers by hand.
EOF
  fi
  ns=$(grep -cxF -- "$start" "$file" || true)
  ne=$(grep -cxF -- "$end" "$file" || true)
  if [ "$ns" -eq 0 ] && [ "$ne" -eq 0 ]; then
    { cat "$file"; echo; echo "$start"; cat "$body"; echo "$end"; } >"$file.tmp.$$"
  elif [ "$ns" -eq 1 ] && [ "$ne" -eq 1 ]; then
    first=$(grep -nxF -- "$start" "$file" | cut -d: -f1)
    last=$(grep -nxF -- "$end" "$file" | cut -d: -f1)
    [ "$first" -lt "$last" ] || die "$file: '$end' comes before '$start'"
    awk -v s="$start" -v e="$end" -v b="$body" '
      $0 == s { print; while ((getline l < b) > 0) print l; skip = 1; next }
      $0 == e { skip = 0 }
      !skip { print }' "$file" >"$file.tmp.$$"
  else
    die "$file: expected one '$start' and one '$end' line, found $ns and $ne"
  fi
  mv "$file.tmp.$$" "$file"
}

# stop PID SIGNAL NAME: signal, wait up to 5 s, then SIGKILL.
stop() {
  local pid=$1 sig=$2 name=$3
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop on SIG$sig; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# stemnet_port PID LOGFILE NAME: the port a `stemnet serve --port 0` started as PID
# reports in LOGFILE ("stemnet listening on http://127.0.0.1:PORT"), waiting up to 10 s;
# dies when the process exits first or says nothing.
# An optional 4th argument waits that many seconds instead (a server that first rebuilds a
# large search index).
stemnet_port() {
  local pid=$1 file=$2 name=$3 port="" wait=${4:-10}
  for _ in $(seq $((wait * 10))); do
    port=$(sed -n 's|.*stemnet listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$file" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || die "$name exited at startup"
    sleep 0.1
  done
  [ -n "$port" ] || die "$name did not report its port within $wait s"
  echo "$port"
}
