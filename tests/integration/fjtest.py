"""Shared helpers for the integration tests: HTTP against the real server
($BASE), psql against the real database ($DATABASE_URL), and one line per
check: "ok - name" or "not ok - name: why"."""

import email
import email.policy
from http.cookiejar import CookieJar
import glob
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
FAILED = 0


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def location(self):
        return self.headers.get("location") or ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


class Browser:
    """A client with its own cookie jar; redirects are not followed.  A
    request with data (a dict, form-encoded) or raw (bytes) is a POST."""

    def __init__(self):
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.jar))

    def req(self, path, data=None, headers=None, raw=None):
        body = raw
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
        h = {"content-type": "application/x-www-form-urlencoded"} \
            if body is not None else {}
        h.update(headers or {})
        r = urllib.request.Request(BASE + path, data=body, headers=h,
                                   method="POST" if body is not None
                                   else "GET")
        try:
            with self.opener.open(r, timeout=30) as f:
                return Response(f.status, f.headers, f.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def cookie(self, name):
        for c in self.jar:
            if c.name == name:
                return c.value
        return None

    def form(self, path):
        """GET a page; returns (response, csrf, form_token)."""
        r = self.req(path)
        return r, field(r.text, "csrf"), field(r.text, "form_token")


def field(html, name):
    """The value of the first input of that name."""
    m = re.search(r'name="%s" value="([^"]*)"' % name, html)
    return m.group(1) if m else None


def http(path, method="GET", data=None, headers=None):
    """One request, no redirects followed; never raises on HTTP errors."""
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers=headers or {})
    try:
        with _opener.open(req, timeout=20) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.headers, e.read())


def sql(query, *args):
    """Run SQL through psql with variables; returns rows of text."""
    cmd = ["psql", "-X", "-qAt", "-F", "\t", "-v", "ON_ERROR_STOP=1",
           os.environ["DATABASE_URL"]]
    for i, a in enumerate(args):
        cmd += ["-v", "p%d=%s" % (i + 1, a)]
    out = subprocess.run(cmd, input=query, capture_output=True, text=True,
                         check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def sample_pages():
    """(posting, company, city): the path parts after /jobs/, /companies/
    and /cities/ of the first open posting and of the first company and
    city with published postings."""
    return (sql("SELECT id || '-' || slug FROM posting WHERE status ="
                " 'published' AND NOT fj_expired(expires_at)"
                " ORDER BY id LIMIT 1")[0][0],
            sql("SELECT co.slug FROM company co WHERE EXISTS (SELECT 1 FROM"
                " posting p WHERE p.company_id = co.id AND p.status ="
                " 'published') ORDER BY co.id LIMIT 1")[0][0],
            sql("SELECT ci.slug FROM city ci WHERE EXISTS (SELECT 1 FROM"
                " posting p WHERE p.city_id = ci.id AND p.status ="
                " 'published') ORDER BY ci.id LIMIT 1")[0][0])


def check(name, cond, why=""):
    global FAILED
    if cond:
        print("ok - " + name)
    else:
        FAILED += 1
        print("not ok - %s%s" % (name, ": " + why if why else ""))
    sys.stdout.flush()


def done():
    sys.exit(1 if FAILED else 0)


def cards(html):
    """(company, title, meta) of every card on a page, tags stripped."""
    out = []
    for m in re.finditer(r'<li class="card">(.*?)</li>', html, re.S):
        c = m.group(1)

        def field(cls):
            f = re.search(r'<span class="%s"[^>]*>(.*?)</span>(?=\s*<span|\s*<time)'
                          % cls, c, re.S)
            return re.sub(r"<[^>]+>", "", f.group(1)).strip() if f else ""
        out.append((field("company"), field("title"), field("meta")))
    return out


FJ_BIN = os.environ.get("FJ_BIN", "bin/fashionjobs")


def mail_send(env=None):
    """bin/fashionjobs mail --once; returns the CompletedProcess."""
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([FJ_BIN, "mail", "--once"], capture_output=True,
                          text=True, env=e, timeout=120)


def mails_to(addr):
    """Every message the test SMTP server got for addr, oldest first, as
    email.message.EmailMessage (with .envelope_to)."""
    out = []
    for name in sorted(glob.glob(os.path.join(os.environ["FJ_MAIL_DIR"],
                                              "*.eml"))):
        with open(name, "rb") as f:
            m = email.message_from_binary_file(f, policy=email.policy.default)
        if m["X-Envelope-To"] == "<%s>" % addr:
            m.raw_path = name
            out.append(m)
    return out


def mail_text(m):
    return m.get_body(("plain",)).get_content()


def confirm_path(addr):
    """Send the outbox, then the path of the newest confirmation link
    mailed to addr (None if there is none)."""
    mail_send()
    for m in reversed(mails_to(addr)):
        g = re.search(r"(/recruiter/confirm\?token=[0-9a-f]{64})",
                      mail_text(m))
        if g:
            return g.group(1)
    return None
