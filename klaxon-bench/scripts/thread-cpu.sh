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
# NEW=1 measures new alerts instead, as the side-by-side's new-alert run posts them: after the
# re-trigger warm-up (the FP label sets become active, and the request path is compiled as warm as
# for re-triggers: a new-alert run alone posts a tenth of the requests), 15 s of label sets never
# seen (to compile the new-alert path), then MEASURE seconds (20: a new alert stays active in the
# heap, and 224 MiB holds a few hundred thousand) of other label sets never seen, each once.
# On a busy machine give NEW=1 a smaller FP (20000): the warm-up over 100,000 label sets then
# creates them slowly and posts too few requests for the JIT to compile the per-request code
# (Tomcat, Spring), which then costs a new alert two to three times what it costs when warm.
#
# Environment: FP (label sets the client cycles through, 100000), PORT (18700), WORK
# (/tmp/klaxon-thread-cpu), JAVA (the launcher's JDK), JAR (the server jar,
# klaxon-server/target/klaxon-server.jar), NEW, MEASURE (seconds measured: 40, with NEW 20), JFR (a
# file: records JFR's profile settings during the measured run). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABEL=${1:?a label}
shift
FP=${FP:-100000}
PORT=${PORT:-18700}
WORK=${WORK:-/tmp/klaxon-thread-cpu}
JAVA=${JAVA:-$(./klaxon mvnw -v | sed -n "s/.*runtime: //p")/bin/java}
JAR=${JAR:-klaxon-server/target/klaxon-server.jar}
NEW=${NEW:-}
MEASURE=${MEASURE:-$([ -n "$NEW" ] && echo 20 || echo 40)}
DATA=$WORK/data-$LABEL
rm -rf "$DATA" && mkdir -p "$DATA"
MALLOC_ARENA_MAX=2 "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms64m -Xmn32m \
  -Xmx224m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MarkSweepDeadRatio=0 \
  -XX:TrimNativeHeapInterval=5000 -XX:+UseCompactObjectHeaders ${JFR:+-XX:FlightRecorderOptions:stackdepth=256} \
  -jar "$JAR" --server.port="$PORT" --klaxon.data-dir="$DATA" \
  --klaxon.security.rate-limit.enabled=false "$@" >"$WORK/server-$LABEL.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
  sleep 0.5
done
export KLAXON_API_KEY
KLAXON_API_KEY=$(cat "$DATA/admin.key")
# post SECONDS [FINGERPRINTS OFFSET]: the lua script's label set n is (counter * 7919) mod
# FINGERPRINTS, counters from OFFSET on, one per alert: with 2,000,000,000 label sets and offsets
# apart by more than a run sends, every alert of a run is new.
post() { FINGERPRINTS=${2:-$FP} OFFSET=${3:-0} THREADS=2 wrk -t2 -c8 -d"$1" --timeout 10s \
  -s klaxon-bench/scripts/alertmanager-post.lua "http://127.0.0.1:$PORT/api/v2/alerts"; }
snap() {
  for t in /proc/$PID/task/*; do
    echo "$(cat "$t/comm") $(cut -d')' -f2 "$t/stat" | awk '{print $12, $13}')"
  done
}
# Under load a warm-up may not reach every label set: the measured run would then open new alerts,
# which cost several times a re-trigger. Each warm-up round goes on from the label sets the rounds
# before sent (wrk restarts the script's counter) until every label set was sent once, then one
# more re-sends from the start.
SENT=0
ROUND=1
post 30s >"$WORK/wrk-$LABEL-warmup$ROUND.txt"
SENT=$(awk '/requests in/ {print $1 * 100}' "$WORK/wrk-$LABEL-warmup$ROUND.txt")
while [ "$SENT" -lt "$FP" ]; do
  ROUND=$((ROUND + 1))
  post 20s "$FP" "$SENT" >"$WORK/wrk-$LABEL-warmup$ROUND.txt"
  SENT=$((SENT + $(awk '/requests in/ {print $1 * 100}' "$WORK/wrk-$LABEL-warmup$ROUND.txt")))
done
post 20s >"$WORK/wrk-$LABEL-warmup$((ROUND + 1)).txt"
[ -z "$NEW" ] || post 15s 2000000000 100000000 >"$WORK/wrk-$LABEL-warmup-new.txt"
[ -z "${JFR:-}" ] || jcmd $PID JFR.start name=measured settings=profile filename="$JFR" >/dev/null
snap >"$WORK/cpu-$LABEL-before.txt"
L1=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "$NEW" ]; then
  post "${MEASURE}s" 2000000000 500000000 >"$WORK/wrk-$LABEL.txt"
else
  post "${MEASURE}s" >"$WORK/wrk-$LABEL.txt"
fi
snap >"$WORK/cpu-$LABEL-after.txt"
[ -z "${JFR:-}" ] || jcmd $PID JFR.stop name=measured >/dev/null
L2=$(cut -d' ' -f1-3 /proc/loadavg)
REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/wrk-$LABEL.txt")
NON2XX=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$WORK/wrk-$LABEL.txt")
[ -z "$NON2XX" ] || echo "thread-cpu: $NON2XX non-2xx answers in the measured run" >&2
python3 - "$WORK" "$LABEL" "$REQUESTS" "$L1" "$L2" "$(getconf CLK_TCK)" "$MEASURE" "${NEW:+new}" <<'PY'
import collections, re, sys
work, label, requests, l1, l2, hz, seconds, kind = sys.argv[1:9]
alerts, hz = int(requests) * 100, int(hz)
def ticks(path, field):
    by_thread = collections.Counter()
    for line in open(path):
        name, user, system = line.rsplit(' ', 2)
        by_thread[re.sub(r'-\d+$', '-N', name.strip())] += int(user) + int(system) if field == 2 else int([user, system][field])
    return by_thread
def spent(field):
    before, after = ticks(f'{work}/cpu-{label}-before.txt', field), ticks(f'{work}/cpu-{label}-after.txt', field)
    return sorted(((after[k] - before.get(k, 0), k) for k in after), reverse=True)
used = spent(2)
seconds = int(seconds)
what = "new alerts" if kind else "alerts"
print(f"{label}: {alerts} {what} in {seconds} s ({alerts / seconds:.0f}/s), load {l1} -> {l2}")
for ticks_used, thread in used[:12]:
    if ticks_used > 0:
        print(f"  {thread:40s} {ticks_used / hz * 1e6 / alerts:6.2f} us/alert")
# Tomcat's acceptor and poller and the carriers of its virtual threads: the request threads.
def requests(used):
    return sum(s for s, t in used if t.startswith(('ForkJoinPool-', 'http-')))
print(f"  {'request threads (carriers, http-*)':40s} {requests(used) / hz * 1e6 / alerts:6.2f} us/alert"
      f" (system {requests(spent(1)) / hz * 1e6 / alerts:.2f})")
print(f"  {'process':40s} {sum(s for s, _ in used) / hz * 1e6 / alerts:6.2f} us/alert")
PY
