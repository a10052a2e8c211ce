#!/usr/bin/env bash
# Cluster ingest: a one-node Kafka (klaxon-cluster/scripts/kafka.sh), three Klaxon instances in
# cluster mode on one fresh PostgreSQL schema, and three wrk processes side by side, one per
# instance, with the side-by-side's client (klaxon-bench/scripts/alertmanager-post.lua: batches of
# 100 Prometheus alerts on /api/v2/alerts). Prints each instance's alerts/s and their sum.
#
#   klaxon-bench/scripts/cluster-ingest.sh [retrigger|new|both]        (default: both)
#
# Scenarios: "re-triggers" re-sends FINGERPRINTS label sets that a warm-up run through all three
# created; "new alerts" sends label sets never seen before. The three wrk processes take turns
# through one sequence of label sets (THREADS=3, OFFSET 0/1/2), so no two send the same one at
# once. Alerts/s counts the alerts of requests answered 2xx (200, or 202 when an owner took longer
# than klaxon.cluster.answer-wait: the alerts are in Kafka and applied soon after); non-2xx answers
# are reported and left out.
# Environment: DURATION (seconds per measured run, 30), WARMUP (seconds of the warm-up run, 30),
# FINGERPRINTS (20000), CONNECTIONS (per wrk, 4), STARTUP (seconds to wait for an instance, 300),
# PORT_BASE (18400: instances on +1..+3, Kafka on +10 and +11), KAFKA (host:port of a Kafka of
# yours: then none is started), PARTITIONS (P of the fresh schema, 16), PG_URL
# (jdbc:postgresql://127.0.0.1:5432/test?user=postgres: a schema cluster_ingest_<pid> is made in
# it and dropped after), WORK (/tmp/klaxon-cluster-ingest), KLAXON_JAVA_OPTS (passed to ./klaxon).
# Needs wrk, curl, psql. The first ./klaxon of a checkout builds the jar (minutes): instance 1
# starts alone, the two others once it answers.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRIPT=$ROOT/klaxon-bench/scripts/alertmanager-post.lua
SCENARIOS=${1:-both}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
FINGERPRINTS=${FINGERPRINTS:-20000}
CONNECTIONS=${CONNECTIONS:-4}
STARTUP=${STARTUP:-300}
PORT_BASE=${PORT_BASE:-18400}
PARTITIONS=${PARTITIONS:-16}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
WORK=${WORK:-/tmp/klaxon-cluster-ingest}
SCHEMA=cluster_ingest_$$
KEY=klx_clusteringest_Y2x1c3Rlci1pbmdlc3QtYmVuY2gta2V5LTAwMDE
TOPIC=klaxon.ingest.$$

case $SCENARIOS in retrigger | new | both) ;; *)
  echo "cluster-ingest: give retrigger, new or both, not '$SCENARIOS'" >&2
  exit 2
  ;;
esac
for tool in wrk curl psql; do
  command -v "$tool" >/dev/null || {
    echo "cluster-ingest: $tool is missing" >&2
    exit 1
  }
done
rm -rf "$WORK" && mkdir -p "$WORK"
# psql takes the same server as a libpq URL: jdbc:postgresql://host:port/db?user=u → postgresql://u@host:port/db
PG_USER=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<<"$PG_URL")
PG_HOSTDB=$(sed 's|^jdbc:postgresql://\([^?]*\).*|\1|' <<<"$PG_URL")
PSQL_URL="postgresql://${PG_USER:+$PG_USER@}$PG_HOSTDB"
JDBC="$PG_URL$([[ $PG_URL == *\?* ]] && echo '&' || echo '?')currentSchema=$SCHEMA"
PIDS=()
cleanup() {
  # The instances first (last started, first stopped), Kafka last: a stopping instance still
  # answers through it.
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  psql -q "$PSQL_URL" -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade" \
    >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -q "$PSQL_URL" -c "create schema $SCHEMA"

if [ -z "${KAFKA:-}" ]; then
  KAFKA=127.0.0.1:$((PORT_BASE + 10))
  echo "cluster-ingest: Kafka on $KAFKA…" >&2
  KAFKA_DIR=$WORK/kafka KAFKA_PORT=$((PORT_BASE + 10)) klaxon-cluster/scripts/kafka.sh \
    >"$WORK/kafka.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 $((STARTUP * 2))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$((PORT_BASE + 10))") 2>/dev/null && break
    sleep 0.5
  done
fi

wait_for() { # URL PID SECONDS: until the URL answers, the process ends, or SECONDS pass
  local began=$SECONDS
  while [ $((SECONDS - began)) -lt "$3" ]; do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.5
  done
  echo "cluster-ingest: $1 did not come up; logs in $WORK" >&2
  exit 1
}

start() { # N: instance N on PORT_BASE + N
  local n=$1
  ./klaxon --server.port=$((PORT_BASE + n)) --klaxon.data-dir="$WORK/node$n" \
    --klaxon.db.url="$JDBC" --klaxon.engine.partitions="$PARTITIONS" \
    --klaxon.cluster.kafka.bootstrap-servers="$KAFKA" --klaxon.cluster.topic="$TOPIC" \
    --klaxon.cluster.node-name="node$n" --klaxon.security.bootstrap-key=$KEY \
    --klaxon.security.rate-limit.enabled=false >"$WORK/node$n.log" 2>&1 &
  PIDS+=("$!")
}

echo "cluster-ingest: instance 1 (the first start after a change builds the jar)…" >&2
start 1
# A build and the start-up cache's training run come first when the jar is not up to date.
wait_for "http://127.0.0.1:$((PORT_BASE + 1))/actuator/health" "${PIDS[-1]}" $((STARTUP + 1800))
echo "cluster-ingest: instances 2 and 3…" >&2
start 2
start 3
wait_for "http://127.0.0.1:$((PORT_BASE + 2))/actuator/health" "${PIDS[-2]}" "$STARTUP"
wait_for "http://127.0.0.1:$((PORT_BASE + 3))/actuator/health" "${PIDS[-1]}" "$STARTUP"

members() { # how many members own partitions, as instance 1 sees the group
  curl -fs -H "Authorization: Bearer $KEY" "http://127.0.0.1:$((PORT_BASE + 1))/api/cluster" |
    python3 -c 'import json, sys
c = json.load(sys.stdin)
owned = sorted(p for m in c["members"] for p in m["partitions"])
print(len(c["members"]) if owned == list(range(c["partitions"])) else 0)' 2>/dev/null || echo 0
}
for _ in $(seq 1 $((STARTUP * 2))); do
  [ "$(members)" = 3 ] && break
  sleep 0.5
done
[ "$(members)" = 3 ] || {
  echo "cluster-ingest: the three instances did not share the partitions; logs in $WORK" >&2
  exit 1
}

# cpu PID...: CPU time (user + system, clock ticks) the processes have used so far.
cpu() {
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# run LABEL LABEL_SETS SECONDS: three wrk side by side, one per instance; prints one line per
# instance (alerts/s of 2xx answers), the sum, and the CPU the three instances and Kafka used
# per 1,000 alerts (a figure the other loads of a shared machine distort less than alerts/s).
run() {
  local label=$1 n
  local wrks=()
  local instances=("${PIDS[@]: -3}") kafka=()
  [ "${#PIDS[@]}" -gt 3 ] && kafka=("${PIDS[0]}")
  local cpu_instances cpu_kafka ticks
  ticks=$(getconf CLK_TCK)
  cpu_instances=$(cpu "${instances[@]}")
  cpu_kafka=$(cpu "${kafka[@]}")
  for n in 1 2 3; do
    KLAXON_API_KEY=$KEY FINGERPRINTS=$2 THREADS=3 OFFSET=$((n - 1)) \
      wrk -t1 -c"$CONNECTIONS" -d"$3"s --timeout 10s -s "$SCRIPT" \
      "http://127.0.0.1:$((PORT_BASE + n))" >"$WORK/$label-node$n.wrk" 2>&1 &
    wrks+=("$!")
  done
  for pid in "${wrks[@]}"; do wait "$pid"; done
  local total=0 rate requests seconds non2xx
  for n in 1 2 3; do
    read -r requests seconds < <(awk '/requests in/ {sub(/s,?$/, "", $4); print $1, $4}' \
      "$WORK/$label-node$n.wrk")
    non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$WORK/$label-node$n.wrk")
    rate=$(awk -v r="$requests" -v x="${non2xx:-0}" -v s="$seconds" \
      'BEGIN {printf "%.0f", (r - x) * 100 / s}')
    total=$((total + rate))
    printf '%-12s node%s %10s alerts/s  (%s requests in %s s, %s non-2xx)\n' "$label" "$n" \
      "$rate" "$requests" "$seconds" "${non2xx:-0}"
  done
  printf '%-12s all    %10s alerts/s\n' "$label" "$total"
  cpu_instances=$(($(cpu "${instances[@]}") - cpu_instances))
  cpu_kafka=$(($(cpu "${kafka[@]}") - cpu_kafka))
  awk -v l="$label" -v i="$cpu_instances" -v k="$cpu_kafka" -v t="$ticks" -v r="$total" -v s="$3" \
    'BEGIN {a = r * s; if (a < 1) a = 1
      printf "%-12s cpu    %10.1f ms per 1,000 alerts in the instances, %.1f in Kafka\n", l, i * 1e6 / t / a, k * 1e6 / t / a}'
}

{
  echo "cluster-ingest: P=$PARTITIONS, $CONNECTIONS connections per instance, $DURATION s runs"
  echo "load before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$SCENARIOS" != new ]; then
    run warm-up "$FINGERPRINTS" "$WARMUP" >/dev/null
    run re-trigger "$FINGERPRINTS" "$DURATION"
  fi
  if [ "$SCENARIOS" != retrigger ]; then
    run new 2000000000 "$DURATION"
  fi
  echo "load after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$WORK/results.txt"
echo "wrk outputs and instance logs: $WORK" >&2
