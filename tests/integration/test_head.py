"""What every page says about itself: a "Post a job" link for recruiters
on every public page, a favicon, a meta description on every page search
engines may index, and noindex on empty city pages and on pages of
cities we do not know."""

import re

from fjtest import check, done, http, sample_pages, sql


def robots_noindex(text):
    return re.search(r'<meta name="robots" content="noindex"', text)


def description(text):
    m = re.search(r'<meta name="description" content="([^"]*)"', text)
    return m.group(1) if m else None


posting, company, city = sample_pages()
empty_city = sql("SELECT ci.slug FROM city ci WHERE NOT EXISTS (SELECT 1"
                 " FROM posting p WHERE p.city_id = ci.id AND p.status ="
                 " 'published') ORDER BY ci.id LIMIT 1")[0][0]

public = ["/", "/jobs", "/jobs?q=manager", "/jobs?city=milano",
          "/jobs/" + posting, "/companies/" + company, "/cities/" + city,
          "/cities/" + empty_city, "/recruiter/signup", "/recruiter/login",
          "/no-such-page"]
for path in public:
    r = http(path)
    check("head: %s links to Post a job" % path,
          re.search(r'<a [^>]*href="/recruiter/jobs/new"[^>]*>Post a job</a>',
                    r.text), str(r.status))
    check("head: %s names the favicon" % path,
          '<link rel="icon" href="/favicon.ico"' in r.text and
          '<link rel="icon" href="/static/favicon.svg"' in r.text)
    if r.status == 200 and not robots_noindex(r.text):
        d = description(r.text)
        check("head: indexable %s has a meta description" % path,
              d is not None and len(d) >= 40, repr(d))

for path in ("/", "/jobs", "/jobs/" + posting, "/companies/" + company,
             "/cities/" + city):
    r = http(path)
    check("head: %s is indexable" % path,
          r.status == 200 and not robots_noindex(r.text), str(r.status))

r = http("/favicon.ico")
check("head: /favicon.ico is an icon",
      r.status == 200 and r.headers.get("content-type") == "image/x-icon"
      and r.body[:4] == b"\0\0\1\0", "%s %s" % (r.status,
                                                 r.headers.get("content-type")))
r = http("/static/favicon.svg")
check("head: /static/favicon.svg is an SVG image",
      r.status == 200 and "image/svg+xml" in r.headers.get("content-type", "")
      and b"<svg" in r.body)

r = http("/cities/" + empty_city)
check("head: an empty city page answers 200 with noindex",
      r.status == 200 and robots_noindex(r.text), str(r.status))
r = http("/cities/atlantis-under-the-sea")
check("head: an unknown city's page answers 404 with noindex",
      r.status == 404 and robots_noindex(r.text), str(r.status))
r = http("/jobs?city=Atlantis%20under%20the%20sea")
check("head: a search in a city we do not know is noindex",
      r.status == 200 and robots_noindex(r.text), str(r.status))
r = http("/jobs?city=milano")
check("head: a search in a known city with jobs is indexable",
      r.status == 200 and not robots_noindex(r.text), str(r.status))
done()
