"""Saved jobs over HTTP, no JavaScript and no account: the Save form of a
card and of a posting page, /saved with each posting's state (a closed
one says so), remove, one list per browser, and the refusals."""

from http.cookiejar import CookieJar
import re
import urllib.error
import urllib.parse
import urllib.request

from fjtest import BASE, check, done, http, sql


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.jar))

    def req(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() \
            if data is not None else None
        h = {"content-type": "application/x-www-form-urlencoded"} \
            if body is not None else {}
        h.update(headers or {})
        r = urllib.request.Request(BASE + path, data=body, headers=h)
        try:
            with self.opener.open(r, timeout=30) as f:
                return f.status, f.headers, f.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode()


def saved_titles(html):
    return re.findall(r'<span class="title"[^>]*>([^<]*)</span>', html)


rows = sql("SELECT id, title FROM posting WHERE status = 'published' AND "
           "NOT fj_expired(expires_at) ORDER BY id DESC LIMIT 2")
(a_id, a_title), (b_id, b_title) = rows[0], rows[1]

page = http("/jobs")
check("every card has a Save form for its posting", page.status == 200 and
      len(re.findall(r'<form method="post" action="/saved" class="save">'
                     r'<input type="hidden" name="job" value="\d+">',
                     page.text)) == page.text.count('<li class="card">') > 0)
slug = sql("SELECT slug FROM posting WHERE id = :'p1'", a_id)[0][0]
pg = http("/jobs/%s-%s" % (a_id, slug))
check("the posting page has a Save form", pg.status == 200 and
      'name="job" value="%s"' % a_id in pg.text)

b = Browser()
st, h, body = b.req("/saved")
check("/saved with no cookie: an empty list", st == 200 and
      "No saved job yet" in body and h.get("cache-control") == "no-store")
st, h, body = b.req("/saved", {"job": a_id})
cookie = [c for c in b.jar if c.name == "fj_saved"]
check("Save: 303 to /saved and a list cookie (HttpOnly, SameSite=Lax)",
      st == 303 and h.get("location") == "/saved" and len(cookie) == 1 and
      "HttpOnly" in h.get("set-cookie", "") and
      "SameSite=Lax" in h.get("set-cookie", ""), "%d %s" % (st, h))
b.req("/saved", {"job": b_id})
b.req("/saved", {"job": a_id})
st, h, body = b.req("/saved")
check("/saved lists both, newest saved first, each once",
      saved_titles(body) == [b_title, a_title], repr(saved_titles(body)))
check("an open posting says so, with a Remove button",
      "Open" in body and 'value="remove"' in body)
check("the list is not kept in the cookie: only a hash of its token is "
      "stored", sql("SELECT count(*) FROM saved_list WHERE token_hash = "
                    "sha256(convert_to(:'p1', 'UTF8'))",
                    cookie[0].value) == [["1"]])

st, h, body = Browser().req("/saved")
check("another browser has its own (empty) list",
      saved_titles(body) == [])

sql("UPDATE posting SET status = 'closed', closed_at = now() WHERE id = "
    ":'p1'", b_id)
st, h, body = b.req("/saved")
check("a closed posting stays in the list and says it is closed",
      saved_titles(body) == [b_title, a_title] and
      "No longer open (closed)" in body, body[-800:])
sql("UPDATE posting SET status = 'published', closed_at = NULL WHERE id = "
    ":'p1'", b_id)

st, h, body = b.req("/saved", {"job": b_id, "action": "remove"})
st2, h2, body = b.req("/saved")
check("Remove: 303, and the posting leaves the list",
      st == 303 and saved_titles(body) == [a_title])

st, h, body = b.req("/saved", {"job": "99999999999"})
check("an unknown posting: 404", st == 404)
st, h, body = b.req("/saved", {"job": "x"})
check("a malformed id: 400", st == 400)
st, h, body = b.req("/saved", {"job": b_id},
                    headers={"origin": "https://evil.example"})
st2, h2, body2 = b.req("/saved")
check("a POST from another site's page: 403, nothing saved",
      st == 403 and saved_titles(body2) == [a_title])
done()
