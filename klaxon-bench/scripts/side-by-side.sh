#!/usr/bin/env bash
# Side by side: Prometheus Alertmanager (in memory) and Klaxon (durable) under the same wrk client
# and payloads (klaxon-bench/scripts/alertmanager-post.lua: batches of 100 Prometheus alerts on
# /api/v2/alerts), one after the other in one run, printing alerts/s, the ratio and RSS.
#
#   klaxon-bench/scripts/side-by-side.sh [sqlite|postgresql|both]     (default: both)
#
# Scenarios: "re-triggers" re-sends 100,000 label sets that a warm-up created (RSS is read after
# it: 100,000 active alerts); "new alerts" sends label sets never seen before. The warm-up runs in
# rounds of WARMUP seconds until the server holds all 100,000 (or WARMUP_MAX has passed: a slow or
# busy server then holds fewer, and the active column says how many).
# Environment: DURATION (seconds per measured run, 15), WARMUP (seconds per warm-up round, 30),
# WARMUP_MAX (seconds, 600), SETTLE (seconds of re-sends after the warm-up, before measuring: 0), STARTUP (seconds to wait for a server to come up, 300), PORT_BASE
# (18220), PG_URL (jdbc:postgresql://127.0.0.1:5432/test?user=postgres), WORK
# (/tmp/klaxon-side-by-side), KLAXON_JAVA_OPTS (passed to ./klaxon). Needs wrk and
# prometheus-alertmanager (Debian packages). Besides the rates it prints the CPU each measured run
# took per alert (the machine, the server, its JIT, PostgreSQL): on a 2-core machine that the
# client shares, the CPU per alert is what a rate is made of, and it varies less between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRIPT=$ROOT/klaxon-bench/scripts/alertmanager-post.lua
BLACKHOLE=$ROOT/klaxon-bench/scripts/alertmanager-blackhole.yml
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
WARMUP_MAX=${WARMUP_MAX:-600}
SETTLE=${SETTLE:-0}
STARTUP=${STARTUP:-300}
FINGERPRINTS=100000
PORT_BASE=${PORT_BASE:-18220}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
WORK=${WORK:-/tmp/klaxon-side-by-side}
STORES=${1:-both}

for tool in wrk prometheus-alertmanager; do
  command -v "$tool" >/dev/null || {
    echo "side-by-side: $tool is missing; apt-get install -y wrk prometheus-alertmanager" >&2
    exit 1
  }
done
rm -rf "$WORK" && mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: >"$RESULTS"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # url
  for _ in $(seq 1 $((STARTUP * 2))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "side-by-side: $1 did not come up" >&2
  exit 1
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# run NAME URL FINGERPRINTS SECONDS: prints alerts/s (100 alerts a request).
run() {
  local out
  out=$(FINGERPRINTS=$3 THREADS=2 OFFSET=${OFFSET:-0} wrk -t2 -c8 -d"$4"s --timeout 10s -s "$SCRIPT" "$2")
  echo "$out" >"$WORK/$1.wrk"
  local non2xx
  non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")
  [ -z "$non2xx" ] || echo "side-by-side: $1 had $non2xx non-2xx answers" >&2
  awk '/Requests\/sec/ {printf "%.0f", $2 * 100}' <<<"$out"
}

# active LABEL URL: how many alerts the server holds active now.
active() {
  if [ "$1" = alertmanager ]; then
    curl -fs "$2/api/v2/alerts?silenced=false&inhibited=false" |
      python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
  else
    curl -fs -H "Authorization: Bearer $KLAXON_API_KEY" "$2/actuator/prometheus" |
      awk '/^klaxon_alerts_active/ {printf "%.0f", $2}'
  fi
}

# warm_up LABEL URL: rounds of the re-trigger payload until the server holds every label set.
warm_up() {
  local began=$SECONDS round=0 held sent=0
  while true; do
    round=$((round + 1))
    # Each round goes on from the label sets the rounds before sent (wrk restarts the script).
    OFFSET=$sent run "$1-warmup-$round" "$2" "$FINGERPRINTS" "$WARMUP" >/dev/null
    sent=$((sent + 100 * $(awk '/requests in/ {print $1}' "$WORK/$1-warmup-$round.wrk")))
    held=$(active "$1" "$2" || echo 0)
    echo "side-by-side: $1 holds $held active alerts after $((SECONDS - began)) s of warm-up" >&2
    if [ "${held:-0}" -ge "$FINGERPRINTS" ] || [ $((SECONDS - began)) -ge "$WARMUP_MAX" ]; then
      return
    fi
  done
}

# CPU ticks (USER_HZ) spent so far: the whole machine (every CPU, idle and iowait left out), one
# process, its JIT compiler threads, and PostgreSQL's processes (0 where none runs).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
proc_ticks() { cut -d')' -f2 "/proc/$1/stat" | awk '{print $12 + $13}'; }
jit_ticks() {
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
    C1\ Compiler* | C2\ Compiler*) sum=$((sum + $(cut -d')' -f2 "$t/stat" | awk '{print $12 + $13}'))) ;;
    esac
  done
  echo "$sum"
}
pg_ticks() {
  local p sum=0
  for p in $(pgrep -x postgres || true); do
    sum=$((sum + $(proc_ticks "$p" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}
# Bytes the process handed to write() and its kind so far (/proc/PID/io wchar): on SQLite, what
# the alert tables' pages cost in WAL and checkpoint writes.
written() { awk '/^wchar:/ {print $2}' "/proc/$1/io" 2>/dev/null || echo 0; }
# Rows in the server's alert_history so far (0 for Alertmanager): in a re-trigger run, the
# coalesced re-trigger summaries (at most one per alert a minute).
HISTORY_DB=""
history_rows() {
  case "$HISTORY_DB" in
  sqlite:*) python3 -c 'import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True, timeout=30)
print(c.execute("select count(*) from alert_history").fetchone()[0])' "${HISTORY_DB#sqlite:}" ;;
  postgresql:*) psql -h 127.0.0.1 -U postgres -d test -tAc \
    "select count(*) from ${HISTORY_DB#postgresql:}.alert_history" ;;
  *) echo 0 ;;
  esac
}
cpu_snapshot() { echo "$(machine_ticks) $(proc_ticks "$1") $(jit_ticks "$1") $(pg_ticks) $(written "$1") $(history_rows)"; }

# cpu_per_alert NAME BEFORE AFTER: µs of CPU per alert the run NAME posted, as "machine server
# jit postgresql", then the server's bytes written and history rows added per alert (from two
# cpu_snapshot lines).
cpu_per_alert() {
  local alerts
  alerts=$((100 * $(awk '/requests in/ {print $1}' "$WORK/$1.wrk")))
  awk -v a="$alerts" -v hz="$(getconf CLK_TCK)" -v before="$2" -v after="$3" 'BEGIN {
    split(before, b, " "); split(after, e, " ")
    for (i = 1; i <= 4; i++) printf "%.1f ", (e[i] - b[i]) * 1e6 / hz / (a > 0 ? a : 1)
    printf "%.0f %.3f", (e[5] - b[5]) / (a > 0 ? a : 1), (e[6] - b[6]) / (a > 0 ? a : 1)
  }'
}

# measure LABEL URL PID: warm-up (creates the 100,000), re-triggers, RSS, then new alerts.
measure() {
  local load sampler=""
  warm_up "$1" "$2"
  if [ "$SETTLE" -gt 0 ]; then
    # Re-sends only, every server alike: a JVM's compilers are still at work after the warm-up
    # (the JIT column below), which a server that runs for days is not.
    run "$1-settle" "$2" "$FINGERPRINTS" "$SETTLE" >/dev/null
  fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  local retrigger rss held new
  if [ "$1" != alertmanager ]; then
    sample_lag "$2" "$WORK/$1-lag.txt" &
    sampler=$!
  fi
  local before after
  before=$(cpu_snapshot "$3")
  retrigger=$(run "$1-retrigger" "$2" "$FINGERPRINTS" "$DURATION")
  after=$(cpu_snapshot "$3")
  printf '%s\t%s\t%s\n' "$1" re-triggers "$(cpu_per_alert "$1-retrigger" "$before" "$after")" >>"$WORK/cpu.txt"
  rss=$(rss_mib "$3")
  held=$(active "$1" "$2" || echo "?")
  before=$(cpu_snapshot "$3")
  new=$(run "$1-new" "$2" 2000000000 "$DURATION")
  after=$(cpu_snapshot "$3")
  printf '%s\t%s\t%s\n' "$1" "new alerts" "$(cpu_per_alert "$1-new" "$before" "$after")" >>"$WORK/cpu.txt"
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$retrigger" "$new" "$rss" "$held" "$load" >>"$RESULTS"
}

echo "side-by-side: Alertmanager…" >&2
prometheus-alertmanager --config.file="$BLACKHOLE" --storage.path="$WORK/am" \
  --web.listen-address=127.0.0.1:$((PORT_BASE + 1)) --cluster.listen-address= \
  >"$WORK/alertmanager.log" 2>&1 &
AM=$!
PIDS+=("$AM")
wait_for "http://127.0.0.1:$((PORT_BASE + 1))/-/ready"
measure alertmanager "http://127.0.0.1:$((PORT_BASE + 1))" "$AM"
kill "$AM"
wait "$AM" 2>/dev/null || true

# sample_lag URL FILE: klaxon_materializer_lag_seconds (the log-first write path's lag, issue
# 22: age of the oldest re-trigger not yet folded into the rows) every 0.2 s until killed.
sample_lag() {
  while true; do
    curl -fs -H "Authorization: Bearer $KLAXON_API_KEY" "$1/actuator/prometheus" |
      awk '/^klaxon_materializer_lag_seconds/ {print $2}' >>"$2" || true
    sleep 0.2
  done
}

# materializer_lag LABEL: p99 and largest lag sampled during the measured runs.
materializer_lag() {
  local file=$WORK/$1-lag.txt
  if [ ! -s "$file" ]; then
    echo "none (no klaxon_materializer_lag_seconds)"
    return
  fi
  sort -g "$file" | awk '{v[NR] = $1} END {
    i = int(NR * 0.99); if (i < 1) i = 1
    printf "p99 %.3f s, max %.3f s over %d samples (every 0.2 s, re-trigger and new runs)\n",
      v[i], v[NR], NR}'
}

klaxon() { # LABEL [spring arguments…]
  local label=$1 port=$PORT_BASE
  shift
  echo "side-by-side: Klaxon on $label…" >&2
  ./klaxon --server.port=$port --klaxon.data-dir="$WORK/$label" \
    --klaxon.security.rate-limit.enabled=false "$@" >"$WORK/$label.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_for "http://127.0.0.1:$port/actuator/health"
  # ./klaxon execs java: the launcher's pid is the server's.
  KLAXON_API_KEY=$(cat "$WORK/$label/admin.key")
  export KLAXON_API_KEY
  measure "klaxon-$label" "http://127.0.0.1:$port" "$pid"
  echo "klaxon-$label materializer lag: $(materializer_lag "klaxon-$label")" >>"$WORK/notes.txt"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  unset KLAXON_API_KEY
}

if [ "$STORES" = sqlite ] || [ "$STORES" = both ]; then
  HISTORY_DB="sqlite:$WORK/sqlite/klaxon.db"
  klaxon sqlite
fi
if [ "$STORES" = postgresql ] || [ "$STORES" = both ]; then
  schema="sidebyside_$$"
  HISTORY_DB="postgresql:$schema"
  klaxon postgresql "--klaxon.db.url=$PG_URL&currentSchema=$schema"
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" \
    >/dev/null 2>&1 || true
fi

read -r _ am_retrigger am_new _ < <(head -1 "$RESULTS")
printf '\n%-20s %13s %7s %10s %7s %8s %8s  %s\n' server re-triggers/s ratio new/s ratio \
  "RSS MiB" active "load (1/5/15 min)"
while IFS=$'\t' read -r label retrigger new rss held load; do
  printf '%-20s %13s %6.2fx %10s %6.2fx %8s %8s  %s\n' "$label" "$retrigger" \
    "$(bc -l <<<"$retrigger / $am_retrigger")" "$new" "$(bc -l <<<"$new / $am_new")" "$rss" \
    "$held" "$load"
done <"$RESULTS"
echo
cat "$WORK/notes.txt" 2>/dev/null || true
echo
echo "CPU per alert posted in each measured run, µs: the whole machine (both cores: the client, the"
echo "server, PostgreSQL and anything else), the server process, of it the JIT compiler threads, and"
echo "PostgreSQL's processes; the bytes the server handed to write() and the history rows it added,"
echo "per alert:"
awk -F'\t' '{split($3, c, " ")
  printf "  %-20s %-12s machine %6s  server %6s  JIT %5s  PostgreSQL %6s  written %6s B  history %s\n", $1, $2, c[1], c[2], c[3], c[4], c[5], c[6]}' \
  "$WORK/cpu.txt" 2>/dev/null || true
echo "RSS and active are read after the warm-up and re-trigger runs (100,000 active once the"
echo "warm-up got through every label set within WARMUP_MAX; see the active column)."
echo "wrk outputs and server logs: $WORK"
