#!/usr/bin/env bash
# Cluster soak: three real instances on one Kafka and one PostgreSQL database, triggers sent
# through all three, one instance killed with kill -9 in the middle, then restarted; at the end
# it checks that no acknowledged trigger was lost or counted twice and that no fingerprint has two
# active alerts. Not part of the test suite (it takes minutes): run it by hand.
#
#   klaxon-cluster/scripts/kafka.sh &          # a Kafka on 127.0.0.1:9092 first
#   klaxon-cluster/scripts/soak.sh
#
# Environment: KAFKA (127.0.0.1:9092), PG (postgresql://postgres@127.0.0.1:5432/test: a fresh
# schema klaxon_soak_<pid> is made in it and dropped after), PORT_BASE (18300), ROUNDS (60: each
# round sends one batch of 50 triggers to each instance), FINGERPRINTS (500), WORK
# (/tmp/klaxon-soak). Needs curl and psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
KAFKA=${KAFKA:-127.0.0.1:9092}
PG=${PG:-postgresql://postgres@127.0.0.1:5432/test}
PORT_BASE=${PORT_BASE:-18300}
ROUNDS=${ROUNDS:-60}
FINGERPRINTS=${FINGERPRINTS:-500}
WORK=${WORK:-/tmp/klaxon-soak}
SCHEMA=klaxon_soak_$$
KEY=klx_soak_soaksoaksoaksoaksoaksoak1
TOPIC=klaxon.soak.$$
rm -rf "$WORK" && mkdir -p "$WORK"
psql -q "$PG" -c "create schema $SCHEMA"
PIDS=(0 0 0)
cleanup() {
  for pid in "${PIDS[@]}"; do [ "$pid" != 0 ] && kill "$pid" 2>/dev/null || true; done
  psql -q "$PG" -c "set client_min_messages = warning; drop schema $SCHEMA cascade" || true
}
trap cleanup EXIT
JDBC="jdbc:postgresql://${PG#*@}?currentSchema=$SCHEMA&user=$(echo "$PG" | sed 's|postgresql://\([^@]*\)@.*|\1|')"

start() { # N
  local n=$1 port=$((PORT_BASE + $1))
  ./klaxon --server.port=$port --klaxon.data-dir="$WORK/node$n" --klaxon.db.url="$JDBC" \
    --klaxon.cluster.kafka.bootstrap-servers="$KAFKA" --klaxon.cluster.topic="$TOPIC" \
    --klaxon.cluster.node-name="node$n" --klaxon.security.bootstrap-key=$KEY \
    --klaxon.security.rate-limit.enabled=false >>"$WORK/node$n.log" 2>&1 &
  PIDS[$n-1]=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health" && return 0
    sleep 1
  done
  echo "soak: node$n did not start; see $WORK/node$n.log" >&2
  exit 1
}

send() { # N ROUND: one batch of 50 triggers to node N; prints how many were answered 2xx
  local port=$((PORT_BASE + $1)) body="[" i fp
  for i in $(seq 1 50); do
    fp=$(((RANDOM * 32768 + RANDOM) % FINGERPRINTS))
    body+="{\"action\":\"trigger\",\"dedupKey\":\"soak-$fp\",\"source\":\"soak\",\"type\":\"load\",\"severity\":\"high\",\"title\":\"soak $fp\"}"
    [ "$i" -lt 50 ] && body+=","
  done
  body+="]"
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/alerts/events" || true)
  case $status in 200|202) echo 50 ;; *) echo 0 ;; esac
}

start 1; start 2; start 3
acknowledged=0
for round in $(seq 1 "$ROUNDS"); do
  for n in 1 2 3; do
    [ "${PIDS[$n-1]}" = 0 ] && continue
    acknowledged=$((acknowledged + $(send "$n" "$round")))
  done
  if [ "$round" = $((ROUNDS / 3)) ]; then
    echo "soak: kill -9 node2 at round $round ($acknowledged triggers acknowledged so far)"
    kill -9 "${PIDS[1]}"; PIDS[1]=0
    killed_at=$(date +%s)
  fi
  if [ "$round" = $((2 * ROUNDS / 3)) ]; then
    echo "soak: restarting node2"; start 2
  fi
done
echo "soak: $acknowledged triggers acknowledged; waiting for them to be applied"
q() { psql -qtA "$PG" -c "set search_path to $SCHEMA; $1" | tail -1; }
for _ in $(seq 1 120); do
  [ "$(q 'select coalesce(sum(occurrences), 0) from alert_occurrences')" -ge "$acknowledged" ] && break
  sleep 1
done
counted=$(q "select coalesce(sum(occurrences), 0) from alert_occurrences")
duplicates=$(q "select count(*) from (select fingerprint from alerts where status in ('open','acknowledged') group by fingerprint having count(*) > 1) d")
echo "soak: acknowledged $acknowledged, counted $counted, duplicate active fingerprints $duplicates"
curl -s -H "Authorization: Bearer $KEY" "http://127.0.0.1:$((PORT_BASE + 1))/api/cluster"; echo
[ "$counted" = "$acknowledged" ] && [ "$duplicates" = 0 ] && echo "soak: PASSED" && exit 0
echo "soak: FAILED (counted differs from acknowledged, or duplicates)" >&2
exit 1
