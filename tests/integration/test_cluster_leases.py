"""Two `scrape --loop` processes against one database never run the same
partner at once, and both go on after the primary restarts under them:
six partners due every second, on a throwaway PostgreSQL of this test's
own, the database stopped and started while both loops run.  Every pair
of one partner's finished runs is checked for overlap."""

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from fjtest import check, done  # noqa: E402

PARTNERS = 6


def free_port():
    while True:
        p = random.randrange(21000, 31000)
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", p))
            return p
        except OSError:
            continue
        finally:
            s.close()


tmp = tempfile.mkdtemp(prefix="fj-leases.")
os.chmod(tmp, 0o755)
port = free_port()
url = "postgresql://postgres@127.0.0.1:%d/fashionjobs" % port
env = dict(os.environ, DATABASE_URL=url, FJ_SCRAPE_POLL="1")
fj = os.environ.get("FJ_BIN", "bin/fashionjobs")


def pg(action):
    return subprocess.run(
        ["sh", "-c", '. src/tools/pg.sh && pg_%s "$1" "$2"' % action, "sh",
         os.path.join(tmp, "pg"), str(port)],
        capture_output=True, text=True).returncode == 0


def psql(query):
    return subprocess.run(["psql", "-X", "-qAt", url, "-c", query],
                          capture_output=True, text=True).stdout.strip()


def wait_for(cond, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.2)
    return cond()


def text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


loops = []
try:
    ok = pg("start") and subprocess.run(
        [fj, "migrate"], env=env, capture_output=True).returncode == 0
    check("a throwaway database for two scrapers", ok)
    if not ok:
        raise SystemExit
    subprocess.run(["cc", "-O2", "-o", os.path.join(tmp, "genfeed"),
                    "src/tools/genfeed.c"], check=True)
    for i in range(PARTNERS):
        feed = os.path.join(tmp, "feed%d.xml" % i)
        with open(feed, "wb") as f:
            subprocess.run([os.path.join(tmp, "genfeed"), "300"], stdout=f,
                           check=True)
        subprocess.run([fj, "partner", "add", "--name", "lease%d" % i,
                        "--url", "file://" + feed, "--format", "indeed",
                        "--every", "1 second"], env=env, check=True,
                       capture_output=True)
    logs = [os.path.join(tmp, "scraper%d.log" % n) for n in (1, 2)]
    for log in logs:
        out = open(log, "wb")
        loops.append(subprocess.Popen([fj, "scrape", "--loop"], env=env,
                                      stdout=out, stderr=subprocess.STDOUT))
        out.close()

    def runs():
        return int(psql("SELECT count(*) FROM partner_run WHERE ok") or 0)
    check("both loops import partners",
          wait_for(lambda: all("partner lease" in text(l) for l in logs),
                   60))
    before = runs()
    pg("stop")
    time.sleep(2)
    pg("start")
    back = wait_for(lambda: all("database back" in text(l) for l in logs),
                    40)
    check("both loops reconnect once the primary is back", back)
    after = runs()
    check("... and import again after the restart",
          wait_for(lambda: runs() >= after + PARTNERS, 60),
          "%d runs before the restart, %d after it" % (before, runs()))
    for p in loops:
        p.send_signal(signal.SIGTERM)
    for p in loops:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    # The runs a scraper recorded itself; a takeover's "interrupted" row
    # spans from the lease's start to the takeover, and a lease whose
    # release was lost to the restart (its run done and recorded) gets
    # one too: it says nothing of two scrapers at once.
    overlaps = psql(
        "SELECT coalesce(string_agg(partner_id || ': ' || prev_start || '-'"
        " || prev || ' and ' || started_at || '-' || finished_at, '; '),"
        " '') FROM (SELECT partner_id, started_at, finished_at,"
        " lag(started_at) OVER w AS prev_start, lag(finished_at) OVER w"
        " AS prev FROM partner_run WHERE finished_at IS NOT NULL AND"
        " coalesce(error, '') NOT LIKE 'interrupted:%' WINDOW w AS"
        " (PARTITION BY partner_id ORDER BY started_at)) r"
        " WHERE prev > started_at")
    total = psql("SELECT count(*) FROM partner_run WHERE coalesce(error, '')"
                 " NOT LIKE 'interrupted:%'")
    check("no partner ran in two scrapers at once (%s runs)" % total,
          overlaps == "" and int(total or 0) > PARTNERS, overlaps)
    counts = psql("SELECT string_agg(n::text, ' ') FROM (SELECT count(*)"
                  " AS n FROM posting_source GROUP BY partner_id) c")
    check("every partner's 300 items are there, once each",
          counts == " ".join(["300"] * PARTNERS), counts)
finally:
    for p in loops:
        if p.poll() is None:
            p.kill()
            p.wait()
    pg("stop")
    shutil.rmtree(tmp, ignore_errors=True)
done()
