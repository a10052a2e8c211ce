#!/usr/bin/env bash
# Runs one of the CPU harnesses beside this script against each server jar in turn, alternating,
# REPEAT times, and prints the median and least figure of each run: for a change whose cost the
# whole server's per-thread figures (thread-cpu.sh) cannot resolve on a busy machine.
#
#   klaxon-bench/scripts/harness-cpu.sh HARNESS JAR [JAR…]   (jar paths absolute or from the root)
#
# HARNESS is a folder beside this script holding one Java file whose class prints lines
# "round N FIGURE"; intake-cpu.sh and digest-cpu.sh name theirs. Environment: REPEAT (runs of each
# jar, alternating, 3), UNIT (what the figures are, "per round"), ARGS (the harness's arguments),
# WORK (/tmp/klaxon-<harness>-cpu), JAVA (the launcher's JDK).
set -euo pipefail
cd "$(dirname "$0")/../.."
HARNESS=${1:?a harness folder beside this script}
shift
SOURCE=$(ls klaxon-bench/scripts/"$HARNESS"/*.java)
CLASS=$(sed -n 's/^package \(.*\);/\1/p' "$SOURCE").$(basename "$SOURCE" .java)
REPEAT=${REPEAT:-3}
UNIT=${UNIT:-per round}
WORK=${WORK:-/tmp/klaxon-$HARNESS}
JAVA=${JAVA:-$(./klaxon mvnw -v | sed -n "s/.*runtime: //p")/bin/java}
rm -rf "$WORK" && mkdir -p "$WORK"
n=0
for jar in "$@"; do
  n=$((n + 1))
  mkdir -p "$WORK/$n"
  unzip -q -d "$WORK/$n" "$jar" 'BOOT-INF/*'
done
"$(dirname "$JAVA")/javac" -d "$WORK/harness" -cp "$WORK/1/BOOT-INF/classes:$WORK/1/BOOT-INF/lib/*" \
  "$SOURCE"
for _ in $(seq 1 "$REPEAT"); do
  n=0
  for jar in "$@"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # ARGS are words for the harness
    "$JAVA" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -Xmx256m \
      -cp "$WORK/harness:$WORK/$n/BOOT-INF/classes:$WORK/$n/BOOT-INF/lib/*" \
      "$CLASS" ${ARGS:-} | awk '/round/ {print $3}' | sort -g |
      awk -v jar="$jar" -v unit="$UNIT" -v ld="$(cut -d' ' -f1 /proc/loadavg)" '{a[NR] = $1} END {
        printf "%-50s median %s, least %s %s (load %s)\n", jar, a[int((NR + 1) / 2)], a[1], unit, ld}'
  done
done
