#!/usr/bin/env bash
# CPU per alert of the request threads' own work on POST /api/v2/alerts (reading the alerts,
# fingerprints, commands), without HTTP, Spring or the engine: for a change to that code, where
# the whole server's per-thread figures (thread-cpu.sh) vary more between runs than it moves them
# on a busy machine. Runs each server jar in turn, ROUNDS times each, and prints the median and
# least µs per alert of each run (intake-cpu/IntakeCpu.java, through harness-cpu.sh).
#
#   klaxon-bench/scripts/intake-cpu.sh JAR [JAR…]      (paths absolute or from the tree's root)
#
# Environment: REPEAT (runs of each jar, alternating, 3), ROUNDS (24), WORK
# (/tmp/klaxon-intake-cpu), JAVA (the launcher's JDK).
set -euo pipefail
ARGS=${ROUNDS:-24} UNIT=us/alert WORK=${WORK:-/tmp/klaxon-intake-cpu} \
  exec "$(dirname "$0")/harness-cpu.sh" intake-cpu "$@"
