# SQLite lab (issue 22): CPU per new alert of the writer's statements on the alert schema (the
# db/alerts/sqlite migrations, V16 left out so that the count triggers are there), with variants.
# It seeds 100,000 Alertmanager-shaped alerts, then times (process CPU) commits of new ones as
# the writer makes them: subject upserts, alert rows, the feed position, history rows; WAL,
# synchronous=FULL. Python's own binding is in every figure: compare variants, not absolutes.
#
#   python3 klaxon-bench/scripts/sqlite-new-alert-lab.py NAME:VARIANT,VARIANT ...
#   e.g. base: notrig:notriggers nofp:notriggers,nofp big:notriggers,bs12000,cache64
#
# Variants: see VARIANTS (schema or pragma changes), skip-subjects / skip-history (leave a
# statement out of the timed commit), sorted (rows in fingerprint order), bs12000 (commits of
# 12,000 instead of 800). Scratch files go to /tmp/i22n.
import sqlite3, os, sys, time, json, glob, re, random, shutil

MIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../klaxon-store-jdbc/src/main/resources/db/alerts/sqlite')
def ver(f): return int(re.match(r'V(\d+)__', os.path.basename(f)).group(1))
files = [f for f in sorted(glob.glob(MIG + '/V*.sql'), key=ver) if ver(f) != 16]

ATTR = '{"annotations.summary":"disk almost full on host-%d","generatorURL":"http://prometheus/graph","labels.alertname":"DiskFull","labels.instance":"host-%d","labels.job":"node","labels.severity":"warning","receivedAt":"2026-12-06T11:00:00.123456Z","receivedVia":"api","startsAt":"2026-11-23T06:00:00Z"}'
DET = 1795413600000000  # 2026-11-23T06:00Z in micros (same for all, as the AM intake dates it)

def fp(n):
    h = 0xcbf29ce484222325
    for part in ["alertname","DiskFull","instance","host-%d"%n,"job","node","severity","warning"]:
        for b in part.encode():
            h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
        h = ((h ^ 0xff) * 0x100000001b3) & 0xffffffffffffffff
    return "am:%016x" % h

def build(path, variant):
    if os.path.exists(path): os.remove(path)
    for ext in ('-wal','-shm'):
        if os.path.exists(path+ext): os.remove(path+ext)
    c = sqlite3.connect(path, isolation_level=None)
    for v in variant:
        if v.startswith('ps'):
            c.execute('pragma page_size=%d' % int(v[2:]))
    c.execute('pragma foreign_keys=on'); c.execute('pragma journal_mode=wal'); c.execute('pragma synchronous=FULL')
    for f in files:
        c.executescript(open(f).read())
    c.execute("insert into engine_partitions values (1,1)")
    for v in variant:
        if not v.startswith('ps'):
            c.executescript(VARIANTS[v])
    return c

VARIANTS = {
 'notriggers': 'drop trigger alert_counts_on_insert; drop trigger alert_counts_by_time_on_insert;',
 'expirespartial': 'drop index alerts_expires; create index alerts_expires on alerts(expires_at) where expires_at is not null;',
 'nopartidx': 'drop index alerts_partition_active;',
 'nosrctype': 'drop index alerts_source_detected; drop index alerts_type_detected;',
 'nohistidx': 'drop index alert_history_alert_version;',
 'cache64': 'pragma cache_size=-65536;',
 'nofk': 'pragma foreign_keys=off;',
 'noidx': 'drop index alerts_subject_status; drop index alerts_status_detected; drop index alerts_expires; drop index alerts_detected; drop index alerts_active_fingerprint; drop index alerts_partition_active; drop index alerts_source_detected; drop index alerts_type_detected;',
 'nofp': 'drop index alerts_active_fingerprint;',
 'nosubjidx': 'drop index alerts_subject_status;',
 'normal': 'pragma synchronous=NORMAL;',
 'bs12000': '',
 'ckpt10k': 'pragma wal_autocheckpoint=10000;',
 'ckpt40k': 'pragma wal_autocheckpoint=40000;',
 'sorted': '',
 'alt': '',
 'cache8': 'pragma cache_size=-8192;',
 'cache16': 'pragma cache_size=-16384;',
 'mmap256': 'pragma mmap_size=268435456;',
 'ckpt0': 'pragma wal_autocheckpoint=0;',
 'fpnonunique': "drop index alerts_active_fingerprint; create index alerts_active_fingerprint on alerts (fingerprint) where status in ('open','acknowledged');",
 'fpfull': "drop index alerts_active_fingerprint; create unique index alerts_active_fingerprint on alerts (fingerprint);",
}

ACOLS = "id,fingerprint,source,type,severity,status,title,message,subject_type,subject_key,subject_name,value,previous_value,threshold,change_percent,attributes,detected_at,acknowledged_at,acknowledged_by,resolved_at,resolved_by,expires_at,auto_resolved,previous_severity,suppressed_by,engine_partition"
AINS = "insert into alerts (%s) values (%s)" % (ACOLS, ','.join('?'*26))
OINS = "insert into alert_occurrences (id,occurrences,last_seen_at,version) values (?,?,?,?)"
HINS = "insert into alert_history (alert_id,version,at,actor,action,from_status,to_status,changes,note,material,feed_position) values (?,?,?,?,?,?,?,?,?,?,?)"
SUPS = ("insert into subjects (type,key,name,starts_at,attributes) values (?,?,?,?,?) on conflict (type,key) do update set name=excluded.name, starts_at=excluded.starts_at, attributes=excluded.attributes"
        " where name is not excluded.name or starts_at is not excluded.starts_at or attributes is not excluded.attributes")

class Run:
    def __init__(s, c, skip=()): s.c=c; s.conns=[c]; s.turn=0; s.next_id=1; s.skip=set(skip); s.sort=False
    def batch(s, ns, now):
        # 'alt': commits alternate between two connections, as the server's writer and committer
        # threads take theirs from the pool (each then starts with the other's changes unseen).
        c = s.conns[s.turn % len(s.conns)]; s.turn += 1
        subj = [("instance","host-%d"%n,"host-%d"%n,None,"{}") for n in ns]
        rows=[]; occ=[]; hist=[]
        for n in ns:
            i = s.next_id; s.next_id += 1
            rows.append((i,fp(n),"alertmanager","DiskFull","medium","open","disk almost full on host-%d"%n,None,"instance","host-%d"%n,"host-%d"%n,None,None,None,None,ATTR%(n,n),DET,None,None,None,None,None,0,None,None,0))
            occ.append((i,1,now,1))
            hist.append([i,1,now,"alertmanager","created",None,"open","[]",None,1,None])
        if 'subjects' in s.skip:
            c.execute("begin immediate"); c.executemany(SUPS, subj); c.execute("commit")
        if s.sort: rows.sort(key=lambda r: r[1])
        t0 = time.process_time()
        c.execute("begin immediate")
        if 'subjects' not in s.skip: c.executemany(SUPS, subj)
        if 'alerts' not in s.skip: c.executemany(AINS, rows); c.executemany(OINS, occ)
        if 'history' not in s.skip:
            c.execute("update alert_feed set last_position = last_position + ?", (len(ns),))
            last = c.execute("select last_position from alert_feed").fetchone()[0]
            p = last - len(ns) + 1
            for h in hist: h[10] = p; p += 1
            c.executemany(HINS, hist)
        c.execute("commit")
        return time.process_time() - t0

def measure(name, variant, base=100000, new=60000, bs=800, skip=()):
    os.makedirs('/tmp/i22n', exist_ok=True)
    path = '/tmp/i22n/lab-%s.db' % name
    c = build(path, variant)
    r = Run(c, skip=() ); r.sort = 'sorted' in variant
    now = DET + 10**12
    for f in range(0, base, 1000):
        r.batch(range(f, f+1000), now)
    r.skip = set(skip)
    if 'alt' in variant:
        c2 = sqlite3.connect(path, isolation_level=None)
        c2.execute('pragma foreign_keys=on'); c2.execute('pragma synchronous=FULL')
        for v in variant:
            if not v.startswith('ps') and VARIANTS[v].startswith('pragma'):
                c2.executescript(VARIANTS[v])
        r.conns = [c, c2]
    cpu = 0; k = 0; start = time.time()
    while k < new:
        ns = [1_000_000_000 + (k+i)*7919 for i in range(bs)]
        cpu += r.batch(ns, now); k += bs
    wall = time.time()-start
    print("%-28s %6.1f us CPU/new alert  (%d new beside %d, batch %d, wall %.1f s)" % (name, cpu/k*1e6, k, base, bs, wall), flush=True)
    for conn in r.conns: conn.close()
    for ext in ('','-wal','-shm'):
        try: os.remove(path+ext)
        except FileNotFoundError: pass

if __name__ == '__main__':
    for spec in sys.argv[1:]:
        name, _, rest = spec.partition(':')
        parts = [p for p in rest.split(',') if p]
        skip = [p[5:] for p in parts if p.startswith('skip-')]
        variant = [p for p in parts if not p.startswith('skip-')]
        bs = 12000 if 'bs12000' in variant else 800
        measure(name, variant, skip=skip, bs=bs, new=60000 if bs == 800 else 60000)
