#!/usr/bin/env bash
# CPU per re-trigger of one Klaxon server on PostgreSQL, by thread and in the database (issue 22).
#
#   klaxon-bench/scripts/pg-retrigger-cpu.sh LABEL [server arguments…]
#
# Starts ./klaxon (no AOT cache) on a fresh schema i22p_LABEL of database DB (i22p_bench: a
# database of its own, so that pg_stat_database counts only this server's commits), warms it up
# with rounds of 30 s of alertmanager-post.lua until 100,000 alerts are active, re-sends them for
# 20 s (the JIT), then measures DURATION (30) seconds of re-triggers with wrk -t2 -c8. Around the
# measured run: each Java thread's utime+stime (/proc/PID/task/*/stat, grouped by name), the CPU of
# the server's PostgreSQL backends (application_name klaxon-bench-cpu), pg_stat_wal (cluster-wide),
# the database's xact_commit and the schema's pg_stat_user_tables; printed per alert (wrk's
# requests × 100) or per request. FF=N sets the alerts table's fillfactor before the warm-up;
# JFR=1 records a profile of the measured run (LABEL dir/rec.jfr); PERF=1 samples the server's
# backends with perf (cpu-clock, call graphs: LABEL dir/pg.perf) during it and prints the share of
# their samples by kind of work (the first kind a sample's stack shows, in the order listed);
# KEEP=1 leaves the server up. EVERY_SECOND=1 also samples, once a second of the measured run, the
# server's and its backends' CPU, the machine's idle time, the fold's row updates and the history
# rows inserted (LABEL dir/cpu-per-second.txt, rows-per-second.txt), and prints their means over
# the seconds with a wave of summaries (more than 2,000 history rows a second), with a few, and
# without.
# Environment: PORT (18580), DB (i22p_bench, created when missing), WORK (/tmp/i22p).
set -u
label=$1; shift
cd "$(dirname "$0")/../.."
ROOT=$PWD
PORT=${PORT:-18580} DB=${DB:-i22p_bench} DURATION=${DURATION:-30}
schema=i22p_$label
W=${WORK:-/tmp/i22p}/$label; rm -rf "$W"; mkdir -p "$W"
S=$ROOT/klaxon-bench/scripts/alertmanager-post.lua
APP=klaxon-bench-cpu
pg() { psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "$1"; }
psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='$DB'" |
  grep -q 1 || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB"
pg "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
KLAXON_NO_AOT=1 ./klaxon --server.port="$PORT" --klaxon.data-dir="$W/data" \
  --klaxon.security.rate-limit.enabled=false \
  "--klaxon.db.url=jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres&currentSchema=$schema&ApplicationName=$APP" \
  "$@" >"$W/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 2400); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break; sleep 0.5; done
KLAXON_API_KEY=$(cat "$W/data/admin.key")
export KLAXON_API_KEY
[ -z "${FF:-}" ] || pg "ALTER TABLE $schema.alerts SET (fillfactor = $FF)"
active() {
  curl -fs -H "Authorization: Bearer $KLAXON_API_KEY" "http://127.0.0.1:$PORT/actuator/prometheus" |
    awk '/^klaxon_alerts_active/ {printf "%.0f", $2}'
}
post() { # SECONDS OFFSET OUT
  FINGERPRINTS=100000 THREADS=2 OFFSET=$2 wrk -t2 -c8 -d"$1"s --timeout 10s -s "$S" "http://127.0.0.1:$PORT" >"$3"
}
sent=0
for r in $(seq 1 10); do
  post 30 "$sent" "$W/warm$r.wrk"
  sent=$((sent + 100 * $(awk '/requests in/ {print $1}' "$W/warm$r.wrk")))
  a=$(active); echo "warm-up round $r: $a active" >&2
  [ "${a:-0}" -ge 100000 ] && break
done
post 20 0 "$W/jit.wrk"
sleep 2
snap() { # OUT
  {
    for t in /proc/$pid/task/*; do
      name=$(cat "$t/comm" 2>/dev/null) || continue
      st=$(cat "$t/stat" 2>/dev/null) || continue
      set -- ${st##*) }
      echo "T ${name// /_} $((${12} + ${13}))"
    done
    for bp in $(pg "select pid from pg_stat_activity where application_name='$APP'"); do
      st=$(cat "/proc/$bp/stat" 2>/dev/null) || continue
      set -- ${st##*) }
      echo "B $bp $((${12} + ${13}))"
    done
    pg "select 'W', wal_sync, wal_records, wal_bytes from pg_stat_wal"
    pg "select 'D', xact_commit from pg_stat_database where datname='$DB'"
    pg "select 'U', relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables where schemaname='$schema'"
  } >"$1"
}
uptime >"$W/load-before"
snap "$W/s1"
[ -z "${JFR:-}" ] || "$(dirname "$(readlink "/proc/$pid/exe")")/jcmd" "$pid" JFR.start duration="${DURATION}s" filename="$W/rec.jfr" settings=profile >/dev/null
if [ -n "${PERF:-}" ]; then
  perf record -e cpu-clock -F 499 -g -o "$W/pg.perf" \
    -p "$(pg "select string_agg(pid::text, ',') from pg_stat_activity where application_name='$APP'")" \
    -- sleep "$DURATION" >"$W/perf.log" 2>&1 &
  perfpid=$!
fi
every_second() { # time, server ticks, backends' ticks, idle ticks | time, fold updates, history rows
  local bps
  bps=$(pg "select string_agg(pid::text, ' ') from pg_stat_activity where application_name='$APP'")
  echo "select extract(epoch from clock_timestamp()), coalesce(sum(n_tup_upd) filter (where relname = 'alert_occurrences'), 0), coalesce(sum(n_tup_ins) filter (where relname = 'alert_history'), 0) from pg_stat_user_tables where schemaname = '$schema' \\watch 1" |
    timeout "$DURATION" psql -h 127.0.0.1 -U postgres -d "$DB" -At >"$W/rows-per-second.txt" 2>/dev/null &
  local end=$((SECONDS + DURATION)) j b st c
  while [ $SECONDS -lt $end ]; do
    read -r -a st <"/proc/$pid/stat"; j=$((st[13] + st[14])); b=0
    for bp in $bps; do read -r -a st <"/proc/$bp/stat" 2>/dev/null && b=$((b + st[13] + st[14])); done
    read -r -a c </proc/stat
    echo "$EPOCHREALTIME $j $b ${c[4]}"
    sleep 1
  done >"$W/cpu-per-second.txt"
  wait
}
[ -z "${EVERY_SECOND:-}" ] || { every_second & sampler=$!; }
post "$DURATION" 777 "$W/measure.wrk"
[ -z "${EVERY_SECOND:-}" ] || wait "$sampler"
[ -z "${PERF:-}" ] || wait "$perfpid"
snap "$W/s2"
uptime >"$W/load-after"
requests=$(awk '/requests in/ {print $1}' "$W/measure.wrk")
grep -E 'Requests/sec|Non-2xx' "$W/measure.wrk"
echo "load before: $(cat "$W/load-before")"
echo "load after:  $(cat "$W/load-after")"
python3 - "$W/s1" "$W/s2" "$requests" "$(getconf CLK_TCK)" <<'EOF'
import collections, re, sys
def load(path):
    d = {'T': collections.Counter(), 'B': {}, 'W': [0, 0, 0], 'D': 0, 'U': {}}
    for line in open(path):
        if line.startswith(('T ', 'B ')):
            kind, key, ticks = line.split()
            if kind == 'T':
                d['T'][re.sub(r'[-_]?\d+$', '', key)] += int(ticks)
            else:
                d['B'][key] = int(ticks)
            continue
        p = line.strip().split('|')
        if p[0] == 'W': d['W'] = [float(x) for x in p[1:]]
        elif p[0] == 'D': d['D'] = int(p[1])
        elif p[0] == 'U': d['U'][p[1]] = [int(x) for x in p[2:]]
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
requests = float(sys.argv[3]); alerts = requests * 100; tick = 1e6 / int(sys.argv[4])
rows = sorted(((b['T'][k] - a['T'].get(k, 0)) * tick / alerts, k) for k in b['T'])[::-1]
print(f"Java, whole process: {sum(v for v, _ in rows):.1f} us per alert")
for v, k in rows[:12]:
    if v > 0.05: print(f"  {k:28s} {v:6.2f}")
backends = sum(b['B'][p] - a['B'].get(p, 0) for p in b['B'])
print(f"PostgreSQL backends: {backends * tick / alerts:.1f} us per alert ({len(b['B'])} backends)")
print(f"WAL flushes per request {(b['W'][0] - a['W'][0]) / requests:.2f} (cluster-wide),"
      f" WAL records per alert {(b['W'][1] - a['W'][1]) / alerts:.2f},"
      f" WAL bytes per alert {(b['W'][2] - a['W'][2]) / alerts:.0f}")
print(f"commits per request {(b['D'] - a['D']) / requests:.2f} (the database's)")
for t in sorted(b['U']):
    x = [b['U'][t][i] - a['U'].get(t, [0] * 4)[i] for i in range(4)]
    if any(x):
        print(f"  {t:24s} inserted {x[0] / alerts:.3f}/alert, updated {x[1] / alerts:.3f}/alert"
              f" ({x[2] / max(1, x[1]) * 100:.0f}% HOT), deleted {x[3] / requests:.2f}/request")
EOF
echo "alerts: $(pg "select pg_relation_size('$schema.alerts') / 8192") pages"
[ -z "${PERF:-}" ] || perf script -i "$W/pg.perf" -F ip,sym 2>/dev/null | python3 -c '
import collections, sys
kinds = [  # (kind, functions whose presence in a stack names it), first match wins
    ("foreign key checks (RI triggers)", ("RI_FKey_check", "SPI_execute_snapshot", "AfterTriggerEndQuery")),
    ("commit: WAL flush", ("XLogFlush", "fdatasync")),
    ("commit: the rest", ("CommitTransactionCommand",)),
    ("planning", ("pg_plan_queries", "GetCachedPlan", "BuildCachedPlan", "standard_planner")),
    ("parsing", ("pg_analyze_and_rewrite", "raw_parser", "base_yyparse", "parse_analyze")),
    ("row deletes", ("heap_delete", "ExecDelete")),
    ("row updates: heap_update", ("heap_update",)),
    ("row inserts", ("heap_insert", "ExecInsert", "heap_multi_insert", "ExecInsertIndexTuples")),
    ("index look-ups and heap fetches", ("index_getnext_slot", "index_getnext_tid", "index_fetch_heap", "_bt_first")),
    ("page pruning", ("heap_page_prune_opt",)),
    ("executor, the rest (scans, constraints, tuples)", ("standard_ExecutorRun", "ExecScan", "standard_ExecutorStart", "standard_ExecutorEnd")),
    ("network", ("pq_getbyte", "pq_flush", "secure_read", "secure_write", "pq_recvbuf", "socket_flush", "internal_flush")),
    ("transaction start and end", ("StartTransactionCommand", "AbortCurrentTransaction", "finish_xact_command", "start_xact_command")),
]
shares, total = collections.Counter(), 0
for block in sys.stdin.read().split("\n\n"):
    stack = [line.split(None, 1)[-1] for line in block.strip().splitlines()]
    if not stack:
        continue
    total += 1
    shares[next((k for k, fs in kinds if any(f in s for s in stack for f in fs)), "other")] += 1
print(f"PostgreSQL backends by kind of work ({total} perf samples):")
for kind, n in shares.most_common():
    print(f"  {n / total * 100:5.1f}%  {kind}")
'
[ -z "${EVERY_SECOND:-}" ] || python3 - "$W" "$(getconf CLK_TCK)" <<'EOF'
import sys
w, hz = sys.argv[1], float(sys.argv[2])
cpu = [[float(x) for x in line.split()] for line in open(f"{w}/cpu-per-second.txt") if len(line.split()) == 4]
rows = [[float(x) for x in line.split("|")] for line in open(f"{w}/rows-per-second.txt") if "|" in line]
def nearest(t):
    return min(rows, key=lambda r: abs(r[0] - t))
seconds = []
for before, after in zip(cpu, cpu[1:]):
    r0, r1 = nearest(before[0]), nearest(after[0])
    dt, dr = after[0] - before[0], (r1[0] - r0[0]) or 1
    seconds.append(((after[1] - before[1]) / hz / dt, (after[2] - before[2]) / hz / dt,
                    (after[3] - before[3]) / hz / dt, (r1[1] - r0[1]) / dr, (r1[2] - r0[2]) / dr))
for name, chosen in (("with a wave of summaries (> 2,000 history rows/s)", [s for s in seconds if s[4] > 2000]),
                     ("with a few summaries (up to 2,000/s)", [s for s in seconds if 0 < s[4] <= 2000]),
                     ("without summaries", [s for s in seconds if s[4] == 0])):
    if chosen:
        m = [sum(s[i] for s in chosen) / len(chosen) for i in range(5)]
        print(f"{len(chosen):3d} s {name}: server {m[0]:.2f} cores, backends {m[1]:.2f}, idle {m[2]:.2f};"
              f" fold updates {m[3]:,.0f}/s, history rows {m[4]:,.0f}/s")
EOF
if [ -z "${KEEP:-}" ]; then
  kill "$pid"; wait "$pid" 2>/dev/null
  pg "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
fi
