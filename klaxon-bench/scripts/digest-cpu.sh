#!/usr/bin/env bash
# Thread CPU per re-trigger digest (TriggerDigest.of, computed by the engine's submit on the request
# threads), of each server jar in turn, alternating: for a change to the digest, which the whole
# server's per-thread figures (thread-cpu.sh) cannot resolve on a busy machine. Prints the median
# and least ns per digest of each run (digest-cpu/DigestCpu.java, through harness-cpu.sh).
#
#   klaxon-bench/scripts/digest-cpu.sh JAR [JAR…]      (paths absolute or from the tree's root)
#
# Environment: REPEAT (runs of each jar, alternating, 3), WORK (/tmp/klaxon-digest-cpu), JAVA (the
# launcher's JDK).
set -euo pipefail
UNIT=ns/digest WORK=${WORK:-/tmp/klaxon-digest-cpu} \
  exec "$(dirname "$0")/harness-cpu.sh" digest-cpu "$@"
