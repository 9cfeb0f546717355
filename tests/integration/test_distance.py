"""Search by distance over real HTTP against the real server and database:
/jobs?city=milano&km=30 finds the postings of every city within 30 km of
Milano (the totals agree with PostgreSQL's own count over the gazetteer's
positions), shows each one's distance, sorts by it, keeps km in its links;
km is refused outside 0..200 or without a city; the API's facets, JSON
Feed, RSS and Atom take km too; a city page names the nearby cities; the
search form offers the distance; the footer credits GeoNames."""

import html as htmlmod
import os
import re
import subprocess
import urllib.parse

from fjtest import check, done, http, sql, cards

OPEN = "status = 'published' AND (expires_at IS NULL OR expires_at > now())"


def total(page):
    m = re.search(r'<span class="count">([0-9 ,]+)</span> jobs', page.text)
    return int(m.group(1).replace(" ", "").replace(",", "")) if m else -1


def esc(t):
    """As the templates escape text."""
    return htmlmod.escape(t, quote=False).replace("'", "&#39;")


def within(city, km, words_where="true"):
    """Open postings whose city lies within km of city, by SQL alone."""
    return int(sql(
        "SELECT count(*) FROM posting x WHERE " + OPEN + " AND " +
        words_where + " AND x.city_id IN (SELECT c.id FROM city c, city o"
        " WHERE o.id = fj_city_id(:'p1') AND c.pos IS NOT NULL AND"
        " earth_distance(c.pos, o.pos) <= :p2 * 1000)", city, km)[0][0])


n30 = within("milano", 30)
n0 = int(sql("SELECT count(*) FROM posting WHERE " + OPEN +
             " AND city_id = fj_city_id('milano')")[0][0])
near_towns = sql("SELECT c.name FROM posting x JOIN city c ON c.id ="
                 " x.city_id, city o WHERE o.slug = 'milano' AND " + OPEN +
                 " AND c.id <> o.id AND earth_distance(c.pos, o.pos)"
                 " <= 30000 GROUP BY 1")
check("the seeded board has postings near Milano (%d towns)" %
      len(near_towns), len(near_towns) >= 2, str(near_towns))

r = http("/jobs?city=milano&km=30")
check("/jobs?city=milano&km=30 answers 200", r.status == 200, str(r.status))
check("/jobs?city=milano&km=30 counts every posting within 30 km (%d)" % n30,
      total(r) == n30, "%d shown" % total(r))
r0 = http("/jobs?city=milano")
check("without km, only Milano's own postings (%d < %d)" % (n0, n30),
      total(r0) == n0 and n0 < n30, "%d shown" % total(r0))
check("km=0 is the city alone",
      total(http("/jobs?city=milano&km=0")) == n0)
n10 = within("milano", 10)
check("km=10 counts fewer than km=30 (%d)" % n10,
      total(http("/jobs?city=Milan&km=10")) == n10 and n10 < n30)
check("the page title says the distance",
      "<title>Fashion jobs within 30 km of Milano" in r.text)
check("the city facet lists the towns in range",
      all(esc(t[0]) in r.text for t in near_towns),
      str(near_towns))

# Nearest first: Milano's own postings (no distance shown), then each
# town with its distance, never decreasing; Vimercate shows "22 km".
dists = []
vim = []
page = 1
while page <= 30:
    p = http("/jobs?city=milano&km=30&sort=distance&page=%d" % page)
    if p.status != 200 or not cards(p.text):
        break
    for c in cards(p.text):
        m = re.search(r"· (\d+) km$", c[2])
        dists.append(int(m.group(1)) if m else 0)
    vim += [c[2] for c in cards(p.text) if "VIMERCATE" in c[2].upper()]
    if 'rel="next"' not in p.text:
        break
    page += 1
check("a Vimercate posting shows its distance (%s)" % vim[:1],
      vim and re.search(r"VIMERCATE · 2[0-4] km$", vim[0], re.I)
      is not None, str(vim))
check("sort=distance lists %d postings, nearest first" % len(dists),
      len(dists) == n30 and dists == sorted(dists) and dists[-1] > 0,
      str(dists[-25:]))
check("sort=distance pages keep km and the sort in their links",
      re.search(r'href="/jobs\?city=milano&amp;km=30&amp;sort=distance'
                r'&amp;page=2"', http("/jobs?city=milano&km=30&sort=distance")
                .text) is not None)

# With words: the same cities, the matching postings only.
nq = within("milano", 50, "x.search @@ fj_tsquery('manager')")
check("/jobs?q=manager&city=milano&km=50 counts %d" % nq,
      total(http("/jobs?q=manager&city=milano&km=50")) == nq and nq > 0)
check("with words, sort=distance answers 200",
      http("/jobs?q=manager&city=milano&km=50&sort=distance").status == 200)

# Removing the city, or choosing another in the facets, drops the distance.
links = re.findall(r'href="([^"]+)"', r.text)
chip = [h for h in links if "km" not in h and h.startswith("/jobs")]
check("the filter chips remove the city with its distance",
      any(h == "/jobs" for h in chip), str(chip[:5]))
check("a chip removes the distance alone",
      any(h == "/jobs?city=milano" for h in links))

# Bad distances: 400 with a message, never 500.
for qs, why in (("city=milano&km=201", "over 200"),
                ("city=milano&km=-5", "negative"),
                ("city=milano&km=2.5", "not whole"),
                ("city=milano&km=abc", "not a number"),
                ("city=milano&km=0030", "four digits"),
                ("km=30", "no city"),
                ("city=milano&sort=distance", "sort=distance without km")):
    b = http("/jobs?" + qs)
    check("/jobs?%s answers 400 (%s)" % (qs, why), b.status == 400 and
          ("km" in b.text or "distance" in b.text), str(b.status))
check("a city page takes km", total(http("/cities/milano?km=30")) == n30)

# The API and the feeds.
rc = subprocess.run([os.environ["FJ_BIN"], "apikey", "create",
                     "test-distance-%d" % os.getpid()],
                    capture_output=True, text=True)
AUTH = {"Authorization": "Bearer " + rc.stdout.strip()}
f = http("/api/v1/facets?city=milano&km=30", headers=AUTH)
doc = f.json() if f.status == 200 else {}
check("/api/v1/facets?city=milano&km=30 totals %d" % n30,
      doc.get("total") == n30, str(doc.get("total")))
check("the API's city facet counts the towns",
      len(doc.get("facets", {}).get("city", [])) == len(near_towns) + 1,
      str(doc.get("facets", {}).get("city")))
f0 = http("/api/v1/facets?city=milano", headers=AUTH).json()
check("/api/v1/facets without km: Milano alone", f0.get("total") == n0)
bad = http("/api/v1/facets?city=milano&km=500", headers=AUTH)
check("/api/v1/facets?km=500 is a 400 problem naming km",
      bad.status == 400 and bad.json().get("parameter") == "km")
jf = http("/feed.json?city=milano&km=30&limit=100")
items = jf.json().get("items", []) if jf.status == 200 else []
check("/feed.json?city=milano&km=30 gives the postings in range",
      len(items) == min(100, n30) and
      "km=30" in jf.json().get("home_page_url", ""), str(len(items)))
for path in ("/jobs.rss", "/jobs.atom"):
    x = http(path + "?city=milano&km=30&limit=100")
    n = x.text.count("<item>") + x.text.count("<entry>")
    check("%s?city=milano&km=30 lists %d entries" % (path, min(100, n30)),
          x.status == 200 and n == min(100, n30), "%d %d" % (x.status, n))
    check("%s?km=900 answers 400" % path,
          http(path + "?city=milano&km=900").status == 400)

# A city page names its neighbours with open postings; the search form
# offers the distance; the footer credits GeoNames.
c = http("/cities/milano")
m = re.search(r'<p class="near">Also near Milano: (.*?)</p>', c.text)
check("the Milano page says which towns nearby have jobs",
      m is not None and all(esc(t[0]) in m.group(1)
                            for t in near_towns), c.text[:0])
check("the search form offers City only, 10, 30, 50 and 100 km",
      all('<option value="%s"' % v in c.text
          for v in ("", "10", "30", "50", "100")))
check("the search form keeps the distance chosen",
      '<option value="30" selected>' in r.text)
check("the footer credits GeoNames (CC BY 4.0)",
      'href="https://www.geonames.org/"' in c.text and "CC BY 4.0" in c.text)

# A place of the gazetteer with no posting yet is a centre too.
ncs = within("milano", 200)
ncer = int(sql("SELECT count(*) FROM posting x WHERE " + OPEN +
               " AND x.city_id IN (SELECT c.id FROM city c, place p"
               " WHERE p.key = 'cernusco sul naviglio' AND c.pos IS NOT NULL"
               " AND earth_distance(c.pos, ll_to_earth(p.lat, p.lng))"
               " <= 30000)")[0][0])
g = http("/jobs?city=" + urllib.parse.quote("Cernusco sul Naviglio") +
         "&km=30")
check("km from a gazetteer place that is no city of ours yet (%d)" % ncer,
      g.status == 200 and total(g) == ncer and ncer > 0,
      "%d %d" % (g.status, total(g)))
check("km=200 from Milano answers", total(http("/jobs?city=milano&km=200"))
      == ncs)

done()
