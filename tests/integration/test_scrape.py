"""Partner feeds end to end: the real CLI (partner, scrape) against the real
database, feeds from files and from a local HTTP server.  Checks upserts,
snapshots (close after two complete runs, never on a failed or partial
one), moderator removals, cross-partner merging, fetch failures, size cap,
concurrent scrapers, and hostile XML."""

import gzip
import os
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
from http.server import (BaseHTTPRequestHandler, SimpleHTTPRequestHandler,
                         ThreadingHTTPServer)

from fjtest import check, done, http, sql

FJ = os.environ.get("FJ_BIN", "bin/fashionjobs")
TMP = tempfile.mkdtemp(prefix="fj-scrape-")
RUN = str(int(time.time() * 1000) % 10**9)


def fj(*args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([FJ] + list(args), capture_output=True, text=True,
                       env=e, timeout=120)
    return p.returncode, p.stdout + p.stderr


def job(ref, title, company="Zz Scrape Maison", city="Milano",
        jobtype="Tempo Indeterminato"):
    return ("<job><title><![CDATA[%s]]></title><referencenumber>%s"
            "</referencenumber><company><![CDATA[%s]]></company><city>%s"
            "</city><country>IT</country><jobtype>%s</jobtype>"
            "<url>https://maison.example/%s</url><description><![CDATA["
            "<p>Paragraph</p>]]></description><date>2026-11-01</date>"
            "</job>" % (title, ref, company, city, jobtype, ref))


def feed(name, jobs, cut=False):
    body = "<?xml version='1.0' encoding='UTF-8'?><source>%s</source>" % \
        "".join(jobs)
    if cut:
        body = body[:len(body) - 40]
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(body)
    return "file://" + path


def status(ref, partner):
    rows = sql("SELECT p.status FROM posting p JOIN posting_source s "
               "ON s.posting_id = p.id JOIN partner pa ON pa.id = "
               "s.partner_id WHERE pa.name = '%s' AND s.external_id = '%s'"
               % (partner, ref))
    return rows[0][0] if rows else None


def last_run(partner):
    return sql("SELECT ok, items_seen, items_new, items_updated, "
               "items_unchanged, items_closed, items_rejected, "
               "coalesce(error, '') FROM partner_run r JOIN partner p "
               "ON p.id = r.partner_id WHERE p.name = '%s' "
               "ORDER BY r.id DESC LIMIT 1" % partner)[0]


P = "zz-maison-" + RUN
A = "Zzscrape Store Manager " + RUN
B = "Zzscrape Visual Merchandiser " + RUN
C = "Zzscrape Buyer " + RUN
url = feed("a.xml", [job("A", A), job("B", B), job("C", C)])
rc, out = fj("partner", "add", "--name", P, "--url", url,
             "--format", "indeed")
check("partner add", rc == 0, out)
rc, out = fj("partner", "add", "--name", P, "--url", url,
             "--format", "indeed")
check("partner add refuses a duplicate name", rc != 0)
rc, out = fj("partner", "add", "--name", "x", "--url", "ftp://x/",
             "--format", "indeed")
check("partner add refuses a non-http(s)/file URL", rc == 2, out)
rc, out = fj("partner", "list")
check("partner list shows it", P in out)

rc, out = fj("scrape", "--once", "--partner", P)
r = last_run(P)
check("first run imports 3 new", rc == 0 and r[0] == "t" and r[2] == "3",
      out + repr(r))
check("imported postings are published", status("A", P) == "published")
page = http("/jobs?q=zzscrape+store+manager+" + RUN)
check("an imported posting is found by search over HTTP",
      A in page.text, str(page.status))
row = sql("SELECT contract, city_name, title_raw FROM posting WHERE "
          "title = '%s'" % A)[0]
check("imported items go through the normalisers",
      row[0] == "permanent" and row[1] == "Milano", repr(row))

def imported(name, jobs, cols):
    """A new partner with these jobs, scraped once: its postings' cols
    (p: posting, c: its city) by external id, and what scrape printed."""
    fj("partner", "add", "--name", name, "--url", feed(name + ".xml", jobs),
       "--format", "indeed")
    rc, out = fj("scrape", "--once", "--partner", name)
    return sql("SELECT p.external_id, %s FROM posting p LEFT JOIN city c ON"
               " c.id = p.city_id JOIN partner pa ON pa.id = p.partner_id"
               " WHERE pa.name = '%s' ORDER BY 1" % (cols, name)), out


Q = "zz-qualified-" + RUN
rows, out = imported(Q, [
    job("Q1", "Zzscrape Qualified One " + RUN, city="Milano (MI)"),
    job("Q2", "Zzscrape Qualified Two " + RUN, city="Paris (75)"),
    job("Q3", "Zzscrape Qualified Three " + RUN, city="Paris, Texas")],
    "p.city_name, p.city_raw, c.known")
check("qualified city labels resolve to their city, raw label kept; "
      "Paris, Texas stays provisional", rows == [
          ["Q1", "Milano", "Milano (MI)", "t"],
          ["Q2", "Paris", "Paris (75)", "t"],
          ["Q3", "Paris, Texas", "Paris, Texas", "f"]], out + repr(rows))

# Every posting shown has a country: an item in a city we do not know
# and with no country of its own is rejected with its reason; with a
# country, it is imported with it.
N = "zz-nocountry-" + RUN
rows, out = imported(N, [
    job("N1", "Zzscrape Nowhere One " + RUN, city="Zzyzxville " + RUN)
    .replace("<country>IT</country>", ""),
    job("N2", "Zzscrape Nowhere Two " + RUN, city="Zzyzxville " + RUN)
    .replace("<country>IT</country>", "<country>PT</country>"),
    job("N3", "Zzscrape Nowhere Three " + RUN, city="Milano")
    .replace("<country>IT</country>", "")], "p.city_name, p.country")
check("an unknown city with the item's country is imported with it; a "
      "known city gives its own", rows == [
          ["N2", "Zzyzxville " + RUN, "PT"], ["N3", "Milano", "IT"]],
      out + repr(rows))
r = last_run(N)
rej = sql("SELECT r.rejects FROM partner_run r JOIN partner p ON p.id ="
          " r.partner_id WHERE p.name = '%s' ORDER BY r.id DESC LIMIT 1"
          % N)[0][0]
check("an item with an unknown city and no country is rejected, "
      "with the reason", r[0] == "t" and r[2] == "2" and r[6] == "1" and
      '"N1"' in rej and "no country" in rej and "Zzyzxville" in rej,
      repr(r) + rej)
rc, out = fj("partner", "add", "--name", N + "x", "--url", "file:///x",
             "--format", "indeed", "--country", "Italy")
check("partner add --country refuses what is not a two-letter code",
      rc == 2 and "two-letter" in out, out)


def sources(partner):
    return sql("SELECT p.id, p.change_xid, p.updated_at, s.content_hash, "
               "s.missed_runs, s.last_seen FROM posting p JOIN "
               "posting_source_seen s ON s.posting_id = p.id JOIN partner pa "
               "ON pa.id = s.partner_id WHERE pa.name = '%s' ORDER BY p.id"
               % partner)


before = sources(P)
rc, out = fj("scrape", "--once", "--partner", P)
r = last_run(P)
check("an unchanged re-run changes nothing", r[4] == "3" and r[2] == "0" and
      r[3] == "0", repr(r))
after = sources(P)
check("an unchanged re-run writes no posting (same change_xid, updated_at)",
      len(after) == 3 and [x[:3] for x in before] == [x[:3] for x in after],
      repr(before) + repr(after))
seen = sql("SELECT count(*) FROM posting_source_seen s JOIN partner pa ON "
           "pa.id = s.partner_id WHERE pa.name = '%s' AND s.last_seen > '%s'"
           % (P, max(x[5] for x in before)))[0][0]
check("an unchanged re-run only marks its sources seen again",
      seen == "3" and [x[3:5] for x in before] == [x[3:5] for x in after],
      seen)
xids = sql("SELECT DISTINCT s.xmin FROM posting_source s JOIN partner pa "
           "ON pa.id = s.partner_id WHERE pa.name = '%s'" % P)
fj("scrape", "--once", "--partner", P)
check("an unchanged re-run writes no source row (last_seen is the run's, "
      "kept on the partner)", xids == sql(
          "SELECT DISTINCT s.xmin FROM posting_source s JOIN partner pa "
          "ON pa.id = s.partner_id WHERE pa.name = '%s'" % P) and
      last_run(P)[4] == "3", repr(xids))

feed("a.xml", [job("A", A), job("B", B + " Senior")])
rc, out = fj("scrape", "--once", "--partner", P)
r = last_run(P)
check("a changed item is updated, a missing one is not closed yet",
      r[3] == "1" and r[5] == "0" and status("C", P) == "published",
      repr(r))

feed("a.xml", [job("A", A), job("B", B + " Senior")], cut=True)
rc, out = fj("scrape", "--once", "--partner", P)
r = last_run(P)
check("a truncated feed fails the run", rc != 0 and r[0] == "f", repr(r))
check("a truncated feed closes nothing", status("C", P) == "published" and
      status("B", P) == "published")

os.remove(os.path.join(TMP, "a.xml"))
rc, out = fj("scrape", "--once", "--partner", P)
r = last_run(P)
check("a missing file fails the run with a reason",
      rc != 0 and r[0] == "f" and r[7] != "", repr(r))
check("a failed fetch closes nothing", status("C", P) == "published")

feed("a.xml", [job("A", A), job("B", B + " Senior")])
rc, out = fj("scrape", "--once", "--partner", P)
check("missing from two complete runs: closed", status("C", P) == "closed",
      str(status("C", P)))

sql("UPDATE posting SET status = 'removed' WHERE id = (SELECT posting_id "
    "FROM posting_source s JOIN partner p ON p.id = s.partner_id WHERE "
    "p.name = '%s' AND s.external_id = 'A')" % P)
feed("a.xml", [job("A", A + " (changed)"), job("B", B + " Senior")])
rc, out = fj("scrape", "--once", "--partner", P)
check("a removed posting is not resurrected by the feed",
      status("A", P) == "removed")

feed("a.xml", [job("A", A), job("B", B + " Senior"), job("C", C)])
rc, out = fj("scrape", "--once", "--partner", P)
check("a closed posting back in the feed opens again",
      status("C", P) == "published")

# last_seen (posting_source_seen) is when the item was last in a feed that
# was imported: the run's time for what a complete run lists, the run that
# last listed it for a missed one, and a partial run marks what it read
# without making the rest missed.  Each run's import lies between its
# partner_run's started_at and finished_at.
L = "zz-seen-" + RUN
T = ["Zzscrape Seen %s %s" % (c, RUN) for c in "ABC"]


def seen_in(partner):
    """{external id: the run (1, 2 ...) whose window holds its last_seen}"""
    rows = sql("SELECT s.external_id, (SELECT count(*) FROM partner_run r "
               "WHERE r.partner_id = s.partner_id AND r.started_at <= "
               "s.last_seen), (SELECT count(*) FROM partner_run r WHERE "
               "r.partner_id = s.partner_id AND r.finished_at < s.last_seen)"
               " FROM posting_source_seen s JOIN partner pa ON pa.id = "
               "s.partner_id WHERE pa.name = '%s'" % partner)
    return {r[0]: int(r[1]) if int(r[2]) == int(r[1]) - 1 else None
            for r in rows}


steps = (
    ("first run", ["A", "B", "C"], False, {"A": 1, "B": 1, "C": 1}),
    ("C missed", ["A", "B"], False, {"A": 2, "B": 2, "C": 1}),
    ("partial run lists A", ["A", "B"], True, {"A": 3, "B": 2, "C": 1}),
    ("all back", ["A", "B", "C"], False, {"A": 4, "B": 4, "C": 4}),
    ("A and C missed", ["B"], False, {"A": 4, "B": 5, "C": 4}),
    ("missed twice", ["B"], False, {"A": 4, "B": 6, "C": 4}),
)
lurl = feed("seen.xml", [])
fj("partner", "add", "--name", L, "--url", lurl, "--format", "indeed")
for name, ids, cut, want in steps:
    feed("seen.xml", [job(i, T["ABC".index(i)]) for i in ids], cut=cut)
    fj("scrape", "--once", "--partner", L)
    got = seen_in(L)
    check("last_seen after %s: %r" % (name, want), got == want, repr(got))
check("the partial run was partial, the last closed A and C",
      sql("SELECT count(*) FILTER (WHERE NOT ok) FROM partner_run r JOIN "
          "partner p ON p.id = r.partner_id WHERE p.name = '%s'" % L) ==
      [["1"]] and status("A", L) == "closed" and status("C", L) == "closed"
      and status("B", L) == "published")

# One run with an item unchanged, one changed, one gone, one new, and ids
# listed twice (the last copy wins, changed or not): same counts and
# postings whether the unchanged items were sent whole or only as seen.
M = "zz-mix-" + RUN
N = ["Zzscrape Mix %s %s" % (c, RUN) for c in "ABCDEF"]
murl = feed("mix.xml", [job(c, N["ABCDEF".index(c)]) for c in "ABCEF"])
fj("partner", "add", "--name", M, "--url", murl, "--format", "indeed")
rc, out = fj("scrape", "--once", "--partner", M)
check("mix: first run", last_run(M)[:7] == ["t", "5", "5", "0", "0", "0",
                                            "0"], repr(last_run(M)))
feed("mix.xml", [job("A", N[0]), job("B", N[1] + " Senior"), job("D", N[3]),
                 job("E", N[4]), job("E", N[4] + " Junior"),
                 job("F", N[5] + " Lead"), job("F", N[5])])
rc, out = fj("scrape", "--once", "--partner", M)
r = last_run(M)
check("mix: 7 seen, 1 new (D), 2 updated (B, E), 2 unchanged (A, F)",
      r[:7] == ["t", "7", "1", "2", "2", "0", "0"], out + repr(r))
titles = dict(sql("SELECT s.external_id, p.title FROM posting p JOIN "
                  "posting_source s ON s.posting_id = p.id JOIN partner pa "
                  "ON pa.id = s.partner_id WHERE pa.name = '%s'" % M))
check("mix: postings carry the last copy of each item",
      titles == {"A": N[0], "B": N[1] + " Senior", "C": N[2], "D": N[3],
                 "E": N[4] + " Junior", "F": N[5]}, repr(titles))
missed = dict(sql("SELECT s.external_id, s.missed_runs FROM posting_source "
                  "s JOIN partner pa ON pa.id = s.partner_id WHERE "
                  "pa.name = '%s'" % M))
check("mix: only the item gone is missed",
      missed == {"A": "0", "B": "0", "C": "1", "D": "0", "E": "0", "F": "0"},
      repr(missed))
rc, out = fj("scrape", "--once", "--partner", M)
check("mix, again: 7 seen, 5 unchanged, C closed", last_run(M)[:7] ==
      ["t", "7", "0", "0", "5", "1", "0"], repr(last_run(M)))
# Unchanged items are known by the digest of the item as read; with none
# stored (the first run since they are kept), they are read whole, found
# unchanged by their content, and their digests kept for the next run.
sql("UPDATE posting_source s SET raw_hash = NULL FROM partner pa WHERE "
    "pa.id = s.partner_id AND pa.name = '%s' AND s.external_id IN "
    "('A', 'B')" % M)
rc, out = fj("scrape", "--once", "--partner", M)
kept = sql("SELECT count(*) FROM posting_source s JOIN partner pa ON "
           "pa.id = s.partner_id WHERE pa.name = '%s' AND s.missed_runs = 0 "
           "AND s.raw_hash IS NOT NULL" % M)
check("mix, digests lost: all unchanged, digests kept again",
      last_run(M)[:7] == ["t", "7", "0", "0", "5", "0", "0"] and
      kept == [["5"]], repr(last_run(M)) + repr(kept))

# Search finds a new item by its accent-free words as soon as the run
# is over, and the typo list knows its words (added by the import).
S = "zz-accent-" + RUN
W = "Zzcréatrice" + RUN
url4 = feed("d.xml", [job("D1", "Maroquinière " + W,
                          company="Zz Atelier Hermès " + RUN)])
fj("partner", "add", "--name", S, "--url", url4, "--format", "indeed")
rc, out = fj("scrape", "--once", "--partner", S)
check("an accented item is imported", rc == 0 and last_run(S)[2] == "1", out)
page = http("/jobs?q=zzcreatrice%s+maroquiniere+hermes" % RUN)
check("search finds it by accent-free words right after the import",
      W in page.text, str(page.status))
n = sql("SELECT ndoc FROM search_word WHERE word = 'zzcreatrice%s'" % RUN)
check("the import added its words to the typo list", n == [["1"]], repr(n))

# The same job from a second partner is one posting with two sources.
Q = "zz-other-" + RUN
url2 = feed("b.xml", [job("X9", B + " Senior", company="ZZ SCRAPE MAISON "
                          "S.P.A.", city="MILAN")])
fj("partner", "add", "--name", Q, "--url", url2, "--format", "indeed")
rc, out = fj("scrape", "--once", "--partner", Q)
n = sql("SELECT count(*) FROM posting WHERE fj_key(title) = fj_key('%s')"
        % (B + " Senior"))[0][0]
srcs = sql("SELECT count(*) FROM posting_source s JOIN posting p ON "
           "p.id = s.posting_id WHERE fj_key(p.title) = fj_key('%s')"
           % (B + " Senior"))[0][0]
check("the same job from two partners is one posting", n == "1", n)
check("that posting lists both sources", srcs == "2", srcs)

# Rejected items are recorded with their reason.
R = "zz-reject-" + RUN
url3 = feed("c.xml", [job("R1", ""), job("R2", "Zzscrape ok " + RUN),
                      job("R3", "Zzscrape nocompany", company="")])
fj("partner", "add", "--name", R, "--url", url3, "--format", "indeed")
fj("scrape", "--once", "--partner", R)
r = last_run(R)
runs = fj("partner", "runs", R)[1]
check("items without title or company are rejected, the rest imported",
      r[6] == "2" and r[2] == "1", repr(r))
check("partner runs shows the reasons", "no title" in runs and
      "no company" in runs, runs)
R2 = "zz-noapply-" + RUN
url5 = feed("noapply.xml", [job("W1", "Zzscrape noapply " + RUN)
                            .replace("<url>https://maison.example/W1</url>",
                                     "<url>javascript:alert(1)</url>")])
fj("partner", "add", "--name", R2, "--url", url5, "--format", "indeed")
fj("scrape", "--once", "--partner", R2)
check("an item with no way to apply (no link we keep, no e-mail) is "
      "rejected, with the reason", last_run(R2)[6] == "1" and
      "no way to apply" in fj("partner", "runs", R2)[1],
      repr(last_run(R2)))

# A plain HTML listing laid out like the seed listing, with the shipped map:
# an Italian board's, whose one card without a city is in Italy.  Served
# over HTTP, as a partner's is: its relative links are the apply links.
class Fixtures(SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=os.path.abspath("tests/fixtures/feeds"),
                         **k)

    def do_GET(self):
        # Sent whole every time: the second run must read the listing
        # again to show that its items keep their ids.
        del self.headers["If-Modified-Since"]
        del self.headers["If-None-Match"]
        super().do_GET()

    def log_message(self, *a):
        pass


fixtures = ThreadingHTTPServer(("127.0.0.1", 0), Fixtures)
threading.Thread(target=fixtures.serve_forever, daemon=True).start()
H = "zz-html-" + RUN
fj("partner", "add", "--name", H, "--url", "http://127.0.0.1:%d/seedlisting"
   ".html" % fixtures.server_address[1], "--format", "html", "--map",
   "conf/maps/seedlisting.map", "--country", "it")
rc, out = fj("scrape", "--once", "--partner", H)
r = last_run(H)
check("an HTML listing with an XPath map imports the 22 seed postings",
      rc == 0 and r[1] == "22" and r[6] == "0", out + repr(r))
rc, out = fj("scrape", "--once", "--partner", H)
check("a listing without ids is stable across runs (all unchanged)",
      last_run(H)[4] == "22", repr(last_run(H)))

# Hostile XML: an external entity to a local file never lands anywhere.
X = "zz-xxe-" + RUN
fj("partner", "add", "--name", X, "--url", "file://" + os.path.abspath(
    "tests/fixtures/feeds/xxe-file.xml"), "--format", "indeed")
fj("scrape", "--once", "--partner", X)
leak = sql("SELECT count(*) FROM posting WHERE description LIKE "
           "'%root:%' OR title LIKE '%root:%'")[0][0]
check("XXE: no file content in any posting", leak == "0", leak)
S = "zz-script-" + RUN
fj("partner", "add", "--name", S, "--url", "file://" + os.path.abspath(
    "tests/fixtures/feeds/script.xml"), "--format", "indeed", "--country",
   "FR")
fj("scrape", "--once", "--partner", S)
rows = sql("SELECT p.id, p.slug FROM posting p JOIN posting_source s ON "
           "s.posting_id = p.id JOIN partner pa ON pa.id = s.partner_id "
           "WHERE pa.name = '%s' AND p.status = 'published' AND "
           "title LIKE '%%<script%%' LIMIT 1" % S)
if rows:
    page = http("/jobs/%s-%s" % tuple(rows[0]))
    check("a script tag in a title is stored as text, shown escaped",
          "<script>alert" not in page.text and "&lt;script" in page.text)
else:
    check("the script fixture imported a posting with a script title",
          False, "none found")


# Fetch failures over HTTP: 404, a server that never answers, a cap.
class Handler(BaseHTTPRequestHandler):
    def send_file(self, code, name):
        """A file of TMP, whole, with its length, as response code."""
        body = open(os.path.join(TMP, name), "rb").read()
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(8)
        if self.path.startswith("/big"):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<source>" + b"x" * 200000 + b"</source>")
            return
        if self.path.startswith("/gz"):
            body = open(os.path.join(TMP, "gz.xml"), "rb").read()
            self.send_response(200)
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path.startswith("/reset"):
            # Promise 100 000 bytes, send a few, then reset the connection.
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<source><job><title>x")
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if self.path.startswith("/chunked"):
            # The feed in small chunks, flushed one by one: the scraper
            # parses and COPYs while it is still arriving.
            body = open(os.path.join(TMP, "chunked.xml"), "rb").read()
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 997):
                part = body[i:i + 997]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
            return
        if self.path.startswith("/midreset"):
            # Whole items first, then the connection is reset: they
            # were parsed and COPYed, and must not be imported.
            body = open(os.path.join(TMP, "midreset.xml"), "rb").read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body) * 2))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            time.sleep(0.2)
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if self.path.startswith("/bigjobs"):
            # Whole items, then more than the partner's cap.
            body = open(os.path.join(TMP, "midreset.xml"), "rb").read()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body + b"<!--" + b"x" * 200000 + b"-->")
            return
        if self.path.startswith("/gone"):
            # An error page that is a valid feed is still an error.
            self.send_file(410, "midreset.xml")
            return
        if self.path.startswith("/tofile"):
            self.send_response(302)
            self.send_header("Location", "file://" + os.path.abspath(
                "tests/fixtures/feeds/indeed.xml"))
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop%d" % (
                int(self.path[5:] or "0") + 1))
            self.end_headers()
            return
        if self.path.startswith("/hold"):
            # The test changes the database while the scraper waits here.
            HELD.set()
            RELEASE.wait(20)
            self.send_file(200, "hold.xml")
            return
        if self.path.startswith("/cond"):
            # COND: the feed's file, its ETag and how to answer.
            if COND["mode"] == "500":
                self.send_file(500, COND["file"])
                return
            if COND["mode"] == "slow":
                time.sleep(6)
            if self.headers.get("If-None-Match") == COND["etag"]:
                self.send_response(304)
                self.end_headers()
                return
            body = open(os.path.join(TMP, COND["file"]), "rb").read()
            self.send_response(200)
            self.send_header("ETag", COND["etag"])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path.startswith("/etag"):
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(open(os.path.join(TMP, "b.xml"), "rb").read())
            return
        self.send_response(404)
        self.end_headers()

    def log_message(self, *a):
        pass


COND = {"file": "cond.xml", "etag": '"c1"', "mode": "ok"}
HELD = threading.Event()
RELEASE = threading.Event()
srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=srv.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d" % srv.server_address[1]
for name, path, extra, why in (
        ("404", "/missing", [], "HTTP 404"),
        ("slow", "/slow", [], "timed out"),
        ("big", "/big", ["--max-bytes", "1000"], "larger than")):
    n = "zz-%s-%s" % (name, RUN)
    fj("partner", "add", "--name", n, "--url", base + path, "--format",
       "indeed", *extra)
    t0 = time.time()
    rc, out = fj("scrape", "--once", "--partner", n,
                 env={"FJ_FETCH_TIMEOUT": "2"})
    r = last_run(n)
    check("fetch %s fails the run quickly with a reason" % name,
          rc != 0 and r[0] == "f" and why.lower() in r[7].lower() and
          time.time() - t0 < 10, "%s %r" % (out, r))
# The body goes to the parser and the items to the COPY as they arrive;
# a fetch that fails after some items imports none of them.
feed("midreset.xml", [job("M%d" % i, "Zzscrape Midreset %d %s" % (i, RUN))
                      for i in range(50)])
with open(os.path.join(TMP, "midreset.xml")) as f:
    whole = f.read()
with open(os.path.join(TMP, "midreset.xml"), "w") as f:
    f.write(whole[:whole.index("</source>")])
for name, path, extra, why in (
        ("midreset", "/midreset", [], "fetch:"),
        ("bigjobs", "/bigjobs", ["--max-bytes", "100000"], "larger than"),
        ("gone", "/gone", [], "HTTP 410")):
    n = "zz-%s-%s" % (name, RUN)
    fj("partner", "add", "--name", n, "--url", base + path, "--format",
       "indeed", *extra)
    rc, out = fj("scrape", "--once", "--partner", n,
                 env={"FJ_FETCH_TIMEOUT": "5"})
    r = last_run(n)
    kept = sql("SELECT count(*) FROM posting_source s JOIN partner p ON "
               "p.id = s.partner_id WHERE p.name = '%s'" % n)[0][0]
    check("fetch %s after whole items: failed, nothing imported" % name,
          rc != 0 and r[0] == "f" and why.lower() in r[7].lower() and
          kept == "0" and r[1] == "0", "%s %r %s" % (out, r, kept))
K = "zz-chunked-" + RUN
feed("chunked.xml", [job("K%d" % i, "Zzscrape Chunked %d %s" % (i, RUN),
                         city=("Milano", "Parigi", "Zürich")[i % 3])
                     for i in range(600)])
fj("partner", "add", "--name", K, "--url", base + "/chunked", "--format",
   "indeed")
rc, out = fj("scrape", "--once", "--partner", K)
r = last_run(K)
check("a feed arriving in 1 KB chunks imports every item", rc == 0 and
      r[0] == "t" and r[1] == "600" and r[2] == "600", out + repr(r))
n = sql("SELECT count(*) FROM posting p JOIN posting_source s ON "
        "s.posting_id = p.id JOIN partner pa ON pa.id = s.partner_id "
        "WHERE pa.name = '%s' AND p.title_raw LIKE 'Zzscrape Chunked %%' "
        "AND p.city_raw IN ('Milano', 'Parigi', 'Zürich')" % K)[0][0]
check("chunked feed: every posting stored whole", n == "600", n)
rc, out = fj("scrape", "--once", "--partner", K)
r = last_run(K)
check("chunked feed, again: all unchanged", rc == 0 and r[4] == "600",
      out + repr(r))

# The scraper reads the partner's stored hashes before the fetch, and
# sends an unchanged item as only seen again.  Should a source change in
# between (by hand, or a run that outlived its lease), the run fails and
# imports nothing rather than pass such an item as resolved; the next run
# sees the item as changed.
O = "zz-hold-" + RUN
feed("hold.xml", [job("H%d" % i, "Zzscrape Hold %d %s" % (i, RUN))
                  for i in range(3)])
fj("partner", "add", "--name", O, "--url", base + "/hold", "--format",
   "indeed")
RELEASE.set()
fj("scrape", "--once", "--partner", O)
RELEASE.clear()
HELD.clear()
run = subprocess.Popen([FJ, "scrape", "--once", "--partner", O],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
HELD.wait(20)
sql("UPDATE posting_source s SET content_hash = 'changed', raw_hash = 0 "
    "FROM partner p WHERE p.id = s.partner_id AND p.name = '%s' AND "
    "s.external_id = 'H1'" % O)
RELEASE.set()
out = run.communicate(timeout=60)[0]
r = last_run(O)
check("a source changed during the run fails it, with a reason",
      run.returncode != 0 and r[0] == "f" and "changed during the run" in
      r[7], out + repr(r))
rc, out = fj("scrape", "--once", "--partner", O)
r = last_run(O)
check("the next run takes that item as changed", rc == 0 and
      r[:7] == ["t", "3", "0", "1", "2", "0", "0"], out + repr(r))

E = "zz-etag-" + RUN
fj("partner", "add", "--name", E, "--url", base + "/etag", "--format",
   "indeed")
fj("scrape", "--once", "--partner", E)
rc, out = fj("scrape", "--once", "--partner", E)
check("a 304 is a successful run with nothing changed",
      rc == 0 and "not modified" in out, out)

# Run-level guarantees over HTTP: every way a fetch can fail fails the run
# with a reason and closes nothing; redirects stay on http(s), at most 5.
free = socket.socket()
free.bind(("127.0.0.1", 0))
refused = "http://127.0.0.1:%d/feed.xml" % free.getsockname()[1]
free.close()
for name, u, why in (
        ("refused", refused, "connect"),
        ("reset", base + "/reset", "fetch:"),
        ("redirect-to-file", base + "/tofile", "fetch:"),
        ("redirect-loop", base + "/loop", "redirect")):
    n = "zz-%s-%s" % (name, RUN)
    fj("partner", "add", "--name", n, "--url", u, "--format", "indeed")
    t0 = time.time()
    rc, out = fj("scrape", "--once", "--partner", n,
                 env={"FJ_FETCH_TIMEOUT": "3"})
    r = last_run(n)
    check("fetch %s fails the run quickly with a reason" % name,
          rc != 0 and r[0] == "f" and why.lower() in r[7].lower() and
          time.time() - t0 < 10 and ("partner %s: " % n) in out,
          "%s %r" % (out, r))
check("a redirect to file:// imports nothing", sql(
    "SELECT count(*) FROM posting_source s JOIN partner p ON p.id = "
    "s.partner_id WHERE p.name = 'zz-redirect-to-file-%s'" % RUN)[0][0] ==
    "0")

G = "zz-gzip-" + RUN
feed("gz.xml", [job("G1", "Zzscrape Gzip One " + RUN),
                job("G2", "Zzscrape Gzip Two " + RUN)])
fj("partner", "add", "--name", G, "--url", base + "/gz", "--format",
   "indeed")
rc, out = fj("scrape", "--once", "--partner", G)
r = last_run(G)
check("a gzip-encoded feed is decoded", rc == 0 and r[0] == "t" and
      r[2] == "2", out + repr(r))

# A 304 is no evidence that anything went away: the etag partner's item
# survives any number of 304 runs, and its missed count stays 0.
for _ in range(3):
    fj("scrape", "--once", "--partner", E)
r = sql("SELECT max(s.missed_runs), count(*) FILTER (WHERE p.status <> "
        "'published') FROM posting_source s JOIN posting p ON p.id = "
        "s.posting_id JOIN partner pa ON pa.id = s.partner_id WHERE "
        "pa.name = '%s'" % E)[0]
check("repeated 304s close nothing", r == ["0", "0"], repr(r))


# A job dropped from a feed that then answers 304: the 304 is one more
# complete run seeing the same items, so the job closes at close_after.
N = "zz-cond-" + RUN
NA = "Zzscrape Cond Stylist " + RUN
NB = "Zzscrape Cond Tailor " + RUN
feed("cond.xml", [job("NA", NA), job("NB", NB)])
fj("partner", "add", "--name", N, "--url", base + "/cond", "--format",
   "indeed")
fj("scrape", "--once", "--partner", N)
feed("cond.xml", [job("NA", NA)])
COND["etag"] = '"c2"'
rc, out = fj("scrape", "--once", "--partner", N)
check("304: the drop run misses B once, closes nothing",
      rc == 0 and status("NB", N) == "published" and
      last_run(N)[5] == "0", out)
snap = sql("SELECT snapshot_at FROM partner WHERE name = '%s'" % N)[0][0]
rc, out = fj("scrape", "--once", "--partner", N)
r = last_run(N)
check("304 after a drop: the dropped job is closed, the other stays open",
      rc == 0 and "not modified" in out and r[0] == "t" and r[5] == "1" and
      status("NB", N) == "closed" and status("NA", N) == "published",
      out + repr(r))
row = sql("SELECT p.id, p.slug FROM posting p WHERE p.title = '%s'" % NB)[0]
page = http("/jobs/%s-%s" % tuple(row))
check("304 after a drop: the closed job's page answers 410",
      page.status == 410, str(page.status))
row = sql("SELECT p.id, p.slug FROM posting p WHERE p.title = '%s'" % NA)[0]
check("304 after a drop: the job still listed answers 200",
      http("/jobs/%s-%s" % tuple(row)).status == 200)
r = sql("SELECT s.external_id, s.missed_runs, s.last_seen > '%s' FROM "
        "posting_source_seen s JOIN partner pa ON pa.id = s.partner_id "
        "WHERE pa.name = '%s' ORDER BY 1" % (snap, N))
check("304 after a drop: the listed source is seen now, the dropped one "
      "missed twice", r == [["NA", "0", "t"], ["NB", "2", "f"]], repr(r))
rc, out = fj("scrape", "--once", "--partner", N)
r = sql("SELECT s.missed_runs FROM posting_source s JOIN partner pa ON "
        "pa.id = s.partner_id WHERE pa.name = '%s' AND s.external_id = 'NA'"
        % N)
check("304 after a drop: further 304s never miss a listed source",
      rc == 0 and r == [["0"]] and status("NA", N) == "published", repr(r))
feed("cond.xml", [job("NA", NA), job("NB", NB)])
COND["etag"] = '"c3"'
rc, out = fj("scrape", "--once", "--partner", N)
check("304 after a drop: the job back in the feed is open again",
      rc == 0 and status("NB", N) == "published", out)

# A failed fetch after a drop closes nothing, and does not count as a run
# that saw the feed: the next 304 is the first to miss the job again.
for mode in ("500", "slow"):
    M = "zz-cond%s-%s" % (mode, RUN)
    MA = "Zzscrape Cond%s Cutter %s" % (mode, RUN)
    MB = "Zzscrape Cond%s Knitter %s" % (mode, RUN)
    COND.update(file="cond.xml", mode="ok", etag='"%s1"' % mode)
    feed("cond.xml", [job("MA", MA), job("MB", MB)])
    fj("partner", "add", "--name", M, "--url", base + "/cond", "--format",
       "indeed")
    fj("scrape", "--once", "--partner", M)
    feed("cond.xml", [job("MA", MA)])
    COND["etag"] = '"%s2"' % mode
    fj("scrape", "--once", "--partner", M)
    COND["mode"] = mode
    closed = []
    for _ in range(3):
        rc, out = fj("scrape", "--once", "--partner", M,
                     env={"FJ_FETCH_TIMEOUT": "2"})
        closed.append((rc, last_run(M)[0], status("MB", M),
                       status("MA", M)))
    check("a failed fetch (%s) after a drop closes nothing" % mode,
          all(c == (1, "f", "published", "published") for c in closed),
          repr(closed))
    COND["mode"] = "ok"
    rc, out = fj("scrape", "--once", "--partner", M)
    check("after failed fetches (%s), the next 304 closes the dropped job"
          % mode, rc == 0 and "not modified" in out and
          status("MB", M) == "closed" and status("MA", M) == "published",
          out)
srv.shutdown()

# scrape --once runs every due partner; one failing does not stop the
# others, and is reported as "partner NAME: reason", exit non-zero.
due = ["zz-due%d-%s" % (i, RUN) for i in range(2)]
for n in due:
    fj("partner", "add", "--name", n, "--url", feed(n + ".xml",
       [job("D" + n, "Zzscrape Due " + n)]), "--format", "indeed")
bad = "zz-duebad-" + RUN
fj("partner", "add", "--name", bad, "--url", refused, "--format", "indeed")
sql("UPDATE partner SET next_run_at = now() + interval '1 hour' "
    "WHERE name NOT LIKE 'zz-due%%-%s'" % RUN)
sql("UPDATE partner SET next_run_at = now() - interval '1 minute' "
    "WHERE name LIKE 'zz-due%%-%s'" % RUN)
rc, out = fj("scrape", "--once", env={"FJ_FETCH_TIMEOUT": "3"})
check("scrape --once: a failing partner fails the command, named",
      rc != 0 and ("partner %s: " % bad) in out, out)
check("scrape --once: the other due partners still ran",
      all(last_run(n)[0] == "t" for n in due), out)
runs = sql("SELECT count(*) FROM partner_run r JOIN partner p ON "
           "p.id = r.partner_id WHERE p.name LIKE 'zz-due%%-%s'" % RUN)[0][0]
check("scrape --once ran each due partner once", runs == "3", runs)
rc, out = fj("scrape", "--once")
check("scrape --once with nothing due does nothing",
      rc == 0 and sql("SELECT count(*) FROM partner_run r JOIN partner p "
                      "ON p.id = r.partner_id WHERE p.name LIKE "
                      "'zz-due%%-%s'" % RUN)[0][0] == "3", out)
sql("UPDATE partner SET next_run_at = now() WHERE name LIKE 'zz-%%-%s'"
    % RUN)

# partner runs: newest first.
fj("scrape", "--once", "--partner", due[0])
lines = fj("partner", "runs", due[0])[1].splitlines()
check("partner runs lists the runs newest first",
      len(lines) == 2 and lines[0][:19] >= lines[1][:19], repr(lines))

# scrape --loop expires published postings past their date each loop.
xid = sql("SELECT s.posting_id FROM posting_source s JOIN partner p ON "
          "p.id = s.partner_id WHERE p.name = '%s'" % due[1])[0][0]
sql("UPDATE posting SET expires_at = now() - interval '1 day' WHERE id = %s"
    % xid)
sql("UPDATE partner SET next_run_at = now() + interval '1 hour' WHERE "
    "name LIKE 'zz-%%-%s'" % RUN)
loop = subprocess.Popen([FJ, "scrape", "--loop"], stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
st = None
for _ in range(50):
    time.sleep(0.2)
    st = sql("SELECT status FROM posting WHERE id = %s" % xid)[0][0]
    if st == "expired":
        break
loop.send_signal(signal.SIGTERM)
try:
    loop.wait(timeout=70)
    stopped = True
except subprocess.TimeoutExpired:
    loop.kill()
    stopped = False
check("scrape --loop expires postings past their date", st == "expired", st)
check("scrape --loop stops on SIGTERM", stopped)

# Two scrapers at once never take the same partner.
names = ["zz-par%d-%s" % (i, RUN) for i in range(6)]
for n in names:
    fj("partner", "add", "--name", n, "--url", feed(n + ".xml",
       [job("P" + n, "Zzscrape Par " + n)]), "--format", "indeed")
sql("UPDATE partner SET next_run_at = now() - interval '1 minute' "
    "WHERE name LIKE 'zz-par%%-%s'" % RUN)
sql("UPDATE partner SET next_run_at = now() + interval '1 hour' "
    "WHERE name NOT LIKE 'zz-par%%-%s'" % RUN)
procs = [subprocess.Popen([FJ, "scrape", "--once"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT) for _ in range(2)]
outs = [p.communicate(timeout=120)[0].decode() for p in procs]
counts = sql("SELECT p.name, count(r.id) FROM partner p LEFT JOIN "
             "partner_run r ON r.partner_id = p.id WHERE p.name LIKE "
             "'zz-par%%-%s' GROUP BY 1" % RUN)
check("two concurrent scrapers ran each due partner exactly once",
      len(counts) == 6 and all(c[1] == "1" for c in counts), repr(counts))

rc, out = fj("partner", "disable", P)
check("partner disable", rc == 0 and sql(
    "SELECT enabled FROM partner WHERE name = '%s'" % P)[0][0] == "f")
done()
