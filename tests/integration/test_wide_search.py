"""Words that match more postings than a search counts one by one: its own
server (FJ_SEARCH_CAP=200, FJ_SEARCH_WIDE=1000, so a small board reaches
them) on a second database of 10 000 seeded postings.  Such a search ranks
the 200 newest matches, says "About" before an estimated total and "≈"
before estimated facet counts, and /api/v1/facets says approximate; a
narrower search on the same server stays exact."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from fjtest import check, done, sql

FJ = os.environ["FJ_BIN"]
URL = os.environ["DATABASE_URL"]
WIDE_URL = URL.rsplit("/", 1)[0] + "/fj_wide_search"
PORT = int(os.environ["BASE"].rsplit(":", 1)[1]) + 7
BASE = "http://127.0.0.1:%d" % PORT
CAP = 200


def get(path, headers=None):
    req = urllib.request.Request(BASE + path, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wsql(query):
    out = subprocess.run(["psql", "-X", "-qAt", "-F", "\t", "-v",
                          "ON_ERROR_STOP=1", WIDE_URL], input=query,
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def ids(page):
    return [int(m) for m in re.findall(r'<li class="card"><a href="/jobs/'
                                       r'(\d+)-', page)]


def total(page):
    m = re.search(r'<p class="total">(About )?<span class="count">'
                  r'([0-9 ,]+)</span>', page)
    return (m.group(1) is not None, int(m.group(2).replace(" ", "").replace(",", ""))) \
        if m else (None, -1)


sql("DROP DATABASE IF EXISTS fj_wide_search")
sql("CREATE DATABASE fj_wide_search")
env = dict(os.environ, DATABASE_URL=WIDE_URL)
ok = subprocess.run([FJ, "migrate"], env=env, capture_output=True).returncode \
    == 0 and subprocess.run([FJ, "seed", "--count", "10000"], env=env,
                            capture_output=True).returncode == 0
check("a second database of 10 000 postings", ok)

work = tempfile.mkdtemp(prefix="fj-wide-")
os.chmod(work, 0o755)
subprocess.run(["sh", "-c", '. src/tools/kore.sh; kore_conf "$0" "$1" no',
                work + "/kore.conf", str(PORT)], check=True)
server = subprocess.Popen(
    ["kore", "-f", "-c", work + "/kore.conf"],
    env=dict(env, FJ_SEARCH_CAP=str(CAP), FJ_SEARCH_WIDE="1000",
             FJ_HOME_TTL="0"),
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            if get("/static/ping")[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.1)

    OPEN = ("x.status = 'published' AND (x.expires_at IS NULL OR"
            " x.expires_at > now())")
    n_team = int(wsql("SELECT count(*) FROM posting x WHERE " + OPEN +
                      " AND x.search @@ fj_tsquery('team')")[0][0])
    newest = [int(r[0]) for r in wsql(
        "SELECT id FROM posting x WHERE " + OPEN + " AND x.search @@"
        " fj_tsquery('team') ORDER BY posted_at DESC, id DESC LIMIT %d"
        % CAP)]
    best = [int(r[0]) for r in wsql(
        "SELECT id FROM posting x WHERE id = ANY('{%s}') ORDER BY"
        " ts_rank(x.search, fj_tsquery('team')) DESC, posted_at DESC,"
        " id DESC LIMIT 20" % ",".join(map(str, newest)))]
    st, page = get("/jobs?q=team")
    approx, n = total(page)
    check("q=team (%d matches) answers 200 with an estimated total" % n_team,
          st == 200 and approx is True and n_team > 1000, "%s %s" % (st, n))
    check("the estimate is near the count (%d for %d)" % (n, n_team),
          abs(n - n_team) <= 0.35 * n_team)
    check("the estimate has two significant digits",
          n < 100 or str(n).rstrip("0").__len__() <= 2, str(n))
    check("the page ranks the %d newest matches: its cards are their best"
          % CAP, ids(page) == best, "%s vs %s" % (ids(page)[:5], best[:5]))
    check("the page says the counts are estimates",
          "counts are estimates" in page)
    facets = re.findall(r'<small>(≈ )?([0-9]+)</small>', page)
    check("facet counts are marked ≈", facets != [] and
          all(f[0] == "≈ " for f in facets), str(facets[:3]))
    check("pages stop at the %d newest (page %d is the last)" %
          (CAP, CAP // 20),
          'aria-label="Page %d, the last"' % (CAP // 20) in page)
    st, last = get("/jobs?q=team&page=%d&sort=relevance" % (CAP // 20))
    check("the last page lists the last 20 of them", st == 200 and
          len(ids(last)) == 20 and set(ids(last)) <= set(newest))
    st, page = get("/jobs?q=team&sort=date")
    check("sort=date: the 20 newest matches", ids(page) == newest[:20])
    st, body = get("/api/v1/facets?q=team")
    f = json.loads(body) if st == 200 else {}
    check("/api/v1/facets?q=team is approximate with the page's total",
          f.get("approximate") is True and f.get("total") == n, body[:200])

    city = wsql("SELECT c.slug, c.id FROM posting x JOIN city c ON c.id ="
                " x.city_id WHERE " + OPEN + " AND x.search @@"
                " fj_tsquery('team') GROUP BY 1, 2 HAVING count(*)"
                " BETWEEN 30 AND 300 ORDER BY count(*) DESC LIMIT 1")[0]
    want = int(wsql("SELECT count(*) FROM posting x WHERE " + OPEN +
                    " AND x.city_id = %s AND x.search @@ fj_tsquery('team')"
                    % city[1])[0][0])
    st, page = get("/jobs?q=team&city=" + city[0])
    check("narrowed to a city (%d matches): exact again" % want,
          total(page) == (False, want) and "≈" not in page,
          str(total(page)))
    st, page = get("/jobs")
    n_open = int(wsql("SELECT count(*) FROM posting x WHERE " + OPEN)[0][0])
    check("no words: the exact total (%d)" % n_open,
          total(page) == (False, n_open), str(total(page)))
finally:
    server.terminate()
    server.wait(timeout=20)
    shutil.rmtree(work, ignore_errors=True)
    time.sleep(0.3)
    sql("DROP DATABASE IF EXISTS fj_wide_search")
done()
