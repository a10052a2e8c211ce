#!/usr/bin/env bash
# CPU per alert of the request threads' own work on POST /api/v2/alerts (reading the alerts,
# fingerprints, commands), without HTTP, Spring or the engine: for a change to that code, where
# the whole server's per-thread figures (thread-cpu.sh) vary more between runs than it moves them
# on a busy machine. Runs each server jar in turn, ROUNDS times each, and prints the median and
# least µs per alert of each run (intake-cpu/IntakeCpu.java).
#
#   klaxon-bench/scripts/intake-cpu.sh JAR [JAR…]      (paths absolute or from the tree's root)
#
# Environment: REPEAT (runs of each jar, alternating, 3), ROUNDS (24), WORK
# (/tmp/klaxon-intake-cpu), JAVA (the launcher's JDK).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEAT=${REPEAT:-3}
ROUNDS=${ROUNDS:-24}
WORK=${WORK:-/tmp/klaxon-intake-cpu}
JAVA=${JAVA:-$(./klaxon mvnw -v | sed -n "s/.*runtime: //p")/bin/java}
rm -rf "$WORK" && mkdir -p "$WORK"
n=0
for jar in "$@"; do
  n=$((n + 1))
  mkdir -p "$WORK/$n"
  unzip -q -d "$WORK/$n" "$jar" 'BOOT-INF/*'
done
"$(dirname "$JAVA")/javac" -d "$WORK/harness" -cp "$WORK/1/BOOT-INF/classes:$WORK/1/BOOT-INF/lib/*" \
  klaxon-bench/scripts/intake-cpu/IntakeCpu.java
for _ in $(seq 1 "$REPEAT"); do
  n=0
  for jar in "$@"; do
    n=$((n + 1))
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xmx256m \
      -cp "$WORK/harness:$WORK/$n/BOOT-INF/classes:$WORK/$n/BOOT-INF/lib/*" \
      io.klaxon.server.alertmanager.IntakeCpu "$ROUNDS" | awk '/round/ {print $3}' | sort -n |
      awk -v jar="$jar" -v ld="$(cut -d' ' -f1 /proc/loadavg)" '{a[NR] = $1} END {
        printf "%-50s median %.3f, least %.3f us/alert (load %s)\n", jar, a[int((NR + 1) / 2)], a[1], ld}'
  done
done
