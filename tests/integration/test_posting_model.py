"""One posting model (sql/posting.sql): the page's schema.org JobPosting and
the JSON Feed's _job are one definition, every output links the same URL,
and the items the feed serves from the stored rendering are the ones made
on the spot (the SQL side: tests/sql/test_posting_render.sql)."""

import json
import re
import urllib.parse

from fjtest import check, done, http, sql

OURS = ("about", "contract", "schedule", "remote", "city_id",
        "raw_contract_label", "company_is_agency", "apply_url", "apply_email")
PAGE_ONLY = ("@context", "url", "description")

# A remote posting with a country and a salary, so that every member of
# the JobPosting shows.
pid = sql("UPDATE posting SET remote = 'remote', country = 'FR',"
          " salary_min = 30000, salary_max = 40000, salary_currency = 'EUR',"
          " posted_at = now() WHERE id = (SELECT id FROM posting WHERE"
          " status = 'published' AND (expires_at IS NULL OR expires_at >"
          " now()) ORDER BY id LIMIT 1) RETURNING id")[0][0]

items = http("/feed.json?limit=20").json()["items"]
check("/feed.json answers items", len(items) == 20, str(len(items)))
same = bad = 0
for it in items[:20]:
    path = urllib.parse.urlparse(it["url"]).path
    page = http(path)
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                  page.text, re.S)
    ld = json.loads(m.group(1)) if m else {}
    job = {k: v for k, v in it["_job"].items() if k not in OURS}
    core = {k: v for k, v in ld.items() if k not in PAGE_ONLY}
    if core == job and ld.get("url") == it["url"]:
        same += 1
    elif bad == 0:
        bad = 1
        check("the page's JSON-LD and _job agree for %s" % path, False,
              "page %s / _job %s" % (sorted(core.items()),
                                      sorted(job.items())))
check("each item's _job is its page's JobPosting (less @context, url and"
      " the description), and the page's url the item's", same == 20,
      "%d of 20" % same)

it = [i for i in items if i["_job"]["identifier"]["value"] == int(pid)]
check("a remote posting has applicantLocationRequirements in _job, as on"
      " its page", it and it[0]["_job"].get("applicantLocationRequirements")
      == {"@type": "Country", "name": "FR"},
      json.dumps(it[0]["_job"] if it else None))

# The URL, written once: the card, the feed, the RSS link, the sitemap.
slug = sql("SELECT slug FROM posting WHERE id = :'p1'", pid)[0][0]
want = "/jobs/%s-%s" % (pid, slug)
rss = http("/jobs.rss?limit=20").text
check("the card, the feed, RSS and the sitemap link the same page",
      ('href="%s"' % want) in http("/jobs").text and
      any(i["url"].endswith(want) for i in items) and
      ("%s</link>" % want) in rss)
found = False
for n in range(1, 6):
    r = http("/sitemap-%d.xml" % n)
    if r.status != 200:
        break
    if ("%s</loc>" % want) in r.text:
        found = True
        break
check("the sitemap lists the posting's page", found)

# With no stored rendering the statement makes the items on the spot:
# the same document.
before = http("/feed.json?limit=20&q=manager").body
sql("BEGIN; DELETE FROM posting_render WHERE posting_id IN (SELECT id FROM"
    " posting ORDER BY posted_at DESC LIMIT 5000); COMMIT")
after = http("/feed.json?limit=20&q=manager").body
sql("SELECT fj_render(ARRAY(SELECT id FROM posting WHERE status = 'published'))")
check("/feed.json is the same with the stored rendering and without",
      before == after and len(before) > 1000,
      "%d / %d bytes" % (len(before), len(after)))
done()
