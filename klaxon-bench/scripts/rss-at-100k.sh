#!/usr/bin/env bash
# The side-by-side's steps on one Klaxon server, with its memory read at each (BENCHMARKS.md, "i22m:
# what still promoted at 100,000 active alerts"):
#   klaxon-bench/scripts/rss-at-100k.sh LABEL PORT
# starts ./klaxon (KLAXON_JAVA_OPTS from the environment; or, with JAR=path, `java -jar` of that jar
# with the launcher's flags and no AOT cache), warms it up to 100,000 active alerts, re-triggers for
# DURATION (15) seconds, reads VmRSS, smaps_rollup, NMT (when -XX:NativeMemoryTracking=summary is in
# KLAXON_JAVA_OPTS) and the heap, sends new alerts for DURATION seconds and reads them again; then
# prints the bytes promoted to the old generation per re-trigger. Output in WORK (/tmp/klaxon-rss)/LABEL.
# KEEP=1 leaves the server running. Needs wrk, curl, jcmd, python3.
set -uo pipefail
LABEL=$1; PORT=$2
WT=$(cd "$(dirname "$0")/../.." && pwd)
SCRIPT=$WT/klaxon-bench/scripts/alertmanager-post.lua
OUT=${WORK:-/tmp/klaxon-rss}/$LABEL; rm -rf "$OUT"; mkdir -p "$OUT"
DATA=$OUT/data
DURATION=${DURATION:-15}
cd "$WT"
t0=$(date +%s.%N)
if [ -n "${JAR:-}" ]; then
  LAUNCH=(env MALLOC_ARENA_MAX=2 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms64m -Xmn32m -Xmx224m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MarkSweepDeadRatio=0 -XX:TrimNativeHeapInterval=5000 -XX:+UseCompactObjectHeaders ${KLAXON_JAVA_OPTS:-} -Xlog:gc*:file=$OUT/gc.log:utctime,uptime -jar $JAR)
else
  LAUNCH=(env KLAXON_JAVA_OPTS="${KLAXON_JAVA_OPTS:-} -Xlog:gc*:file=$OUT/gc.log:utctime,uptime" ./klaxon)
fi
exec_launch() { exec "${LAUNCH[@]}" "$@"; }
exec_launch --server.port=$PORT --klaxon.data-dir="$DATA" \
  --klaxon.security.rate-limit.enabled=false >"$OUT/server.log" 2>&1 &
PID=$!
echo $PID > "$OUT/pid"
for _ in $(seq 1 6000); do curl -fs -o /dev/null http://127.0.0.1:$PORT/actuator/health && break; sleep 0.1; done
t1=$(date +%s.%N)
echo "startup_s $(echo "$t1 - $t0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.txt"
export KLAXON_API_KEY=$(cat "$DATA/admin.key")
URL=http://127.0.0.1:$PORT
active() { curl -fs -H "Authorization: Bearer $KLAXON_API_KEY" "$URL/actuator/prometheus" | awk '/^klaxon_alerts_active/ {printf "%.0f", $2}'; }
mark() { echo "mark $1 $(date +%s.%N)" >> "$OUT/marks.txt"; }
cpu() { awk '{s+=$14+$15} END {print s}' /proc/$PID/task/*/stat 2>/dev/null; }
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$PID/status; }
snap() { # NAME
  { echo "== $1 RSS $(rss) MiB load $(cut -d' ' -f1-3 /proc/loadavg) threads $(ls /proc/$PID/task | wc -l)";
    cat /proc/$PID/smaps_rollup; jcmd $PID VM.native_memory summary 2>/dev/null | sed -n '/Total/,$p' | grep -E "^-|Total|committed=" | head -80;
    jcmd $PID GC.heap_info; } > "$OUT/$1.txt" 2>&1
  echo "$1 rss $(rss) active $(active)" | tee -a "$OUT/summary.txt"
}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
snap idle
sent=0; began=$SECONDS
while :; do
  FINGERPRINTS=100000 THREADS=2 OFFSET=$sent wrk -t2 -c8 -d30s --timeout 10s -s "$SCRIPT" $URL > "$OUT/warm.wrk"
  sent=$((sent + 100 * $(awk '/requests in/ {print $1}' "$OUT/warm.wrk")))
  h=$(active); echo "warm held $h after $((SECONDS-began)) s" | tee -a "$OUT/summary.txt"
  [ "${h:-0}" -ge 100000 ] && break
  [ $((SECONDS-began)) -ge 600 ] && break
done
mark retrigger-start; c0=$(cpu)
FINGERPRINTS=100000 THREADS=2 wrk -t2 -c8 -d${DURATION}s --timeout 10s -s "$SCRIPT" $URL > "$OUT/retrigger.wrk"
c1=$(cpu); mark retrigger-end
n=$(( 100 * $(awk '/requests in/ {print $1}' "$OUT/retrigger.wrk") ))
echo "retrigger alerts $n cpu_us_per_alert $(echo "scale=2; ($c1-$c0)*10000/$n" | bc) rate $(awk '/Requests\/sec/ {printf "%.0f", $2*100}' "$OUT/retrigger.wrk")" | tee -a "$OUT/summary.txt"
snap after-retrigger
c0=$(cpu)
FINGERPRINTS=2000000000 THREADS=2 wrk -t2 -c8 -d${DURATION}s --timeout 10s -s "$SCRIPT" $URL > "$OUT/new.wrk"
c1=$(cpu)
n=$(( 100 * $(awk '/requests in/ {print $1}' "$OUT/new.wrk") ))
echo "new alerts $n cpu_us_per_alert $(echo "scale=2; ($c1-$c0)*10000/$n" | bc) rate $(awk '/Requests\/sec/ {printf "%.0f", $2*100}' "$OUT/new.wrk") non2xx $(grep -c Non-2xx "$OUT/new.wrk")" | tee -a "$OUT/summary.txt"
sleep 6
snap after-new
echo "full GCs $(grep -c 'Pause Full' "$OUT/gc.log") young $(grep -c 'Pause Young' "$OUT/gc.log") OOM $(grep -c OutOfMemory "$OUT/server.log")" | tee -a "$OUT/summary.txt"
[ -n "${KEEP:-}" ] || { kill $PID; wait $PID 2>/dev/null; }
python3 - "$OUT" <<'PY'
import sys, re, datetime
d = sys.argv[1]
marks = {l.split()[1]: float(l.split()[2]) for l in open(d + '/marks.txt')}
promoted = 0
for line in open(d + '/gc.log'):
    m = re.match(r'\[(\S+)\]\[\S+\] GC\((\d+)\) Tenured: (\d+)K\(\d+K\)->(\d+)K', line)
    if m:
        t = datetime.datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp()
        if marks['retrigger-start'] <= t <= marks['retrigger-end']:
            promoted += max(0, int(m.group(4)) - int(m.group(3)))
n = int(re.search(r'retrigger alerts (\d+)', open(d + '/summary.txt').read()).group(1))
print(f"promoted in the re-trigger run: {promoted} KiB, {promoted * 1024 / n:.1f} bytes per re-trigger")
PY
