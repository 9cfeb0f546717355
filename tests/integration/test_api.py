"""Partner outputs over real HTTP: the JSON Feed (checked against the
JSON Feed 1.1 rules),
the sync API mirrored and re-synced after changes (also while a long
transaction is open), single postings and tombstones, facets against
the database, API keys, problem documents, the OpenAPI description
checked path by path, and the rate limit (test.sh sets
FJ_API_RATE_ANON=40)."""

import gzip
import hashlib
import json
import os
import re
import subprocess
import time
import urllib.parse

from fjtest import check, done, http, sql

FJ = os.environ["FJ_BIN"]
OPEN = "status = 'published' AND (expires_at IS NULL OR expires_at > now())"


def fj(*args):
    p = subprocess.run([FJ] + list(args), capture_output=True, text=True)
    return p.returncode, p.stdout.strip(), p.stderr.strip()


rc, KEY, err = fj("apikey", "create", "test-api")
check("apikey create prints a key once", rc == 0 and
      re.fullmatch(r"fjk_[0-9a-f]{64}", KEY) is not None, err)
stored = sql("SELECT key_hash FROM api_key WHERE name = 'test-api'")
check("only the key's hash is stored", stored and stored[0][0] != KEY and
      KEY not in stored[0][0] and len(stored[0][0]) == 64)
rc, _, err = fj("apikey", "create", "test-api")
check("a second active key of the same name is refused", rc != 0 and
      "exists" in err, err)
AUTH = {"Authorization": "Bearer " + KEY}


def api(path, headers=None):
    h = dict(AUTH)
    h.update(headers or {})
    return http(path, headers=h)


def problem(r, status, param=None):
    try:
        doc = r.json()
    except ValueError:
        return False
    return (r.status == status and
            r.headers.get("content-type") == "application/problem+json" and
            doc.get("status") == status and doc.get("detail") and
            (param is None or doc.get("parameter") == param))


# ---- JSON Feed -----------------------------------------------------------

r = http("/feed.json?limit=20")
doc = r.json()
check("/feed.json answers application/feed+json",
      r.status == 200 and
      r.headers.get("content-type") == "application/feed+json")
check("/feed.json is JSON Feed 1.1",
      doc.get("version") == "https://jsonfeed.org/version/1.1" and
      doc.get("title") and doc.get("feed_url", "").endswith("/feed.json"))
items = doc.get("items", [])
check("/feed.json gives limit items", len(items) == 20, str(len(items)))
newest = sql("SELECT id FROM posting WHERE " + OPEN +
             " ORDER BY posted_at DESC, id DESC LIMIT 20")
check("/feed.json is newest first",
      [i["_job"]["identifier"]["value"] for i in items] ==
      [int(x[0]) for x in newest])
row = sql("SELECT p.title, p.company_name, p.city_name, p.lang, p.contract,"
          " co.is_agency, fj_rfc3339(p.posted_at), p.id, p.slug, p.city_id"
          " FROM posting p JOIN company co ON co.id = p.company_id"
          " WHERE p.id = :'p1'", newest[0][0])[0]
it = items[0]
want_title = "%s — %s%s" % (row[0], row[1], ", " + row[2] if row[2] else "")
check("item title is 'Title — Company, City'", it["title"] == want_title,
      it["title"] + " / " + want_title)
check("item url is the posting's canonical page",
      it["url"].endswith("/jobs/%s-%s" % (row[7], row[8])) and
      http(urllib.parse.urlparse(it["url"]).path).status == 200)
check("item has a stable id, dates, language and tags",
      it["id"].endswith("/jobs/" + row[7]) and
      it["date_published"] == row[6] and it["date_modified"] and
      it["language"] == row[3] and row[4] in it["tags"])
ext = it["_job"]
check("_job has schema.org names and ours",
      ext["about"].endswith("/README.md#json-feed-job-extension") and
      ext["hiringOrganization"]["name"] == row[1] and
      ext["contract"] == row[4] and
      ext["company_is_agency"] == (row[5] == "t") and
      ext["identifier"]["value"] == int(row[7]) and
      ext["directApply"] is False and "schedule" in ext and
      (row[9] == "" or ext["city_id"] == int(row[9])))
check("/README.md documents the _job extension",
      "json-feed-job-extension" in http("/README.md").text.lower().replace(
          " ", "-") or "_job" in http("/README.md").text)

# Debian 12's feedparser (6.0.10) has no JSON Feed parser (it came in 6.1):
# it reads RSS and Atom only.  So the JSON Feed 1.1 rules are checked here.
def jsonfeed_errors(d):
    errs = []
    for k in ("version", "title", "items"):
        if k not in d:
            errs.append("missing " + k)
    for k in ("home_page_url", "feed_url", "next_url", "description"):
        if k in d and not isinstance(d[k], str):
            errs.append(k + " is not a string")
    for i in d.get("items", []):
        if not isinstance(i.get("id"), str) or not i["id"]:
            errs.append("item id is not a non-empty string")
        if "content_text" not in i and "content_html" not in i:
            errs.append("item without content")
        for k in ("date_published", "date_modified"):
            if k in i and not re.fullmatch(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)",
                    i[k]):
                errs.append(k + " is not RFC 3339: " + i[k])
        if not all(isinstance(t, str) for t in i.get("tags", [])):
            errs.append("a tag is not a string")
        for k in i:
            if k.startswith("_") and not isinstance(i[k], dict):
                errs.append(k + " extension is not an object")
        if len({x["id"] for x in d["items"]}) != len(d["items"]):
            errs.append("duplicate item ids")
    return errs


check("/feed.json follows the JSON Feed 1.1 rules", jsonfeed_errors(doc) == [],
      "; ".join(jsonfeed_errors(doc)[:3]))

# Filters and pagination: walk next_url and compare with the database.
ids = []
url = "/feed.json?city=Milan&contract=internship&limit=7"
pages = 0
while url and pages < 200:
    d = http(url).json()
    ids += [i["_job"]["identifier"]["value"] for i in d["items"]]
    nxt = d.get("next_url")
    url = urllib.parse.urlparse(nxt).path + "?" + \
        urllib.parse.urlparse(nxt).query if nxt else None
    pages += 1
want = [int(x[0]) for x in sql(
    "SELECT id FROM posting WHERE " + OPEN + " AND contract = 'internship'"
    " AND city_id = fj_city_id('milan') ORDER BY posted_at DESC, id DESC")]
check("walking next_url gives every filtered posting once, in order (%d)"
      % len(want), ids == want and len(want) > 7, "%d vs %d" % (
          len(ids), len(want)))
d = http("/feed.json?q=hermes&limit=100").json()
check("q filter: 'hermes' finds Hermès postings",
      len(d["items"]) > 0 and all("herm" in (i["title"] + i["content_text"])
                                  .lower().replace("è", "e")
                                  for i in d["items"]))
for qs, param in (("limit=0", "limit"), ("limit=101", "limit"),
                  ("limit=x", "limit"), ("contract=bogus", "contract"),
                  ("lang=xx", "lang"), ("cursor=%%%%", None),
                  ("cursor=Zm9v", "cursor"), ("q=" + "a" * 201, "q")):
    r2 = http("/feed.json?" + qs)
    check("/feed.json?%s answers a 400 problem" % qs[:30],
          problem(r2, 400, param), "%d %s" % (r2.status, r2.text[:100]))

# Conditional requests and gzip.
etag = r.headers.get("etag")
lm = r.headers.get("last-modified")
r2 = http("/feed.json?limit=20", headers={"If-None-Match": etag})
check("If-None-Match with the ETag answers 304", r2.status == 304 and
      r2.body == b"", str(r2.status))
r2 = http("/feed.json?limit=20", headers={"If-Modified-Since": lm})
check("If-Modified-Since with Last-Modified answers 304", r2.status == 304,
      str(r2.status))
r2 = http("/feed.json?limit=20", headers={"If-None-Match": '"other"'})
check("a stale ETag gets the feed", r2.status == 200 and r2.body == r.body)
r2 = http("/feed.json?limit=20", headers={"Accept-Encoding": "gzip"})
check("gzip when accepted, same document",
      r2.headers.get("content-encoding") == "gzip" and
      gzip.decompress(r2.body) == r.body and len(r2.body) < len(r.body))
r2 = http("/feed.json?limit=20", headers={"Accept-Encoding": "gzip;q=0"})
check("no gzip when refused", r2.headers.get("content-encoding") is None)

# ---- Sync API ------------------------------------------------------------

MIRROR_SQL = (
    "SELECT p.id, p.title, p.company_name, p.contract, p.schedule,"
    " p.city_name, fj_rfc3339(p.updated_at), md5(p.description)"
    " FROM posting p WHERE " + OPEN)


def db_state():
    return {int(x[0]): (x[1], x[2], x[3], x[4], x[5], x[6], x[7])
            for x in sql(MIRROR_SQL)}


def apply(mirror, jobs):
    for j in jobs:
        if j["status"] == "published":
            mirror[j["id"]] = (j["title"], j["company"], j["contract"],
                               j["schedule"], j["city"] or "",
                               j["updated_at"],
                               hashlib.md5(j["description"].encode())
                               .hexdigest())
        else:
            mirror.pop(j["id"], None)


def sync(mirror, cursor=None, limit=500, since=None, between=None):
    """Walk to the end; returns (cursor, pages, every job seen)."""
    seen = []
    pages = 0
    while True:
        q = "limit=%d" % limit
        if cursor:
            q += "&cursor=" + cursor
        elif since:
            q += "&updated_since=" + urllib.parse.quote(since)
        r = api("/api/v1/jobs?" + q)
        if r.status != 200:
            raise RuntimeError("%d %s" % (r.status, r.text[:200]))
        d = r.json()
        apply(mirror, d["jobs"])
        seen += d["jobs"]
        cursor = d["next_cursor"]
        pages += 1
        if between:
            between(pages)
        if not d["has_more"]:
            return cursor, pages, seen


mirror = {}
# The largest page: its realloc once needed a syscall seccomp refused.
cursor, pages, seen = sync(mirror, limit=1000)
check("a mirror from empty equals the open postings exactly (%d, %d pages)"
      % (len(mirror), pages), mirror == db_state() and pages > 1)
cursor_small, pages_small, _ = sync({}, limit=300)
check("smaller pages walk to the same place", pages_small > pages)
cursor2, _, seen2 = sync(mirror, cursor)
check("syncing again at once returns nothing", seen2 == [] and
      mirror == db_state(), str(len(seen2)))

ids = [int(x[0]) for x in sql("SELECT id FROM posting WHERE " + OPEN +
                              " ORDER BY id LIMIT 6")]
sql("UPDATE posting SET title = title || ' (updated)' WHERE id IN (%d, %d)"
    % (ids[0], ids[1]))
sql("UPDATE posting SET status = 'closed', closed_at = now() WHERE id = %d"
    % ids[2])
sql("UPDATE posting SET status = 'filled', closed_at = now() WHERE id = %d"
    % ids[3])
sql("UPDATE posting SET expires_at = now() - interval '1 day',"
    " status = 'expired' WHERE id = %d" % ids[4])
new = sql("INSERT INTO posting (company_id, company_name, company_raw,"
          " title, title_raw, slug, contract, city_id, city_name,"
          " description, apply_url, lang)"
          " SELECT company_id, company_name, company_raw, 'Sync test posting',"
          " 'Sync test posting', 'sync-test-posting', contract, city_id,"
          " city_name, 'new',"
          " apply_url, lang FROM posting WHERE id = %d RETURNING id"
          % ids[5])
new_id = int(new[0][0])
sql("UPDATE posting SET apply_clicks = apply_clicks + 1 WHERE id = %d"
    % ids[5])
cursor3, _, seen3 = sync(mirror, cursor2)
got = {j["id"]: j for j in seen3}
check("re-sync returns exactly the changed postings",
      sorted(got) == sorted(ids[:5] + [new_id]), str(sorted(got)))
check("closed postings come as tombstones with status and closed_at",
      got.get(ids[2], {}).get("status") == "closed" and
      got.get(ids[3], {}).get("status") == "filled" and
      got.get(ids[4], {}).get("status") == "expired" and
      all("title" not in got.get(i, {"title": 1}) and
          re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                       got[i].get("closed_at", ""))
          for i in ids[2:5]))
check("an apply click is not a change", ids[5] not in got)
check("the mirror equals the database after changes, closes and adds",
      mirror == db_state())

# Changes during a walk: a posting already returned changes, one not yet
# returned closes; the walk ends with the latest state of both.
all_open = sorted(db_state())
first, last_one = all_open[0], all_open[-1]


def meddle(page):
    if page == 1:
        sql("UPDATE posting SET title = title || ' (again)' WHERE id = %d"
            % first)
        sql("UPDATE posting SET status = 'closed', closed_at = now()"
            " WHERE id = %d" % last_one)


fresh = {}
sync(fresh, limit=200, between=meddle)
check("a walk while postings change loses none and ends in their latest"
      " state", fresh == db_state() and first in fresh and
      fresh[first][0].endswith("(again)") and last_one not in fresh)

# A long transaction: its change, and a change committed after it, wait
# until it commits; then both arrive (timestamps would lose the first).
_, _, _ = sync(mirror, cursor3)
cursor4, _, _ = sync(mirror, cursor3)
mirror = dict(fresh)
a, b = sorted(fresh)[1], sorted(fresh)[2]
psql = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                         os.environ["DATABASE_URL"]],
                        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                        text=True)
psql.stdin.write("BEGIN;\nUPDATE posting SET title = 'Long A' WHERE id = %d;"
                 "\n" % a)
psql.stdin.flush()
time.sleep(1)
sql("UPDATE posting SET title = 'Quick B' WHERE id = %d" % b)
c5, _, seen5 = sync(mirror, cursor4)
check("a change committed after a running transaction waits for it",
      [j for j in seen5 if j["id"] in (a, b)] == [], str(
          [j["id"] for j in seen5]))
psql.stdin.write("COMMIT;\n")
psql.stdin.close()
psql.wait(timeout=20)
c6, _, seen6 = sync(mirror, c5)
check("once it commits, both changes arrive",
      {j["id"]: j["title"] for j in seen6 if j["id"] in (a, b)} ==
      {a: "Long A", b: "Quick B"} and mirror == db_state())

since = sql("SELECT fj_rfc3339(now() - interval '1 hour')")[0][0]
part = {}
sync(part, since=since)
recent = {k: v for k, v in db_state().items() if v[5] >= since}
check("updated_since returns the postings changed since then",
      set(recent) <= set(part) and part == {k: db_state()[k] for k in part})
for qs, param in (("updated_since=yesterday", "updated_since"),
                  ("updated_since=2026-02-30T00:00:00Z", "updated_since"),
                  ("updated_since=1969-12-31T23:59:59Z", "updated_since"),
                  ("cursor=bm9wZQ", "cursor"), ("cursor=" + "A" * 300,
                                                "cursor"),
                  ("limit=0", "limit"), ("limit=1001", "limit"),
                  ("limit=-5", "limit"), ("limit=1e3", "limit")):
    r2 = api("/api/v1/jobs?" + qs)
    check("/api/v1/jobs?%s answers a 400 problem" % qs[:40],
          problem(r2, 400, param), "%d %s" % (r2.status, r2.text[:100]))
r2 = api("/api/v1/jobs?limit=1&updated_since=2026-01-01T10:00:00+01:00")
check("an unescaped + in updated_since is understood", r2.status == 200,
      r2.text[:100])

# ---- One posting, facets -------------------------------------------------

r2 = api("/api/v1/jobs/%d" % sorted(fresh)[0])
check("/api/v1/jobs/<id> gives an open posting",
      r2.status == 200 and r2.json()["status"] == "published" and
      r2.json()["id"] == sorted(fresh)[0])
r2 = api("/api/v1/jobs/%d" % ids[2])
check("/api/v1/jobs/<id> gives a closed posting's tombstone",
      r2.status == 200 and r2.json()["status"] == "closed" and
      "title" not in r2.json())
pend = sql("UPDATE posting SET status = 'pending' WHERE id = %d RETURNING id"
           % ids[5])
r2 = api("/api/v1/jobs/%d" % ids[5])
check("a pending posting is not found", problem(r2, 404), str(r2.status))
for p in ("/api/v1/jobs/0", "/api/v1/jobs/abc", "/api/v1/jobs/99999999999",
          "/api/v2/jobs"):
    check("%s answers a 404 problem" % p, problem(api(p), 404))

f = api("/api/v1/facets?city=milano").json()
n_milan = int(sql("SELECT count(*) FROM posting WHERE " + OPEN +
                  " AND city_id = fj_city_id('milano')")[0][0])
by_contract = {x[0]: int(x[1]) for x in sql(
    "SELECT contract, count(*) FROM posting WHERE " + OPEN +
    " AND city_id = fj_city_id('milano') GROUP BY 1")}
check("facets: total equals the database (%d)" % n_milan,
      f["total"] == n_milan)
check("facets: contract counts equal the database",
      {x["value"]: x["count"] for x in f["facets"]["contract"]} ==
      by_contract)
page = http("/jobs?city=milano").text
m = re.search(r'<span class="count">([0-9 ,]+)</span> jobs', page)
check("facets: same total as the search page",
      m is not None and int(m.group(1).replace(" ", "").replace(",", "")) == f["total"])
check("facets: every list present, each entry with value, label, count",
      all(k in f["facets"] for k in ("city", "contract", "company", "lang"))
      and all({"value", "label", "count"} <= set(e)
              for v in f["facets"].values() for e in v))
f = api("/api/v1/facets?q=zzzqqqxxx").json()
check("facets with no match: total 0, empty lists",
      f["total"] == 0 and all(v == [] for v in f["facets"].values()))
check("facets with a bad filter: 400 problem",
      problem(api("/api/v1/facets?contract=nope"), 400, "contract"))

# ---- Keys ----------------------------------------------------------------

r2 = http("/api/v1/jobs?limit=1", headers={"Authorization": "Bearer nope"})
check("an unknown key answers 401 with WWW-Authenticate",
      problem(r2, 401) and "Bearer" in r2.headers.get("www-authenticate", ""))
r2 = http("/api/v1/jobs?limit=1", headers={"Authorization": "Basic eDp5"})
check("a non-Bearer Authorization answers 401", problem(r2, 401))
rc, k2, _ = fj("apikey", "create", "test-revoke")
ok1 = http("/api/v1/jobs?limit=1",
           headers={"Authorization": "Bearer " + k2}).status
rc, _, _ = fj("apikey", "revoke", "test-revoke")
r2 = http("/api/v1/jobs?limit=1", headers={"Authorization": "Bearer " + k2})
check("a revoked key stops working at once", ok1 == 200 and rc == 0 and
      problem(r2, 401), "%d %d" % (ok1, r2.status))
rc, out, _ = fj("apikey", "list")
check("apikey list shows names and revocations, never keys",
      "test-api" in out and "revoked" in out and KEY not in out)
rc, k3, _ = fj("apikey", "create", "test-revoke")
check("a revoked name can get a new key", rc == 0 and k3 != k2)

# ---- OpenAPI -------------------------------------------------------------

spec = http("/api/openapi.json").json()
check("/api/openapi.json is OpenAPI 3.1", spec.get("openapi") == "3.1.0")


def schema_of(s):
    if "$ref" in s:
        node = spec
        for part in s["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return schema_of(node)
    return s


def conforms(doc, s):
    s = schema_of(s)
    if "oneOf" in s:
        return any(conforms(doc, x) for x in s["oneOf"])
    return isinstance(doc, dict) and all(k in doc
                                         for k in s.get("required", []))


for path, ops in spec["paths"].items():
    op = ops["get"]
    params = op.get("parameters", [])
    url = path
    query = []
    for p in params:
        if p["in"] == "path":
            url = url.replace("{%s}" % p["name"], str(sorted(fresh)[0]))
        elif "example" in p and p["name"] not in ("q", "company", "lang",
                                                   "contract"):
            query.append("%s=%s" % (p["name"], urllib.parse.quote(
                str(p["example"]))))
    full = url + ("?" + "&".join(query) if query else "")
    r2 = api(full)
    ok = op["responses"]["200"]
    ctype, media = next(iter(ok["content"].items()))
    body = r2.json() if r2.status == 200 else None
    check("OpenAPI: GET %s answers 200 %s as documented" % (full, ctype),
          r2.status == 200 and r2.headers.get("content-type") == ctype and
          conforms(body, media["schema"]), "%d %s" % (r2.status,
                                                   r2.text[:100]))
    if "400" in op["responses"]:
        names = [p["name"] for p in params]
        bad = "limit=0" if "limit" in names else "contract=nope"
        check("OpenAPI: GET %s?%s answers the documented 400" % (url, bad),
              problem(api(url + "?" + bad), 400))
    if "401" in op["responses"]:
        r3 = http(full, headers={"Authorization": "Bearer wrong"})
        check("OpenAPI: GET %s with a wrong key answers the documented 401"
              % url, problem(r3, 401))
    if "404" in op["responses"]:
        check("OpenAPI: GET %s answers the documented 404 for no such id"
              % path, problem(api(path.replace("{id}", "0")), 404))
    if "304" in op["responses"]:
        r3 = http(full, headers={"If-None-Match": r2.headers.get("etag")})
        check("OpenAPI: GET %s answers the documented 304" % full,
              r3.status == 304)
documented = set(spec["paths"])
check("OpenAPI documents every partner endpoint",
      {"/feed.json", "/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/facets",
       "/api/openapi.json"} <= documented)

# ---- Rate limit (last: it uses up this address's anonymous share) --------

codes = []
for i in range(200):
    r2 = http("/api/v1/jobs/%d" % sorted(fresh)[0])
    codes.append(r2.status)
    if r2.status == 429:
        break
check("anonymous requests over the limit get 429 (after %d)" % len(codes),
      codes[-1] == 429 and problem(r2, 429) and
      1 <= int(r2.headers.get("retry-after", "0")) <= 60 and
      all(c == 200 for c in codes[:-1]) and len(codes) > 40,
      str(codes[-3:]))
r3 = api("/api/v1/jobs/%d" % sorted(fresh)[0])
check("a keyed request still passes: keys have a higher limit",
      r3.status == 200, str(r3.status))
check("the feed is not rate-limited", http("/feed.json?limit=1").status ==
      200)
done()
