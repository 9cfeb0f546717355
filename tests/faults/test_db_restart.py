#!/usr/bin/env python3
"""PostgreSQL restarted five times (fast and immediate) while 16 clients run
uncached searches: every answer is a 200 or a 503 with Retry-After, never a
500, a reset or a hang; no Kore worker dies; within 5 s of the database
accepting connections again, search, /healthz and log-in work on every
worker.  usage: test_db_restart.py PGDIR PGPORT (run by src/tools/test.sh)."""
import http.client, os, re, subprocess, sys, threading, time, urllib.parse

pgdir, pgport = sys.argv[1], sys.argv[2]
base = urllib.parse.urlparse(os.environ["BASE"])
PGBIN = os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin")
KORE_LOG = "tests/out/kore.log"
fails = 0


def check(name, ok, detail=""):
    global fails
    print(("ok - " if ok else "not ok - ") + name +
          ("" if ok else ": " + detail))
    if not ok:
        fails += 1


def as_pg(*cmd):
    if os.getuid() == 0:
        cmd = ("runuser", "-u", "postgres", "--") + cmd
    return subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode


def get(path, timeout=15):
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=timeout)
    try:
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        return r.status, r.getheader("Retry-After")
    finally:
        c.close()


stop = threading.Event()
lock = threading.Lock()
seen = {}
bad = []
words = ["manager", "sales", "stage", "milano", "paris", "retail", "store",
         "visual", "design", "luxury"]


def client(n):
    i = 0
    while not stop.is_set():
        i += 1
        # A fresh query string each time: never from the page cache.
        path = "/jobs?q=%s&page=%d&sort=%s" % (
            words[(n + i) % len(words)], 1 + (n * 7919 + i * 31) % 500,
            ("date", "relevance")[i % 2])
        try:
            st, ra = get(path)
            key = st
            if st == 503 and not ra:
                key = "503 without Retry-After"
            # 404: a page past the last (known only once the query ran).
            elif st not in (200, 404, 503):
                bad.append("%s %s" % (st, path))
        except Exception as e:  # reset, refused, timeout
            key = type(e).__name__
            bad.append("%s %s" % (key, path))
        with lock:
            seen[key] = seen.get(key, 0) + 1


def log_deaths():
    try:
        with open(KORE_LOG, errors="replace") as f:
            return [l.strip() for l in f if "exited with status" in l or
                    "Bad file descriptor" in l or "died" in l]
    except OSError:
        return []


def healthy_everywhere():
    """Enough parallel requests that each worker answers some."""
    res = []

    def one(path):
        try:
            res.append(get(path)[0])
        except Exception as e:
            res.append(type(e).__name__)
    ts = [threading.Thread(target=one, args=(p,)) for p in
          ["/healthz"] * 12 + ["/jobs?q=zz%d" % i for i in range(8)] +
          ["/recruiter/login"] * 4]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return all(r == 200 for r in res), res


deaths0 = len(log_deaths())
threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
for t in threads:
    t.start()
time.sleep(1)
worst = 0.0
for k, mode in enumerate(["fast", "immediate", "fast", "immediate", "fast"]):
    as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-m", mode, "-w", "stop")
    time.sleep(1.5)
    as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-l",
          pgdir + "/server.log", "-w", "-t", "60", "-o",
          "-p %s -k %s -c listen_addresses=127.0.0.1 -c max_connections=200"
          % (pgport, pgdir), "start")
    up = time.time()
    ok, res = False, []
    while time.time() - up < 5 and not ok:
        ok, res = healthy_everywhere()
        if not ok:
            time.sleep(0.2)
    worst = max(worst, time.time() - up)
    check("restart %d (%s): every worker answers again within 5 s" %
          (k + 1, mode), ok, str(res))
    time.sleep(1)
stop.set()
for t in threads:
    t.join()
check("under load and restarts every answer is a 200 or a 503 with "
      "Retry-After (%s)" % seen, not bad and "503 without Retry-After"
      not in seen, "; ".join(bad[:5]))
check("the load saw the outages (some 503s) and the recoveries",
      seen.get(503, 0) > 0 and seen.get(200, 0) > 0, str(seen))

# A flow (log-in: a lookup, then the password check) meets the pooled
# connections left idle across a restart: its statement is sent again on
# a new connection, so the reader gets the log-in's own answer, not a 503.
def login_form():
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=15)
    c.request("GET", "/recruiter/login")
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    cookie = "; ".join(v.split(";")[0] for k, v in r.getheaders()
                       if k.lower() == "set-cookie")
    m = re.search(r'name="csrf" value="([^"]*)"', body)
    return cookie, m.group(1) if m else ""


def login_post(cookie, csrf):
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=15)
    c.request("POST", "/recruiter/login", urllib.parse.urlencode({
        "csrf": csrf, "email": "nobody@example.com", "password": "wrong"}),
        {"Content-Type": "application/x-www-form-urlencoded",
         "Cookie": cookie})
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, body


answers = []
for k in range(3):
    cookie, csrf = login_form()
    as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-m", "fast", "-w",
          "stop")
    as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-l",
          pgdir + "/server.log", "-w", "-t", "60", "-o",
          "-p %s -k %s -c listen_addresses=127.0.0.1 -c max_connections=200"
          % (pgport, pgdir), "start")
    st, body = login_post(cookie, csrf)
    answers.append(st)
    if st == 503:
        m = re.search(r'<p[^>]*>([^<]*(?:busy|database)[^<]*)</p>', body)
        print("# 503: %s" % (m.group(1) if m else body[:200]))
check("a log-in right after a restart gets the log-in's answer, not a 503 "
      "(%s)" % answers, all(a not in (500, 502, 503) for a in answers),
      str(answers))
d = log_deaths()[deaths0:]
check("no Kore worker died during the restarts", not d, "; ".join(d[:3]))
print("# slowest recovery %.1f s" % worst)
sys.exit(0)
