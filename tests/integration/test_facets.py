"""Counts kept in facet_count (migration 0038) against counting the postings
themselves: after every kind of change (insert, status, city, contract,
delete, the clock passing expires_at, a truncate rolled back), with a
second writer that cannot fold (its change waits in facet_delta), and on
the pages that read them (/, /jobs without words, city and company pages,
the API's facets)."""

import os
import re
import subprocess
import time

from fjtest import check, done, http, sql

OPEN = "status = 'published' AND (expires_at IS NULL OR expires_at > now())"

DIFF = """
WITH kept AS (SELECT city_id, contract, company_id, lang, sum(n) AS n
    FROM fj_facet_open(NULL, NULL, NULL, NULL, true, true)
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
real AS (SELECT city_id, contract, company_id, lang, count(*) AS n
    FROM posting WHERE """ + OPEN + """ GROUP BY 1, 2, 3, 4)
SELECT count(*) FROM ((TABLE kept EXCEPT ALL TABLE real)
    UNION ALL (TABLE real EXCEPT ALL TABLE kept)) d
"""


def diff():
    return int(sql(DIFF)[0][0])


def total(page):
    m = re.search(r'<span class="count">([0-9 ,]+)</span>', page.text)
    return int(m.group(1).replace(" ", "").replace(",", "")) if m else -1


n_open = int(sql("SELECT count(*) FROM posting WHERE " + OPEN)[0][0])
check("counts kept equal the open postings counted (%d)" % n_open,
      n_open > 0 and diff() == 0, str(diff()))

# One posting of each kind of change, all in the seed's own shape.
COPY = """INSERT INTO posting (company_id, company_name, company_raw, title,
    title_raw, slug, contract, schedule, contract_raw, city_id, city_name,
    city_raw, country, description, lang, status, posted_at, expires_at,
    source)
    SELECT company_id, company_name, company_raw, 'Facet ' || title,
    title_raw, slug, contract, schedule, contract_raw, city_id, city_name,
    city_raw, country, description, lang, 'published', now(),
    now() + interval '30 days', 'seed'
    FROM posting WHERE """ + OPEN + """ ORDER BY id LIMIT 40
    RETURNING id"""
new = [int(r[0]) for r in sql(COPY)]
try:
    check("40 postings added in one statement: counts follow",
          len(new) == 40 and diff() == 0, str(diff()))
    sql("UPDATE posting SET status = 'filled' WHERE id = %d" % new[0])
    check("a posting filled: counts follow", diff() == 0, str(diff()))
    sql("UPDATE posting SET status = 'published' WHERE id = %d" % new[0])
    check("and published again: counts follow", diff() == 0, str(diff()))
    sql("UPDATE posting p SET city_id = c.id, city_name = c.name,"
        " contract = 'seasonal', lang = 'de' FROM city c WHERE c.id ="
        " (SELECT id FROM city WHERE id <> coalesce(p.city_id, 0) ORDER BY id"
        " LIMIT 1) AND p.id = ANY('{%s}')"
        % ",".join(map(str, new[1:10])))
    check("9 postings moved to another city, contract and language: counts"
          " follow", diff() == 0, str(diff()))
    sql("UPDATE posting SET city_id = NULL, city_name = '' WHERE id = %d"
        % new[10])
    check("a posting whose city becomes unknown: counts follow", diff() == 0,
          str(diff()))
    sql("DELETE FROM posting WHERE id = ANY('{%s}')"
        % ",".join(map(str, new[30:])))
    check("10 postings deleted: counts follow", diff() == 0, str(diff()))
    sql("UPDATE posting SET expires_at = now() - interval '1 second'"
        " WHERE id = ANY('{%s}')" % ",".join(map(str, new[11:14])))
    check("3 postings past expires_at, still 'published': not counted",
          diff() == 0, str(diff()))
    sql("UPDATE posting SET expires_at = now() + interval '2 seconds'"
        " WHERE id = %d" % new[14])
    time.sleep(2.2)
    check("a posting whose expires_at passes with the clock alone: not counted",
          diff() == 0, str(diff()))
    rows = sql("""BEGIN;
    TRUNCATE posting CASCADE;
    SELECT (SELECT count(*) FROM facet_count) + (SELECT count(*) FROM facet_delta);
    ROLLBACK;
    """)
    check("a truncate empties the counts (and its rollback restores them)",
          rows == [["0"]] and diff() == 0, "%s %d" % (rows, diff()))

    # A writer that does not get the lock (another transaction holds it until
    # it ends) leaves its change in facet_delta; readers still count exactly,
    # neither writer waits for the other, and the next writer folds it in.
    holder = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                               os.environ["DATABASE_URL"]],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              text=True)
    holder.stdin.write("BEGIN;\nUPDATE posting SET status = 'closed'"
                       " WHERE id = %d;\n" % new[15])
    holder.stdin.flush()
    time.sleep(1)
    t0 = time.monotonic()
    sql("UPDATE posting SET status = 'filled' WHERE id = ANY('{%s}')"
        % ",".join(map(str, new[16:20])))
    waited = time.monotonic() - t0
    pending = int(sql("SELECT count(*) FROM facet_delta")[0][0])
    check("a second writer does not wait for the first (%.2f s)" % waited,
          waited < 5)
    check("its change waits in facet_delta (%d rows)" % pending, pending > 0)
    check("counts are exact meanwhile (its change in, the open one not)",
          diff() == 0, str(diff()))
    holder.stdin.write("COMMIT;\n")
    holder.stdin.close()
    holder.wait(timeout=20)
    check("counts are exact once the first commits", diff() == 0, str(diff()))
    sql("UPDATE posting SET status = 'published' WHERE id = %d" % new[15])
    left = int(sql("SELECT count(*) FROM facet_delta")[0][0])
    check("the next writer folds the waiting change in (facet_delta empty)",
          left == 0 and diff() == 0, "%d rows, diff %d" % (left, diff()))

    # The pages read the counts.  Wait out the page cache (FJ_HOME_TTL=1).
    time.sleep(1.1)
    n_open = int(sql("SELECT count(*) FROM posting WHERE " + OPEN)[0][0])
    home = http("/")
    check("home header counts the open postings (%d)" % n_open,
          total(home) == n_open, str(total(home)))
    jobs = http("/jobs")
    check("/jobs without words shows the same total", total(jobs) == n_open,
          str(total(jobs)))
    city = sql("SELECT c.slug, c.id FROM posting p JOIN city c ON c.id ="
               " p.city_id WHERE p.status = 'published' GROUP BY 1, 2"
               " ORDER BY count(*) DESC LIMIT 1")[0]
    want = sql("SELECT contract, count(*) FROM posting WHERE city_id = %s AND "
               % city[1] + OPEN + " GROUP BY 1 ORDER BY 2 DESC, 1")
    page = http("/cities/" + city[0])
    n_city = sum(int(r[1]) for r in want)
    check("a city page: total counted (%d)" % n_city, total(page) == n_city,
          str(total(page)))
    key = subprocess.run([os.environ.get("FJ_BIN", "bin/fashionjobs"),
                          "apikey", "create", "test-facets"],
                         capture_output=True, text=True).stdout.strip()
    api = http("/api/v1/facets?city=" + city[0],
               headers={"Authorization": "Bearer " + key})
    facets = api.json().get("facets", {}) if api.status == 200 else {}
    check("API facets for the city: exact, not approximate",
          facets != {} and api.json().get("approximate") is False)
    check("API facets for the city: contract counts counted",
          [[f["value"], str(f["count"])] for f in facets.get("contract", [])]
          == want, "%s %s" % (api.status, facets.get("contract")))
    co = sql("SELECT co.slug, co.id FROM posting p JOIN company co ON co.id ="
             " p.company_id WHERE p.status = 'published' GROUP BY 1, 2"
             " ORDER BY count(*) DESC LIMIT 1")[0]
    n_co = int(sql("SELECT count(*) FROM posting WHERE company_id = %s AND "
                   % co[1] + OPEN)[0][0])
    page = http("/companies/" + co[0])
    check("a company page: total counted (%d)" % n_co, total(page) == n_co,
          str(total(page)))
    lang = http("/jobs?lang=de&contract=seasonal")
    n_l = int(sql("SELECT count(*) FROM posting WHERE lang = 'de' AND"
                  " contract = 'seasonal' AND " + OPEN)[0][0])
    check("/jobs?lang=de&contract=seasonal: total counted (%d)" % n_l,
          total(lang) == n_l, str(total(lang)))

finally:
    sql("DELETE FROM posting WHERE id = ANY('{%s}')"
        % ",".join(map(str, new)))
check("cleaned up: counts equal the postings", diff() == 0, str(diff()))
done()
