#!/usr/bin/env bash
# Thread CPU per re-trigger digest (TriggerDigest.of, computed by the engine's submit on the request
# threads), of each server jar in turn, alternating: for a change to the digest, which the whole
# server's per-thread figures (thread-cpu.sh) cannot resolve on a busy machine. Prints the median
# and least ns per digest of each run (digest-cpu/DigestCpu.java).
#
#   klaxon-bench/scripts/digest-cpu.sh JAR [JAR…]      (paths absolute or from the tree's root)
#
# Environment: REPEAT (runs of each jar, alternating, 3), WORK (/tmp/klaxon-digest-cpu), JAVA (the
# launcher's JDK).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEAT=${REPEAT:-3}
WORK=${WORK:-/tmp/klaxon-digest-cpu}
JAVA=${JAVA:-$(./klaxon mvnw -v | sed -n "s/.*runtime: //p")/bin/java}
rm -rf "$WORK" && mkdir -p "$WORK"
n=0
for jar in "$@"; do
  n=$((n + 1))
  mkdir -p "$WORK/$n"
  unzip -q -d "$WORK/$n" "$jar" 'BOOT-INF/lib/klaxon-core-*'
done
"$(dirname "$JAVA")/javac" -d "$WORK/harness" -cp "$WORK/1/BOOT-INF/lib/*" \
  klaxon-bench/scripts/digest-cpu/DigestCpu.java
for _ in $(seq 1 "$REPEAT"); do
  n=0
  for jar in "$@"; do
    n=$((n + 1))
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xmx256m \
      -cp "$WORK/harness:$WORK/$n/BOOT-INF/lib/*" io.klaxon.engine.DigestCpu |
      awk '/round/ {print $3}' | sort -n |
      awk -v jar="$jar" -v ld="$(cut -d' ' -f1 /proc/loadavg)" '{a[NR] = $1} END {
        printf "%-50s median %.1f, least %.1f ns/digest (load %s)\n", jar, a[int((NR + 1) / 2)], a[1], ld}'
  done
done
