"""make cluster's script (src/tools/cluster.sh) on a throwaway directory and
ports of its own: a primary, a streaming standby made with pg_basebackup
-R, two Kore instances reading public pages from the standby, two
scrapers, HAProxy in front.  Through the load balancer: a change on the
primary shows on the replica-served search once replayed, and not before;
a replica lagging past FJ_MAX_LAG is skipped; a sync API client walking
the replica while the primary takes overlapping writes ends with every
posting in its latest state; the replica stopped and started under load
costs no error answer; the API limit holds across both instances; one
Kore instance killed, HAProxy routes around it; Ctrl-C stops it all."""

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import fjtest  # noqa: E402
from fjtest import check, done  # noqa: E402

MAX_LAG = 8
LIMIT = 15


def free_run(n):
    """A first port of n free ones in a row, below the ephemeral range."""
    while True:
        p = random.randrange(21000, 31000)
        socks = []
        try:
            for i in range(n):
                s = socket.socket()
                s.bind(("127.0.0.1", p + i))
                socks.append(s)
            return p
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()


tmp = tempfile.mkdtemp(prefix="fj-cluster.")
os.chmod(tmp, 0o755)
base = free_run(6)
lb = base + 5
PRIMARY = "postgresql://postgres@127.0.0.1:%d/fashionjobs" % base
STANDBY = "postgresql://postgres@127.0.0.1:%d/fashionjobs" % (base + 1)
fjtest.BASE = "http://127.0.0.1:%d" % lb

env = dict(os.environ)
for k in ("DATABASE_URL", "FJ_READ_URL", "FJ_BASE_URL", "FJ_TRUST_PROXY"):
    env.pop(k, None)
env.update(CLUSTER_DIR=tmp, PORT=str(lb), CLUSTER_PORT=str(base),
           SEED_COUNT="300", FJ_MAX_LAG=str(MAX_LAG), FJ_HOME_TTL="1",
           FJ_API_RATE_ANON=str(LIMIT), CLUSTER_TRACING="yes")
out = open(os.path.join(tmp, "cluster.out"), "wb")
proc = subprocess.Popen(
    ["sh", "src/tools/cluster.sh"], env=env, stdout=out,
    stderr=subprocess.STDOUT, start_new_session=True,
    # Ctrl-C's SIGINT must reach the script's trap even when this test
    # was started with SIGINT ignored (a background job).
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def psql(url, query):
    r = subprocess.run(["psql", "-X", "-qAt", "-v", "ON_ERROR_STOP=1", url,
                        "-c", query], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return r.stdout.strip()


def kore_logs():
    text = ""
    for n in (1, 2):
        try:
            with open(os.path.join(tmp, "kore%d" % n, "kore.log"),
                      "rb") as f:
                text += f.read().decode("utf-8", "replace")
        except OSError:
            pass
    return text


def wait_for(cond, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.2)
    return cond()


def caught_up():
    lsn = psql(PRIMARY, "SELECT pg_current_wal_lsn()")
    return wait_for(lambda: psql(
        STANDBY, "SELECT pg_last_wal_replay_lsn() >= '%s'" % lsn) == "t", 30)


def shows(word, posting, n):
    r = fjtest.http("/jobs?q=%s&r=%s-%d" % (word, word, n))
    return r.status == 200 and ('href="/jobs/%s-' % posting) in r.text


def stats():
    """HAProxy's view: {server: (status, sessions so far)}."""
    with urllib.request.urlopen("http://127.0.0.1:%d/;csv" % (base + 4),
                                timeout=5) as r:
        rows = r.read().decode().splitlines()
    head = rows[0].lstrip("# ").split(",")
    res = {}
    for line in rows[1:]:
        f = dict(zip(head, line.split(",")))
        if f.get("pxname") == "kore" and f.get("svname", "").startswith(
                "kore"):
            res[f["svname"]] = (f["status"], int(f["stot"] or 0))
    return res


class Load:
    """Searches through the load balancer until stopped, every answer's
    status kept."""

    def __init__(self, threads=3):
        self.codes = []
        self.stop = False
        self.threads = [threading.Thread(target=self.run, args=(i,))
                        for i in range(threads)]
        for t in self.threads:
            t.start()

    def run(self, i):
        n = 0
        while not self.stop:
            n += 1
            word = random.choice(("manager", "milano", "paris", "stage",
                                  "sales", "designer"))
            try:
                r = fjtest.http("/jobs?q=%s&r=load%d-%d" % (word, i, n))
                self.codes.append(r.status)
            except OSError as e:
                self.codes.append(str(e))

    def end(self):
        self.stop = True
        for t in self.threads:
            t.join()
        return self.codes


def ready():
    with open(os.path.join(tmp, "cluster.out"), "rb") as f:
        return b"fashionjobs cluster:" in f.read()


try:
    up = wait_for(lambda: ready() or proc.poll() is not None, 150)
    up = up and proc.poll() is None
    check("make cluster's script starts a primary, a standby, two Kore "
          "instances and HAProxy", up)
    if not up:
        raise SystemExit
    check("the standby streams from the primary (pg_basebackup -R)",
          psql(STANDBY, "SELECT pg_is_in_recovery()") == "t" and
          psql(PRIMARY, "SELECT count(*) FROM pg_stat_replication "
               "WHERE state = 'streaming'") == "1")
    check("the Kore instances take the replica for public reads",
          wait_for(lambda: kore_logs().count("takes public reads") >= 4, 10))

    # ---- Reads on the replica -------------------------------------------
    pid = psql(PRIMARY, "SELECT id FROM posting WHERE status = 'published' "
               "ORDER BY id LIMIT 1")
    # A commit just now: the replica's last replayed transaction is recent.
    psql(PRIMARY, "UPDATE posting SET views = views WHERE id = %s" % pid)
    caught_up()
    psql(STANDBY, "SELECT pg_wal_replay_pause()")
    psql(PRIMARY, "UPDATE posting SET title = 'Quokkawrangler ' || title "
         "WHERE id = %s" % pid)
    check("search reads the replica: a change it has not replayed yet is "
          "not shown", not shows("quokkawrangler", pid, 0))
    psql(STANDBY, "SELECT pg_wal_replay_resume()")
    t0 = time.time()
    n = [0]

    def appeared():
        n[0] += 1
        return shows("quokkawrangler", pid, n[0])
    seen = wait_for(appeared, MAX_LAG)
    check("a posting changed on the primary shows on the replica-served "
          "search once replayed (%.1f s), within FJ_MAX_LAG"
          % (time.time() - t0), seen and "skipped" not in kore_logs())

    # ---- Lag past FJ_MAX_LAG ---------------------------------------------
    caught_up()
    psql(STANDBY, "SELECT pg_wal_replay_pause()")
    psql(PRIMARY, "UPDATE posting SET title = 'Pangolinherder ' || title "
         "WHERE id = %s" % pid)
    # Each worker (two an instance) checks on its own.
    lagging = wait_for(lambda: kore_logs().count("behind the primary") >= 4,
                       MAX_LAG + 15)
    check("a replica lagging past FJ_MAX_LAG is skipped, with a log line",
          lagging)
    check("... and the search shows the change, from the primary",
          shows("pangolinherder", pid, 1))
    before = kore_logs().count("takes public reads")
    psql(STANDBY, "SELECT pg_wal_replay_resume()")
    check("the replica takes reads again once it has caught up",
          wait_for(lambda: kore_logs().count("takes public reads") > before,
                   15))

    # ---- The sync API's cursor on the replica ----------------------------
    key = subprocess.run(["bin/fashionjobs", "apikey", "create", "mirror"],
                         env=dict(env, DATABASE_URL=PRIMARY),
                         capture_output=True, text=True).stdout.split()[-1]
    ids = psql(PRIMARY, "SELECT id FROM posting WHERE status = 'published' "
               "ORDER BY id LIMIT 30").split()
    writing = [True]

    def writer(w):
        for i in range(8):
            x = random.choice(ids)
            # Overlapping transactions of different lengths: a later one
            # often commits first.
            psql(PRIMARY, "BEGIN; UPDATE posting SET title = "
                 "'W%d-%d ' || title WHERE id = %s; SELECT pg_sleep(%.2f); "
                 "COMMIT" % (w, i, x, random.random() * 0.4))

    mirror = {}
    cursor = [None]

    def walk_once():
        """Pages until has_more is false; False on an error answer."""
        while True:
            path = "/api/v1/jobs?limit=50"
            if cursor[0]:
                path += "&cursor=" + cursor[0]
            r = fjtest.http(path, headers={"Authorization": "Bearer " + key})
            if r.status != 200:
                return False
            doc = r.json()
            for j in doc["jobs"]:
                mirror[j["id"]] = j.get("title")
            cursor[0] = doc["next_cursor"]
            if not doc["has_more"]:
                return True

    ws = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
    for t in ws:
        t.start()
    walked = True
    while any(t.is_alive() for t in ws):
        walked = walk_once() and walked
    for t in ws:
        t.join()
    caught_up()
    walked = walk_once() and walked
    want = dict((int(i), t) for i, t in (
        line.split("|", 1) for line in psql(
            PRIMARY, "SELECT id, title FROM posting WHERE status = "
            "'published'").splitlines()))
    got = dict((i, t) for i, t in mirror.items() if i in want)
    wrong = [i for i in want if got.get(i) != want[i]]
    check("a client walking the replica during overlapping writes on the "
          "primary ends with every posting in its latest state (%d postings, "
          "%d wrong)" % (len(want), len(wrong)), walked and not wrong,
          str(wrong[:5]))

    # ---- The replica stopped and started under load ----------------------
    nskipped = kore_logs().count("skipped")
    load = Load()
    time.sleep(1)
    sb = os.path.join(tmp, "standby")
    subprocess.run(["sh", "-c", '. src/tools/pg.sh && pg_stop "$1"', "sh",
                    sb], check=True)
    skipped = wait_for(lambda: kore_logs().count("skipped") > nskipped, 10)
    time.sleep(1)
    before = kore_logs().count("takes public reads")
    subprocess.run(["sh", "-c", '. src/tools/pg.sh && PG_OPTS="-c '
                    'hot_standby_feedback=on" pg_start "$1" "$2"', "sh", sb,
                    str(base + 1)], check=True)
    back = wait_for(lambda: kore_logs().count("takes public reads") > before,
                    15)
    time.sleep(1)
    codes = load.end()
    bad = [c for c in codes if c != 200]
    check("the replica stopped and started while searches run through the "
          "load balancer: no error answer (%d requests, %d not 200)"
          % (len(codes), len(bad)), codes and not bad, str(bad[:5]))
    check("... the replica was skipped meanwhile and taken back after",
          skipped and back)

    # ---- The API limit across both instances -----------------------------
    job = ids[0]
    for attempt in range(2):
        window = int(time.time()) // 60
        s0 = stats()
        got = []
        for i in range(LIMIT * 3):
            # A made-up X-Forwarded-For: HAProxy replaces it.
            r = fjtest.http("/api/v1/jobs/%s" % job, headers={
                "X-Forwarded-For": "203.0.113.%d" % random.randrange(256)})
            got.append(r.status)
        s1 = stats()
        if int(time.time()) // 60 == window:
            break
    both = all(s1[k][1] > s0[k][1] for k in ("kore1", "kore2"))
    check("the API limit holds across both instances behind the load "
          "balancer (%d of %d passed)" % (got.count(200), len(got)),
          got.count(200) == LIMIT and got[:LIMIT] == [200] * LIMIT and
          set(got[LIMIT:]) == {429} and both, str((got, s0, s1)))

    # ---- One Kore instance killed ----------------------------------------
    load = Load()
    time.sleep(1)
    with open(os.path.join(tmp, "kore1", "group")) as f:
        group = int(f.read())
    os.killpg(group, signal.SIGKILL)
    down = wait_for(lambda: stats()["kore1"][0].startswith("DOWN"), 10)
    time.sleep(1)
    codes = load.end()
    bad = [c for c in codes if c != 200]
    check("one Kore instance killed: HAProxy marks it down", down,
          str(stats()))
    check("... and routes around it: no error answer (%d requests)"
          % len(codes), codes and not bad, str(bad[:5]))

    logs = kore_logs()
    check("kore logs: no sandbox violation or worker death",
          "sandbox violation" not in logs and "died" not in logs)

    # ---- Ctrl-C ----------------------------------------------------------
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=90)
    except subprocess.TimeoutExpired:
        pass

    def listening(port):
        s = socket.socket()
        try:
            s.connect(("127.0.0.1", port))
            return True
        except OSError:
            return False
        finally:
            s.close()
    left = [p for p in range(base, base + 6) if listening(p)]
    check("Ctrl-C stops all of it (nothing listens on the cluster's ports)",
          proc.poll() is not None and not left, str(left))
finally:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    out.close()
    keep = os.environ.get("FJ_KEEP_CLUSTER")
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
done()
