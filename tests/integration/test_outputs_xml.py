"""XML outputs over real HTTP: /jobs.rss and /jobs.atom read by feedparser
(titles, links that answer, dates, our job: namespace, filters, 400s, 304,
gzip, escaping), /feed.xml parsed whole (one <job> per open posting, none
closed, gzip, 304, keep-alive after a streamed body) and imported by our
own scraper into a second, empty database with the same postings, and the
sitemap index, its pages and robots.txt (test.sh sets FJ_SITEMAP_URLS so
that the seeded postings fill several pages)."""

import calendar
import gzip
import http.client as httpclient
import os
import re
import subprocess
import time
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser

from fjtest import BASE, check, done, http, sql

FJ = os.environ["FJ_BIN"]
OPEN = "status = 'published' AND (expires_at IS NULL OR expires_at > now())"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PER_PAGE = int(os.environ.get("FJ_SITEMAP_URLS") or 50000)
TITLE = "<script>alert(\"x\")</script> & \"Quotes\" 'single' ]]> end"
DESC = "First paragraph with ]]> and <b>tags</b>.\n\nSecond & last."


def epoch(s):
    return calendar.timegm(time.strptime(s, "%Y-%m-%dT%H:%M:%SZ"))


def problem(r, status):
    return (r.status == status and
            r.headers.get("content-type") == "application/problem+json")


# A recruiter's posting (codes chosen, no raw label) whose text needs
# escaping everywhere, in Milan, with a salary.
ESC = sql("INSERT INTO posting (company_id, company_name, company_raw, title,"
          " title_raw, slug, contract, schedule, contract_raw, city_id,"
          " city_name, country, description, lang, status, posted_at,"
          " expires_at, source, salary_min, salary_max, salary_currency,"
          " salary_period)"
          " SELECT co.id, co.name, co.name, :'p1', :'p1', 'script-quotes',"
          " 'temporary_agency', 'part_time', '', c.id, c.name, c.country,"
          " :'p2', 'en', 'published', now(), now() + interval '30 days',"
          " 'recruiter', 30000, 40000, 'EUR', 'year'"
          " FROM company co, city c WHERE co.id = (SELECT min(id) FROM"
          " company) AND c.id = fj_city_id('milan') RETURNING id",
          TITLE, DESC)[0][0]
# A published posting past its expiry date: not open, whatever its status.
EXPIRED, EXPIRES = sql("UPDATE posting p SET expires_at = now() - interval"
                       " '1 minute' FROM posting o WHERE o.id = p.id AND"
                       " p.id = (SELECT id FROM posting WHERE " + OPEN +
                       " AND id <> :'p1' ORDER BY id DESC LIMIT 1)"
                       " RETURNING p.id, coalesce(o.expires_at::text, '')",
                       ESC)[0]


def want_items(where="", limit=100):
    """(title as the feeds write it, url, posted, company, city, contract,
    schedule, raw label, valid through, id) of the newest open postings."""
    return sql("SELECT p.title || ' — ' || p.company_name || CASE WHEN"
               " p.city_name <> '' THEN ', ' || p.city_name ELSE '' END,"
               " :'p1' || '/jobs/' || p.id || '-' || p.slug,"
               " fj_rfc3339(p.posted_at), p.company_name, p.city_name,"
               " p.contract, p.schedule, p.contract_raw,"
               " coalesce(fj_rfc3339(p.expires_at), ''), p.id"
               " FROM posting p WHERE p.status = 'published' AND"
               " (p.expires_at IS NULL OR p.expires_at > now())" + where +
               " ORDER BY p.posted_at DESC, p.id DESC LIMIT " + str(limit),
               BASE)


def entry_row(e):
    return [e.get("title"), e.get("link"), e.get("published_parsed") and
            calendar.timegm(e.published_parsed), e.get("job_company"),
            e.get("job_city", ""), e.get("job_contract"),
            e.get("job_schedule"), e.get("job_raw_contract_label", ""),
            e.get("job_valid_through", "")]


def sql_row(r):
    return [r[0], r[1], epoch(r[2]), r[3], r[4], r[5], r[6], r[7], r[8]]


# ---- RSS and Atom --------------------------------------------------------

for kind, ctype, version in (("rss", "application/rss+xml", "rss20"),
                             ("atom", "application/atom+xml", "atom10")):
    path = "/jobs.%s?limit=100" % kind
    r = http(path)
    check("/jobs.%s answers %s" % (kind, ctype), r.status == 200 and
          r.headers.get("content-type") == ctype + "; charset=utf-8",
          "%s %s" % (r.status, r.headers.get("content-type")))
    d = feedparser.parse(r.body)
    check("/jobs.%s is well formed %s for feedparser" % (kind, version),
          not d.bozo and d.version == version,
          "%s %s" % (d.get("bozo_exception"), d.version))
    want = want_items()
    got = [entry_row(e) for e in d.entries]
    check("/jobs.%s: titles, links, dates and job: fields of the 100 newest"
          " open postings, newest first" % kind,
          got == [sql_row(w) for w in want],
          "first difference: %r" % (next(((g, sql_row(w)) for g, w in
                                          zip(got, want) if g != sql_row(w)),
                                         (len(got), len(want))),))
    check("/jobs.%s: the guid/id is the posting's stable address" % kind,
          [e.get("id") for e in d.entries] ==
          [BASE + "/jobs/" + w[9] for w in want])
    links = [e.link for e in d.entries[:5]]
    codes = [http(urllib.parse.urlsplit(u).path).status for u in links]
    check("/jobs.%s: item links answer 200" % kind, codes == [200] * 5,
          str(codes))
    esc = [e for e in d.entries if e.get("job_id") == ESC]
    check("/jobs.%s: markup and quotes in a title come back as text" % kind,
          len(esc) == 1 and esc[0].title.startswith(TITLE + " — "),
          esc[0].title if esc else "missing")
    check("/jobs.%s: no markup of a posting reaches the document" % kind,
          b"<script>" not in r.body and b"<b>tags" not in r.body)
    check("/jobs.%s: salary and apply fields in the namespace" % kind,
          esc and esc[0].get("job_salary_min") == "30000" and
          esc[0].get("job_salary_currency") == "EUR" and
          esc[0].get("job_remote") == "onsite")
    check("/jobs.%s: an expired posting is absent" % kind,
          EXPIRED not in [e.get("job_id") for e in d.entries])
    ns = re.search(rb'xmlns:job="([^"]+)"', r.body)
    check("/jobs.%s declares the job namespace under our base URL" % kind,
          ns and ns.group(1).decode() == BASE + "/ns/job/1.0")

    # Filters, as on the search page.
    d = feedparser.parse(http("/jobs.%s?city=milan&limit=100" % kind).body)
    want = want_items(" AND p.city_id = fj_city_id('milan')")
    check("/jobs.%s?city=milan gives the Milan postings only" % kind,
          len(d.entries) == len(want) > 0 and
          all(e.get("job_city") == "Milano" for e in d.entries) and
          [e.get("job_id") for e in d.entries] == [w[9] for w in want],
          "%d vs %d" % (len(d.entries), len(want)))
    d = feedparser.parse(http("/jobs.%s?contract=internship&lang=it&limit=7"
                              % kind).body)
    want = want_items(" AND p.contract = 'internship' AND p.lang = 'it'", 7)
    check("/jobs.%s: contract, lang and limit filters" % kind,
          [e.get("job_id") for e in d.entries] == [w[9] for w in want] and
          all(e.get("job_contract") == "internship" for e in d.entries))
    d = feedparser.parse(http("/jobs.%s?q=%s" % (kind, urllib.parse.quote(
        "quotes single"))).body)
    check("/jobs.%s?q= finds by words" % kind,
          ESC in [e.get("job_id") for e in d.entries] and
          all(re.search("quotes.*single", e.title, re.I)
              for e in d.entries))
    for bad in ("contract=bogus", "lang=xx", "limit=0", "limit=101",
                "limit=abc", "cursor=nope", "q=" + "x" * 201):
        r = http("/jobs.%s?%s" % (kind, bad))
        check("/jobs.%s?%s is a 400 problem, as /feed.json" % (kind,
              bad[:20]), problem(r, 400), str(r.status))

    # Validators and compression.
    r = http(path)
    etag = r.headers.get("etag")
    r2 = http(path, headers={"If-None-Match": etag or "none"})
    check("/jobs.%s answers 304 to its ETag" % kind,
          etag and r2.status == 304 and not r2.body, str(r2.status))
    rz = http(path, headers={"Accept-Encoding": "gzip"})
    check("/jobs.%s is gzipped when asked, same bytes" % kind,
          rz.headers.get("content-encoding") == "gzip" and
          gzip.decompress(rz.body) == r.body)

r = http("/ns/job/1.0")
check("the namespace address leads to its documentation",
      r.status == 302 and "README.md#" in r.headers.get("location", ""))

# ---- /feed.xml -----------------------------------------------------------

CLOSED = sql("UPDATE posting SET status = 'closed', closed_at = now()"
             " WHERE id = (SELECT id FROM posting WHERE " + OPEN +
             " AND id NOT IN (:'p1') ORDER BY id LIMIT 1) RETURNING id",
             ESC)[0][0]
r = http("/feed.xml")
check("/feed.xml answers application/xml, chunked, no length",
      r.status == 200 and
      r.headers.get("content-type") == "application/xml; charset=utf-8" and
      r.headers.get("transfer-encoding") == "chunked" and
      r.headers.get("content-length") is None,
      "%s %s" % (r.status, dict(r.headers)))
try:
    root = ET.fromstring(r.body)
except ET.ParseError as e:
    root = None
    check("/feed.xml is well formed", False, str(e))
else:
    check("/feed.xml is well formed", True)
jobs = root.findall("job") if root is not None else []
open_ids = [x[0] for x in sql("SELECT id FROM posting WHERE " + OPEN +
                              " ORDER BY id")]
got_ids = [j.findtext("referencenumber") for j in jobs]
check("/feed.xml is <source> with publisher, url and build date",
      root is not None and root.tag == "source" and
      root.findtext("publisher") == "fashionjobs" and
      root.findtext("publisherurl") == BASE and
      re.match(r"\w{3}, \d\d \w{3} \d{4} ", root.findtext("lastBuildDate")
               or ""))
check("/feed.xml has one <job> per open posting, in id order",
      got_ids == open_ids, "%d jobs, %d open" % (len(got_ids), len(open_ids)))
check("/feed.xml leaves out closed and expired postings",
      CLOSED not in got_ids and EXPIRED not in got_ids)
TAGS = ["title", "date", "referencenumber", "url", "company", "city",
        "state", "country", "postalcode", "description", "salary",
        "education", "jobtype", "category", "experience", "expirationdate"]
check("/feed.xml: every <job> has the Indeed tags, in order",
      jobs and all([c.tag for c in j][:len(TAGS)] == TAGS for j in jobs))
esc = [j for j in jobs if j.findtext("referencenumber") == ESC]
check("/feed.xml: markup, quotes and \"]]>\" survive as text",
      len(esc) == 1 and esc[0].findtext("title") == TITLE and
      esc[0].findtext("description") == DESC and
      esc[0].findtext("salary") == "30000-40000 EUR per year")
check("/feed.xml: the raw CDATA sections are split around \"]]>\"",
      b"]]]]><![CDATA[>" in r.body)
plain = re.sub(rb"<lastBuildDate>[^<]*</lastBuildDate>", b"", r.body)
etag = r.headers.get("etag")
rz = http("/feed.xml", headers={"Accept-Encoding": "gzip"})
check("/feed.xml is gzipped when asked (one stream), same document",
      rz.headers.get("content-encoding") == "gzip" and
      re.sub(rb"<lastBuildDate>[^<]*</lastBuildDate>", b"",
             gzip.decompress(rz.body)) == plain)
memo = sql("SELECT count(*), count(*) FILTER (WHERE label IS DISTINCT FROM"
           " fj_jobtype(contract_raw, contract, schedule)) FROM jobtype_memo")
check("/feed.xml remembers its jobtypes (the second download read them)",
      int(memo[0][0]) > 0 and memo[0][1] == "0", memo)
r2 = http("/feed.xml", headers={"If-None-Match": etag or "none"})
check("/feed.xml answers 304 to its ETag", etag and r2.status == 304)
r = http("/feed.xml", method="HEAD")
check("HEAD /feed.xml gives the headers only", r.status == 200 and
      not r.body and r.headers.get("etag") == etag)

# Keep-alive: after a streamed body the connection serves the next request.
c = httpclient.HTTPConnection(urllib.parse.urlsplit(BASE).netloc,
                               timeout=60)
c.request("GET", "/feed.xml")
a = c.getresponse().read()
c.request("GET", "/static/ping")
b = c.getresponse()
check("the connection serves another request after /feed.xml",
      len(a) > 1000 and b.status == 200 and b.read() == b"pong\n")
c.close()

sql("UPDATE posting SET status = 'published', closed_at = NULL"
    " WHERE id = :'p1'", CLOSED)
r2 = http("/feed.xml", headers={"If-None-Match": etag or "none"})
check("/feed.xml's ETag changes when a posting opens or closes",
      r2.status == 200 and r2.headers.get("etag") != etag)

# ---- Round trip: /feed.xml into an empty database by our scraper ---------

url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
rt = "fj_roundtrip_%d" % os.getpid()
RT_URL = urllib.parse.urlunsplit(url._replace(path="/" + rt))
sql('DROP DATABASE IF EXISTS "%s"' % rt)
sql('CREATE DATABASE "%s"' % rt)
env = dict(os.environ, DATABASE_URL=RT_URL)


def fj(*args):
    return subprocess.run([FJ] + list(args), env=env, capture_output=True,
                          text=True)


p1 = fj("migrate")
p2 = fj("partner", "add", "--name", "ourselves", "--url", BASE + "/feed.xml",
        "--format", "indeed")
p3 = fj("scrape", "--once", "--partner", "ourselves")
check("the scraper imports our /feed.xml into an empty database",
      p1.returncode == 0 and p2.returncode == 0 and p3.returncode == 0 and
      " 0 rejected" in p3.stdout + p3.stderr,
      (p1.stderr + p2.stderr + p3.stdout + p3.stderr)[-500:])
COLS = ("company_name, title, contract, schedule, city_name, country, lang,"
        " fj_rfc3339_exact(posted_at), coalesce(fj_rfc3339_exact(expires_at),"
        " '')")
ours = sql("SELECT id, " + COLS + " FROM posting WHERE " + OPEN +
           " ORDER BY id")
os.environ["DATABASE_URL"], saved = RT_URL, os.environ["DATABASE_URL"]
theirs = sql("SELECT external_id, " + COLS + " FROM posting WHERE " + OPEN +
             " ORDER BY external_id::bigint")
os.environ["DATABASE_URL"] = saved
diff = [(a, b) for a, b in zip(ours, theirs) if a != b]
check("round trip: every open posting comes back with the same company,"
      " title, contract, schedule, city, country, language and dates",
      len(ours) == len(theirs) > 1000 and not diff,
      "%d vs %d postings; first differences: %s" % (len(ours), len(theirs),
                                                   diff[:3]))
check("round trip: a recruiter's posting without a label keeps its"
      " contract and schedule through the label we write",
      [t for t in theirs if t[0] == ESC][:1] ==
      [o for o in ours if o[0] == ESC][:1] and
      [o for o in ours if o[0] == ESC][0][3:5] == ["temporary_agency",
                                                   "part_time"])
sql('DROP DATABASE IF EXISTS "%s"' % rt)

# ---- Sitemap and robots.txt ----------------------------------------------


def sitemap_urls():
    """{posting url: lastmod} over every page, the listing URLs, and the
    largest page's size; None when something does not parse."""
    r = http("/sitemap.xml")
    idx = ET.fromstring(r.body)
    locs = [s.findtext(SM + "loc") for s in idx.findall(SM + "sitemap")]
    postings, listings, largest = {}, {}, 0
    for loc in locs:
        page = http(urllib.parse.urlsplit(loc).path)
        if page.status != 200:
            return None
        us = ET.fromstring(page.body)
        urls = us.findall(SM + "url")
        largest = max(largest, len(urls))
        for u in urls:
            l, m = u.findtext(SM + "loc"), u.findtext(SM + "lastmod")
            (postings if "/jobs/" in l else listings)[l] = m
    return r, locs, postings, listings, largest


r = http("/sitemap.xml")
check("/sitemap.xml answers application/xml", r.status == 200 and
      r.headers.get("content-type") == "application/xml; charset=utf-8")
res = sitemap_urls()
check("the sitemap index and every page parse", res is not None)
_, locs, postings, listings, largest = res or (None, [], {}, {}, 0)
want = {BASE + "/jobs/" + i + "-" + s: m for i, s, m in sql(
    "SELECT id, slug, fj_rfc3339(updated_at) FROM posting WHERE " + OPEN)}
check("the index lists the listing page and ceil(n / %d) posting pages"
      % PER_PAGE, locs == [BASE + "/sitemap-%d.xml" % i for i in
                           range(0, (len(want) + PER_PAGE - 1) // PER_PAGE +
                                 1)], str(locs))
check("no sitemap page holds more than 50 000 URLs (nor FJ_SITEMAP_URLS)",
      0 < largest <= min(PER_PAGE, 50000), str(largest))
check("every open posting is in the sitemap with its lastmod, and nothing"
      " else", postings == want,
      "%d listed, %d open" % (len(postings), len(want)))
check("the listing page has the home page, search, cities and companies",
      BASE + "/" in listings and BASE + "/jobs" in listings and
      any("/cities/" in u for u in listings) and
      any("/companies/" in u for u in listings))
sample = [u for u in listings if "/cities/" in u][:2] + \
    [u for u in listings if "/companies/" in u][:2]
check("listing URLs answer 200",
      [http(urllib.parse.urlsplit(u).path).status for u in sample] ==
      [200] * len(sample))
gone = sorted(postings)[len(postings) // 2]
gid = re.search(r"/jobs/(\d+)-", gone).group(1)
sql("UPDATE posting SET status = 'closed', closed_at = now()"
    " WHERE id = :'p1'", gid)
res = sitemap_urls()
check("a posting closed during the test is gone from the sitemap",
      res is not None and gone not in res[2] and
      len(res[2]) == len(postings) - 1)
r = http("/sitemap-%d.xml" % (len(locs) + 5))
check("a sitemap page past the end is 404", r.status == 404)
r = http("/sitemap.xml")
r2 = http("/sitemap.xml", headers={"If-None-Match": r.headers.get("etag")})
check("/sitemap.xml answers 304 to its ETag", r2.status == 304)

r = http("/robots.txt")
check("robots.txt names the sitemap with an absolute URL",
      r.status == 200 and ("Sitemap: %s/sitemap.xml" % BASE) in
      r.text.splitlines())
check("robots.txt keeps crawlers out of accounts, admin and the API",
      all(("Disallow: " + p) in r.text.splitlines() for p in
          ("/recruiter", "/admin", "/api/")) and
      "Disallow: /\n" not in r.text)

# Leave the database as the other tests expect it.
sql("UPDATE posting SET status = 'removed', closed_at = now()"
    " WHERE id = :'p1'", ESC)
sql("UPDATE posting SET status = 'published', closed_at = NULL"
    " WHERE id = :'p1'", gid)
sql("UPDATE posting SET expires_at = nullif(:'p2', '')::timestamptz"
    " WHERE id = :'p1'", EXPIRED, EXPIRES)
done()
