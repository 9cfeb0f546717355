#!/usr/bin/env python3
"""No lost writes: 500 concurrent posting submissions, then 1 000 with
PostgreSQL restarted in the middle.  Every submission answered with success
is saved exactly once; every other answer is an error page that keeps the
values typed; re-sending the same form creates no duplicate.
usage: test_submissions.py PGDIR PGPORT (run by src/tools/test.sh)."""
import os, re, subprocess, sys, threading, time, urllib.error
import urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, NoRedirect, check, done, sql  # noqa: E402

pgdir, pgport = sys.argv[1], sys.argv[2]
PGBIN = os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin")
FJ = os.environ.get("FJ_BIN", "bin/fashionjobs")
RUN = "%d" % os.getpid()
PASSWORD = "velvet runway 2031"
EMAIL = "flood-%s@example.com" % RUN


class Browser:
    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.jar))

    def req(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data else None
        h = {"content-type": "application/x-www-form-urlencoded"} \
            if body else {}
        r = urllib.request.Request(BASE + path, data=body, headers=h,
                                   method="POST" if body else "GET")
        try:
            with self.opener.open(r, timeout=60) as f:
                return f.status, f.headers.get("location") or "", \
                    f.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("location") or "", \
                e.read().decode("utf-8", "replace")
        except Exception as e:
            return type(e).__name__, "", ""


def field(html, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, html)
    return m.group(1) if m else None


def as_pg(*cmd):
    if os.getuid() == 0:
        cmd = ("runuser", "-u", "postgres", "--") + cmd
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# A trusted recruiter with a company profile.
subprocess.run([FJ, "admin", "create", EMAIL], input=PASSWORD + "\n",
               capture_output=True, text=True, check=True)
sql("DELETE FROM login_attempt")
sql("UPDATE account SET role = 'recruiter', trusted = true"
    " WHERE email = :'p1'", EMAIL)
b = Browser()
# The database was restarted by the tests before: each pooled connection
# left idle then fails one request (503) before it is replaced.
for _ in range(50):
    if b.req("/healthz")[0] == 200 and b.req("/")[0] == 200:
        break
    time.sleep(0.1)
st, _, html = b.req("/recruiter/login")
steps = [b.req("/recruiter/login", {"csrf": field(html, "csrf"), "email": EMAIL,
                           "password": PASSWORD})[:2]]
st, _, html = b.req("/recruiter/company")
steps.append(b.req("/recruiter/company", {"csrf": field(html, "csrf"),
                             "name": "Maison Flood " + RUN,
                             "website": "https://example.com/",
                             "description": "Ateliers."})[:2])
st, loc, html = b.req("/recruiter/jobs/new")
csrf = field(html, "csrf")
check("the flood recruiter can open the job form", st == 200 and csrf,
      "%s %s after %s" % (st, loc, steps))


def form(i, tag):
    _, _, h = b.req("/recruiter/jobs/new")
    return {"csrf": csrf, "form_token": field(h, "form_token"),
            "action": "publish", "title": "Flood %s %s %d" % (tag, RUN, i),
            "contract": "permanent", "schedule": "full_time",
            "remote": "onsite", "city": "Milano", "country": "", "lang": "en",
            "description": "We are hiring.\n\n- Dress the windows\n",
            "apply_url": "https://careers.example.com/f-%s-%d" % (RUN, i),
            "apply_email": "", "salary_min": "", "salary_max": "",
            "salary_currency": "EUR", "salary_period": "year",
            "expires": ""}


def submit(d):
    st, loc, html = b.req("/recruiter/jobs/new", d)
    return d, st, loc, html


def wave(n, tag, restart_at=None):
    forms = [form(i, tag) for i in range(n)]
    restarted = threading.Event()
    stopped = []

    def restart():
        time.sleep(restart_at)
        stopped.append(time.time())
        as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-m", "fast", "-w",
              "stop")
        time.sleep(1)
        as_pg(PGBIN + "/pg_ctl", "-D", pgdir + "/data", "-l",
              pgdir + "/server.log", "-w", "-t", "60", "-o",
              "-p %s -k %s -c listen_addresses=127.0.0.1 "
              "-c max_connections=200" % (pgport, pgdir), "start")
        restarted.set()
    t = None
    if restart_at is not None:
        t = threading.Thread(target=restart)
        t.start()
    with ThreadPoolExecutor(32) as ex:
        res = list(ex.map(submit, forms))
    ended = time.time()
    if t:
        t.join()
    ok = [r for r in res if r[1] == 303 and "/recruiter?done=" in r[2]]
    other = [r for r in res if r not in ok]
    counts = dict(sql("SELECT title, count(*) FROM posting WHERE title"
                      " LIKE 'Flood %s %s %%' GROUP BY title" % (tag, RUN)))
    lost = [r[0]["title"] for r in ok if counts.get(r[0]["title"]) != "1"]
    check("%s: every one of %d submissions answered success is saved once "
          "(%d answered success)" % (tag, n, len(ok)), not lost and ok,
          str(lost[:5]))
    kept = [r for r in other if r[1] in (400, 503) and
            ('value="%s"' % r[0]["title"]) in r[3]]
    check("%s: every other answer (%d) is an error page keeping the values"
          % (tag, len(other)), len(kept) == len(other),
          str([(r[1], r[3][:80]) for r in other if r not in kept][:3]))
    if restart_at is not None:
        check("%s: the database was stopped during the wave" % tag,
              restarted.is_set() and stopped[0] < ended)
    # Re-sending every form: no duplicate.
    with ThreadPoolExecutor(32) as ex:
        list(ex.map(submit, [r[0] for r in ok]))
    dup = sql("SELECT count(*) FROM (SELECT title FROM posting WHERE title"
              " LIKE 'Flood %s %s %%' GROUP BY title HAVING count(*) > 1) d"
              % (tag, RUN))[0][0]
    check("%s: re-sending the same forms creates no duplicate" % tag,
          dup == "0", dup)


wave(500, "A")
wave(1000, "B", restart_at=0.5)
# The test's postings leave the board as they came.
sql("UPDATE posting SET status = 'closed' WHERE title LIKE 'Flood %% %s %%'"
    % RUN)
done()
