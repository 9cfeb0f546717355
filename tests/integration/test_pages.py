#!/usr/bin/env python3
"""Every posting shown has a country, and no page prints an empty
separator: the demo postings' pages and cards, and postings with no city
or an unknown one (issue 13)."""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fjtest import check, done, http, sql  # noqa: E402

RUN = str(os.getpid())
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
META = re.compile(r'<(?:p|span) class="meta">(.*?)</(?:p|span)>', re.S)
# Empty separators: two in a row, or one that opens or closes the line.
EMPTY = re.compile(r'·\s*·|^\s*·|·\s*$|,\s*·')


def jsonld(html):
    m = LD.search(html)
    return json.loads(m.group(1)) if m else None


def metas(html):
    return [re.sub(r"<[^>]*>", "", m.group(1)) for m in META.finditer(html)]


# The demo postings (the seed's, loaded before the tests): each page's
# JobPosting has a country and its meta line no empty separator.
ids = [r[0] for r in sql(
    "SELECT id || '-' || slug FROM posting WHERE status = 'published'"
    " AND NOT fj_expired(expires_at) ORDER BY id")]
nocountry, badmeta, pages = [], [], 0
for pid in ids[::max(1, len(ids) // 300)]:
    r = http("/jobs/%s" % pid)
    if r.status != 200:
        continue
    pages += 1
    ld = jsonld(r.text)
    addr = ((ld or {}).get("jobLocation") or {}).get("address") or {}
    if not addr.get("addressCountry"):
        nocountry.append(pid)
    badmeta += [pid for m in metas(r.text) if EMPTY.search(m)]
check("demo posting pages read (%d)" % pages, pages >= 100, str(pages))
check("every demo posting's JobPosting has addressCountry",
      not nocountry, "no country on %s" % nocountry[:5])
check("no demo posting page prints an empty separator", not badmeta,
      str(badmeta[:5]))
bad = []
for page in (1, 2, 3):
    r = http("/jobs?page=%d" % page)
    bad += [m for m in metas(r.text) if EMPTY.search(m)]
check("no card on the search pages prints an empty separator", not bad,
      repr(bad[:3]))

# A fully remote posting with no city: the country stands alone, no
# " ·  · " where the city would be, and Google's TELECOMMUTE rules.
co = sql("SELECT id, name FROM company ORDER BY id LIMIT 1")[0]
title = "Zz Remote Copywriter %s" % RUN
pid = sql("INSERT INTO posting (company_id, company_name, company_raw,"
          " title, title_raw, slug, city_name, country, remote, status,"
          " contract, schedule, description, apply_url, lang)"
          " VALUES (%s, :'p1', :'p1', :'p2', :'p2', 'zz-remote-copywriter',"
          " '', 'IT', 'remote', 'published', 'permanent', 'part_time',"
          " 'Write for us.', 'https://example.com/apply', 'en')"
          " RETURNING id" % co[0], co[1], title)[0][0]
r = http("/jobs/%s-zz-remote-copywriter" % pid)
m = metas(r.text)
check("remote posting without a city: page 200", r.status == 200,
      str(r.status))
check("remote posting without a city: no empty separator",
      m and not EMPTY.search(m[0]), repr(m[:1]))
ld = jsonld(r.text) or {}
check("remote posting: addressCountry and applicantLocationRequirements",
      ld.get("jobLocation", {}).get("address", {}).get("addressCountry")
      == "IT" and ld.get("applicantLocationRequirements", {}).get("name")
      == "IT" and ld.get("jobLocationType") == "TELECOMMUTE", repr(ld))
r = http("/jobs?q=zz+remote+copywriter+%s" % RUN)
m = [x for x in metas(r.text) if "Remote" in x or "remote" in x]
check("remote posting's card: no empty separator",
      m and not EMPTY.search(m[0]), repr(m[:1]))
sql("DELETE FROM posting WHERE id = %s" % pid)

done()
