#!/usr/bin/env bash
# CPU per re-trigger, thread by thread: starts this tree's server jar (built by ./klaxon or
# `./klaxon mvnw -DskipTests package`) with the launcher's JVM flags on a fresh SQLite data dir,
# warms it up with the side-by-side's client (alertmanager-post.lua, wrk -t2 -c8: 30 s, then 20 s
# more at a time until every label set was sent once, then 20 s of re-sends), then posts
# re-triggers for 40 s and divides each thread's utime+stime (/proc/PID/task/*/stat) by the
# alerts posted.
#
#   klaxon-bench/scripts/thread-cpu.sh LABEL [extra server arguments…]
#
# Environment: FP (label sets the client cycles through, 100000), PORT (18700), WORK
# (/tmp/klaxon-thread-cpu), JAVA (the launcher's JDK). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABEL=${1:?a label}
shift
FP=${FP:-100000}
PORT=${PORT:-18700}
WORK=${WORK:-/tmp/klaxon-thread-cpu}
JAVA=${JAVA:-$(./klaxon mvnw -v | sed -n "s/.*runtime: //p")/bin/java}
DATA=$WORK/data-$LABEL
rm -rf "$DATA" && mkdir -p "$DATA"
MALLOC_ARENA_MAX=2 "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms64m -Xmn32m \
  -Xmx224m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MarkSweepDeadRatio=0 \
  -XX:TrimNativeHeapInterval=5000 -XX:+UseCompactObjectHeaders \
  -jar klaxon-server/target/klaxon-server.jar --server.port="$PORT" --klaxon.data-dir="$DATA" \
  --klaxon.security.rate-limit.enabled=false "$@" >"$WORK/server-$LABEL.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
  sleep 0.5
done
export KLAXON_API_KEY
KLAXON_API_KEY=$(cat "$DATA/admin.key")
post() { FINGERPRINTS=$FP THREADS=2 OFFSET=${2:-0} wrk -t2 -c8 -d"$1" --timeout 10s \
  -s klaxon-bench/scripts/alertmanager-post.lua "http://127.0.0.1:$PORT/api/v2/alerts"; }
snap() {
  for t in /proc/$PID/task/*; do
    echo "$(cat "$t/comm") $(cut -d')' -f2 "$t/stat" | awk '{print $12 + $13}')"
  done
}
# Under load a warm-up may not reach every label set: the measured run would then open new alerts,
# which cost several times a re-trigger. Each warm-up starts where the one before stopped (OFFSET)
# until every label set was sent once, then one more re-sends from the start.
SENT=0
ROUND=1
post 30s >"$WORK/wrk-$LABEL-warmup$ROUND.txt"
SENT=$(awk '/requests in/ {print $1 * 100}' "$WORK/wrk-$LABEL-warmup$ROUND.txt")
while [ "$SENT" -lt "$FP" ]; do
  ROUND=$((ROUND + 1))
  post 20s "$SENT" >"$WORK/wrk-$LABEL-warmup$ROUND.txt"
  SENT=$((SENT + $(awk '/requests in/ {print $1 * 100}' "$WORK/wrk-$LABEL-warmup$ROUND.txt")))
done
post 20s >"$WORK/wrk-$LABEL-warmup$((ROUND + 1)).txt"
snap >"$WORK/cpu-$LABEL-before.txt"
L1=$(cut -d' ' -f1-3 /proc/loadavg)
post 40s >"$WORK/wrk-$LABEL.txt"
snap >"$WORK/cpu-$LABEL-after.txt"
L2=$(cut -d' ' -f1-3 /proc/loadavg)
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk-$LABEL.txt")
python3 - "$WORK" "$LABEL" "$REQUESTS" "$L1" "$L2" "$(getconf CLK_TCK)" <<'PY'
import collections, re, sys
work, label, requests, l1, l2, hz = sys.argv[1:7]
alerts, hz = int(requests) * 100, int(hz)
def ticks(path):
    by_thread = collections.Counter()
    for line in open(path):
        name, value = line.rsplit(' ', 1)
        by_thread[re.sub(r'-\d+$', '-N', name.strip())] += int(value)
    return by_thread
before, after = ticks(f'{work}/cpu-{label}-before.txt'), ticks(f'{work}/cpu-{label}-after.txt')
used = sorted(((after[k] - before.get(k, 0), k) for k in after), reverse=True)
print(f"{label}: {alerts} alerts in 40 s ({alerts / 40:.0f}/s), load {l1} -> {l2}")
for spent, thread in used[:12]:
    if spent > 0:
        print(f"  {thread:40s} {spent / hz * 1e6 / alerts:6.2f} us/alert")
print(f"  {'process':40s} {sum(s for s, _ in used) / hz * 1e6 / alerts:6.2f} us/alert")
PY
