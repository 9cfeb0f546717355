"""Recruiters and moderators over HTTP: accounts, sessions, CSRF, the
posting form and its checks, moderation, the posting lifecycle, apply
clicks, rate limits, and the attacks each of them must survive."""

import hashlib
import os
import re
import socket
import subprocess
import time
import urllib.parse

from fjtest import (BASE, Browser, check, confirm_path, done, field, http,
                    mail_send, mail_text, mails_to, sql)

RUN = "%d%d" % (os.getpid(), int(time.time()) % 100000)
PASSWORD = "velvet runway 2031"


def error_for(html, name):
    m = re.search(r'id="%s-error">([^<]*)<' % name, html)
    return m.group(1) if m else ""


def signup_only(b, email, password=PASSWORD):
    """The sign-up form's POST: the "check your e-mail" page."""
    _, csrf, _ = b.form("/recruiter/signup")
    return b.req("/recruiter/signup", {"csrf": csrf, "email": email,
                                       "password": password,
                                       "password2": password})


def confirm(b, path):
    """Open a confirmation link and press its button."""
    r, csrf, _ = b.form(path)
    return b.req("/recruiter/confirm", {"csrf": csrf,
                                        "token": field(r.text, "token")})


def signup(b, email, password=PASSWORD):
    """Sign up, get the link through the real mail, follow it: the
    answer is the 303 that signs the recruiter in."""
    signup_only(b, email, password)
    return confirm(b, confirm_path(email))


def same_page(a, b, *echoed):
    """Two pages with CSRF tokens and the echoed values blanked."""
    def norm(r):
        t = re.sub(r'value="[0-9a-f]{64}"', 'value=""', r.text)
        for e in echoed:
            t = t.replace(e, "ECHO")
        return t
    return norm(a) == norm(b)


def login(b, email, password=PASSWORD, headers=None):
    _, csrf, _ = b.form("/recruiter/login")
    return b.req("/recruiter/login", {"csrf": csrf, "email": email,
                                      "password": password}, headers)


def make_company(b, name):
    _, csrf, _ = b.form("/recruiter/company")
    return b.req("/recruiter/company", {
        "csrf": csrf, "name": name, "website": "https://example.com/",
        "description": "Ateliers in Milan.\nSince 1921."})


def job(**over):
    d = {"title": "Visual Merchandiser", "contract": "permanent",
         "schedule": "full_time", "remote": "onsite", "city": "Mailand",
         "country": "", "lang": "en",
         "description": "We are hiring a visual merchandiser.\n\n"
                        "- Dress the windows\n- Train the team\n",
         "apply_url": "https://careers.example.com/vm-" + RUN,
         "apply_email": "", "salary_min": "32000", "salary_max": "38000",
         "salary_currency": "EUR", "salary_period": "year", "expires": ""}
    d.update(over)
    return d


def post_job(b, action="publish", path="/recruiter/jobs/new", **over):
    r, csrf, token = b.form(path)
    data = job(**over)
    data.update({"csrf": csrf, "form_token": token, "action": action})
    return b.req(path, data), data


def status_of(pid):
    return sql("SELECT status FROM posting WHERE id = %d" % int(pid))[0][0]


def newest(email):
    rows = sql("SELECT p.id FROM posting p JOIN account a ON"
               " a.id = p.account_id WHERE a.email = :'p1'"
               " ORDER BY p.id DESC LIMIT 1", email)
    return int(rows[0][0]) if rows else None


def admin_act(b, **data):
    _, csrf, _ = b.form("/admin")
    data["csrf"] = csrf
    return b.req("/admin", data)


fj = os.environ.get("FJ_BIN", "bin/fashionjobs")
sql("DELETE FROM login_attempt")

# --- CLI: administrators ----------------------------------------------
admin_email = "boss-%s@example.com" % RUN
p = subprocess.run([fj, "admin", "create", admin_email],
                   input="password123\n", capture_output=True, text=True)
check("cli: a common password is refused", p.returncode == 2 and
      "common" in p.stderr, p.stderr)
p = subprocess.run([fj, "admin", "create", admin_email],
                   input=PASSWORD + "\n", capture_output=True, text=True)
check("cli: admin create", p.returncode == 0, p.stderr)
p = subprocess.run([fj, "admin", "create", admin_email],
                   input=PASSWORD + "\n", capture_output=True, text=True)
check("cli: admin create twice fails", p.returncode != 0)
row = sql("SELECT role, password_hash FROM account WHERE email = :'p1'",
          admin_email)[0]
check("cli: stored as argon2id with OWASP costs", row[0] == "admin" and
      row[1].startswith("$argon2id$v=19$m=19456,t=2,p=1$"), row[1])

# --- Sign-up -------------------------------------------------------------
anon = Browser()
r = anon.req("/recruiter")
check("dashboard signed out redirects to log-in", r.status == 303 and
      r.location().endswith("/recruiter/login"), "%d %s" %
      (r.status, r.location()))
r = anon.req("/admin")
check("admin signed out redirects to log-in", r.status == 303)
r = anon.req("/recruiter/jobs/new")
check("job form signed out redirects to log-in", r.status == 303)

alice = Browser()
alice_email = "alice-%s@example.com" % RUN
r, csrf, _ = alice.form("/recruiter/signup")
check("sign-up page", r.status == 200 and csrf and len(csrf) == 64)
sc = r.headers.get("set-cookie") or ""
check("anonymous CSRF cookie is HttpOnly and SameSite=Lax",
      "HttpOnly" in sc and "SameSite=Lax" in sc, sc)
r = alice.req("/recruiter/signup", {"email": alice_email,
                                    "password": PASSWORD,
                                    "password2": PASSWORD})
check("sign-up without CSRF token: 403", r.status == 403, str(r.status))
r = Browser().req("/recruiter/signup", {"csrf": csrf, "email": alice_email,
                                        "password": PASSWORD,
                                        "password2": PASSWORD})
check("sign-up with a token but not its cookie: 403", r.status == 403)
r = alice.req("/recruiter/signup", {"csrf": csrf, "email": "not-an-email",
                                    "password": PASSWORD,
                                    "password2": PASSWORD})
check("sign-up with a bad e-mail: 400 with a message", r.status == 400 and
      "e-mail address such as" in error_for(r.text, "email"))
check("sign-up keeps the e-mail typed", 'value="not-an-email"' in r.text)
check("sign-up never echoes the password", PASSWORD not in r.text)
r = alice.req("/recruiter/signup", {"csrf": csrf, "email": alice_email,
                                    "password": "short",
                                    "password2": "short"})
check("sign-up with a short password: 400", r.status == 400 and
      "10 characters" in error_for(r.text, "password"))
r = alice.req("/recruiter/signup", {"csrf": csrf, "email": alice_email,
                                    "password": "Password123",
                                    "password2": "Password123"})
check("sign-up with a common password: 400", r.status == 400 and
      "common" in error_for(r.text, "password"))
r = alice.req("/recruiter/signup", {"csrf": csrf, "email": alice_email,
                                    "password": PASSWORD,
                                    "password2": PASSWORD + "x"})
check("sign-up with different passwords: 400", r.status == 400 and
      "differ" in error_for(r.text, "password2"))
r = signup_only(alice, alice_email)
check("sign-up: 200, check your e-mail", r.status == 200 and
      "Check your e-mail to continue" in r.text, "%d" % r.status)
check("sign-up signs nobody in before the link",
      alice.cookie("fj_session") is None and not
      sql("SELECT 1 FROM account WHERE email = :'p1'", alice_email))
pend = sql("SELECT encode(token_hash, 'hex'),"
           " extract(epoch FROM expires_at - created_at)::int,"
           " password_hash FROM signup_pending WHERE email = :'p1'",
           alice_email)
check("sign-up is pending for 24 hours, password hashed", len(pend) == 1 and
      pend[0][1] == "86400" and pend[0][2].startswith("$argon2id$"),
      repr(pend))
q = sql("SELECT kind, sent_at IS NULL FROM mail_outbox WHERE to_addr ="
        " :'p1'", alice_email)
check("a confirmation mail waits in the outbox",
      q == [["signup_confirm", "t"]], repr(q))
p = mail_send()
check("mail --once sends it", p.returncode == 0, p.stderr)
ms = mails_to(alice_email)
check("the confirmation mail arrived, once", len(ms) == 1, str(len(ms)))
m = ms[0] if ms else {}
check("mail headers: From, To, Subject, Date, Message-ID, MIME",
      ms and m["Subject"] == "Confirm your recruiter account on fashionjobs"
      and alice_email in m["To"] and "@" in m["From"] and
      m["Date"] and re.match(r"<mail-\d+\.[0-9a-f]+@", m["Message-ID"]) and
      m["MIME-Version"] == "1.0" and
      m.get_content_type() == "text/plain" and
      m.get_content_charset() == "utf-8", str(m)[:400] if ms else "")
raw = open(m.raw_path, "rb").read() if ms else b""
check("mail lines end in CRLF", raw and b"\n" not in raw.replace(b"\r\n", b""))
link = re.search(r"/recruiter/confirm\?token=([0-9a-f]{64})",
                 mail_text(m)) if ms else None
check("the mail has the confirmation link", link is not None)
link_token = link.group(1) if link else ""
check("only the link token's SHA-256 is stored", pend and pend[0][0] ==
      hashlib.sha256(link_token.encode()).hexdigest())
check("the sent mail's body is gone from the outbox", not sql(
    "SELECT 1 FROM mail_outbox WHERE position(:'p1' in body) > 0",
    link_token) and sql("SELECT sent_at IS NOT NULL, attempts FROM"
                        " mail_outbox WHERE to_addr = :'p1'",
                        alice_email) == [["t", "1"]])
path = "/recruiter/confirm?token=" + link_token
r, ccsrf, _ = alice.form(path)
check("the link shows a confirm button", r.status == 200 and
      field(r.text, "token") == link_token and alice_email in r.text)
check("opening the link alone creates nothing", not sql(
    "SELECT 1 FROM account WHERE email = :'p1'", alice_email))
r = alice.req("/recruiter/confirm", {"token": link_token})
check("confirm without CSRF token: 403", r.status == 403, str(r.status))
r = alice.req("/recruiter/confirm", {"csrf": ccsrf, "token": link_token})
check("confirm: 303 to the company profile", r.status == 303 and
      r.location().endswith("/recruiter/company"), r.location())
sc = r.headers.get("set-cookie") or ""
check("session cookie: HttpOnly, SameSite=Lax, Path=/, Max-Age, no Domain",
      re.match(r"fj_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Lax;"
               r" Max-Age=\d+$", sc) is not None, sc)
token = alice.cookie("fj_session")
stored = sql("SELECT encode(s.token_hash, 'hex') FROM session s JOIN account"
             " a ON a.id = s.account_id WHERE a.email = :'p1'", alice_email)
check("only the token's SHA-256 is stored", stored and stored[0][0] ==
      hashlib.sha256(token.encode()).hexdigest() and
      not sql("SELECT 1 FROM session WHERE encode(token_hash, 'escape')"
              " = :'p1'", token))
r = alice.req("/recruiter/confirm", {"csrf": ccsrf, "token": link_token})
check("a second click: 410, the link was used", r.status == 410 and
      "used already" in r.text, str(r.status))
r = Browser().req(path)
check("the used link, opened again: 410", r.status == 410 and
      "used already" in r.text and 'name="token"' not in r.text)
check("one account for the address", sql(
    "SELECT count(*) FROM account WHERE lower(email) = lower(:'p1')",
    alice_email) == [["1"]])
r = login(Browser(), alice_email)
check("the confirmed recruiter logs in", r.status == 303, str(r.status))

# The same answer whether or not the address has an account.
carol_email = "carol-%s@example.com" % RUN
t0 = time.monotonic()
r_new = signup_only(Browser(), carol_email)
t_new = time.monotonic() - t0
t0 = time.monotonic()
r_known = signup_only(Browser(), alice_email.upper(), "another pass 2040")
t_known = time.monotonic() - t0
check("sign-up with a known address: the same status and page",
      r_new.status == r_known.status == 200 and
      same_page(r_new, r_known, carol_email, alice_email.upper()),
      "%d %d" % (r_new.status, r_known.status))
check("sign-up with a known address: the same headers",
      sorted(r_new.headers.keys()) == sorted(r_known.headers.keys()))
check("sign-up takes as long either way (the password is hashed)",
      t_known > t_new / 3 and t_new > t_known / 3,
      "%.3f s, %.3f s" % (t_new, t_known))
mail_send()
ms = mails_to(alice_email.upper())
check("the known address gets an 'account exists' mail", len(ms) == 1 and
      ms[0]["Subject"] == "Your recruiter account on fashionjobs" and
      "/recruiter/login" in mail_text(ms[0]) and
      "confirm?token" not in mail_text(ms[0]), str(len(ms)))
check("the known address: no second account, no pending sign-up",
      sql("SELECT count(*) FROM account WHERE lower(email) ="
          " lower(:'p1')", alice_email) == [["1"]] and not
      sql("SELECT 1 FROM signup_pending WHERE email = :'p1'",
          alice_email.upper()))
r = login(Browser(), alice_email)
check("the known address keeps its password", r.status == 303)
check("the new address gets a confirmation link",
      confirm_path(carol_email) is not None)

# At most signup_mails_per_hour mails to one address, same answer.
dave_email = "dave-%s@example.com" % RUN
pages = [signup_only(Browser(), dave_email) for _ in range(5)]
check("repeated sign-ups: the same page every time",
      all(x.status == 200 and same_page(x, pages[0]) for x in pages))
check("repeated sign-ups: at most 3 mails and pending sign-ups an hour",
      sql("SELECT count(*) FROM mail_outbox WHERE to_addr = :'p1'",
          dave_email) == [["3"]] and
      sql("SELECT count(*) FROM signup_pending WHERE email = :'p1'",
          dave_email) == [["3"]])

# Expired and unknown links.
erin_email = "erin-%s@example.com" % RUN
signup_only(Browser(), erin_email)
epath = confirm_path(erin_email)
sql("UPDATE signup_pending SET expires_at = now() - interval '1 second'"
    " WHERE email = :'p1'", erin_email)
erin = Browser()
r = erin.req(epath)
check("an expired link: 410 with a clear page", r.status == 410 and
      "expired" in r.text and 'name="token"' not in r.text, str(r.status))
_, ecsrf, _ = erin.form("/recruiter/signup")
r = erin.req("/recruiter/confirm", {"csrf": ecsrf, "token": epath[-64:]})
check("an expired link cannot create the account", r.status == 410 and
      not sql("SELECT 1 FROM account WHERE email = :'p1'", erin_email))
r = http("/recruiter/confirm?token=" + "0" * 64)
check("an unknown link: 404", r.status == 404 and "not valid" in r.text)
r = http("/recruiter/confirm?token=<script>")
check("a malformed link: 404, nothing echoed", r.status == 404 and
      "<script>" not in r.text)

# --- Mail: the sender -----------------------------------------------------
sql("INSERT INTO mail_outbox (kind, to_addr, subject, body) VALUES"
    " ('test', :'p1', 'down', 'x')", "nosmtp-%s@example.com" % RUN)
p = mail_send({"FJ_SMTP_URL": "smtp://127.0.0.1:1"})
q = sql("SELECT sent_at IS NULL, attempts, last_error <> '',"
        " next_attempt_at > now() FROM mail_outbox WHERE to_addr = :'p1'",
        "nosmtp-%s@example.com" % RUN)
check("no SMTP server: the mail waits with the error, tried later",
      p.returncode == 1 and q == [["t", "1", "t", "t"]], repr(q))
sql("DELETE FROM mail_outbox WHERE to_addr = :'p1'",
    "nosmtp-%s@example.com" % RUN)
odd = "odd-%s@example.com" % RUN
body = "Line one\n.\n..two dots\n.leading dot\ncaf\u00e9 = ok  \nend\n"
subject = "Offre sp\u00e9ciale \u2014 \u00e9t\u00e9 " + "x" * 60
sql("INSERT INTO mail_outbox (kind, to_addr, subject, body) VALUES"
    " ('test', :'p1', :'p2', :'p3')", odd, subject, body)
mail_send()
ms = mails_to(odd)
check("dot lines, '=', trailing spaces and UTF-8 arrive intact",
      len(ms) == 1 and mail_text(ms[0]) == body,
      repr(mail_text(ms[0])) if ms else "none")
check("a non-ASCII subject arrives intact (RFC 2047)",
      ms and ms[0]["Subject"] == subject and
      b"=?UTF-8?B?" in open(ms[0].raw_path, "rb").read())
for bad in (("a@example.com\r\nBcc: x@example.com", "s"),
            ("a@example.com", "s\r\nBcc: x@example.com")):
    try:
        sql("INSERT INTO mail_outbox (kind, to_addr, subject, body) VALUES"
            " ('test', :'p1', :'p2', 'x')", *bad)
        ok = False
    except subprocess.CalledProcessError:
        ok = True
    check("the outbox refuses CR/LF in an address or subject", ok)
bulk = ["bulk%d-%s@example.com" % (i, RUN) for i in range(30)]
for b_ in bulk:
    sql("INSERT INTO mail_outbox (kind, to_addr, subject, body) VALUES"
        " ('test', :'p1', 'bulk', 'one of thirty')", b_)
procs = [subprocess.Popen([os.environ.get("FJ_BIN", "bin/fashionjobs"),
                           "mail", "--once"]) for _ in range(2)]
rcs = [x.wait(timeout=120) for x in procs]
got = [len(mails_to(b_)) for b_ in bulk]
check("two senders at once send each mail exactly once",
      rcs == [0, 0] and got == [1] * 30, "%r %r" % (rcs, got))

# --- Company profile -----------------------------------------------------
r = alice.req("/recruiter/jobs/new")
check("job form without a company goes to the profile", r.status == 303 and
      r.location().endswith("/recruiter/company"))
taken = sql("SELECT name FROM company WHERE NOT EXISTS (SELECT 1 FROM"
            " account WHERE company_id = company.id) LIMIT 1")[0][0]
r = make_company(alice, taken)
check("another company's name is refused: 400", r.status == 400 and
      "already" in error_for(r.text, "name"), error_for(r.text, "name"))
_, csrf, _ = alice.form("/recruiter/company")
r = alice.req("/recruiter/company", {"csrf": csrf, "name": "Atelier X",
                                     "website": "javascript:alert(1)"})
check("company website must be http(s): 400", r.status == 400 and
      "https://" in error_for(r.text, "website"))
company = "Atelier Alice %s S.r.l." % RUN
r = make_company(alice, company)
check("company profile saved", r.status == 303, str(r.status))
co = sql("SELECT slug, website, replace(description, E'\\n', '|'),"
         " is_agency FROM company"
         " WHERE name = :'p1'", company)
check("company stored with website and description", co and
      co[0][1] == "https://example.com/" and "1921" in co[0][2])
r = http("/companies/" + co[0][0])
check("public company page shows the profile", r.status == 200 and
      "https://example.com/" in r.text and "Since 1921." in r.text)
_, csrf, _ = alice.form("/recruiter/company")
r = alice.req("/recruiter/company", {"csrf": csrf, "name": company,
                                     "website": "https://example.com/",
                                     "is_agency": "on"})
check("company profile update (agency flag)", r.status == 303 and
      sql("SELECT is_agency FROM company WHERE name = :'p1'",
          company)[0][0] == "t")

# --- Posting form: checks --------------------------------------------------
r, csrf, token = alice.form("/recruiter/jobs/new")
check("job form shows the city datalist", r.status == 200 and
      '<datalist id="cities">' in r.text and 'value="Milano"' in r.text)
check("job form: contracts labelled from contract_type",
      'value="permanent"' in r.text and "Permanent" in r.text)
check("job form has a fresh idempotency token", token and len(token) == 64)
r2, _, token2 = alice.form("/recruiter/jobs/new")
check("each render has its own token", token2 != token)

bad_cases = [
    ("missing title", {"title": ""}, "title", "required"),
    ("overlong title", {"title": "x" * 121}, "title", "limited to 120"),
    ("bad apply e-mail", {"apply_url": "", "apply_email": "jobs@"},
     "apply_email", "e-mail address"),
    ("javascript: apply URL", {"apply_url": "javascript:alert(1)"},
     "apply_url", "https://"),
    ("data: apply URL", {"apply_url": "data:text/html,<b>x</b>"},
     "apply_url", "https://"),
    ("no way to apply", {"apply_url": "", "apply_email": ""}, "apply_url",
     "apply link or an e-mail"),
    ("salary min > max", {"salary_min": "50000", "salary_max": "40000"},
     "salary_max", "below the minimum"),
    ("salary without currency", {"salary_currency": ""}, "salary_currency",
     "currency"),
    ("expiry in the past", {"expires": "2001-01-01"}, "expires", "past"),
    ("expiry beyond 90 days", {"expires": "2999-01-01"}, "expires",
     "90 days"),
    ("malformed expiry", {"expires": "31/12/2030"}, "expires", "YYYY-MM-DD"),
    ("unknown contract", {"contract": "slavery"}, "contract", "list"),
    ("missing city on site", {"city": ""}, "city", "required"),
    ("bad country", {"country": "Italy"}, "country", "limited to 2"),
    ("unknown city without a country", {"city": "Zzyzxville " + RUN},
     "country", "do not know this city"),
    ("fully remote without a city or country", {"remote": "remote",
     "city": ""}, "country", "Give the country"),
    ("short description", {"description": "Nice job"}, "description",
     "30 characters"),
    ("overlong description", {"description": "x" * 20001}, "description",
     "limited to 20000"),
]
for name, over, fld, want in bad_cases:
    r, data = post_job(alice, **over)
    check("job form %s: 400 with a message" % name, r.status == 400 and
          want in error_for(r.text, fld), "%d %r" %
          (r.status, error_for(r.text, fld)))
r, data = post_job(alice, title="Keep Me Typed", city="Zzyzxville " + RUN)
check("job form without a country keeps the input",
      'value="Keep Me Typed"' in r.text and
      'value="Zzyzxville %s"' % RUN in r.text and
      "Dress the windows" in r.text)
r, data = post_job(alice, title="Keep Me Typed", apply_url="javascript:x")
check("job form keeps the input on error", 'value="Keep Me Typed"' in
      r.text and "Dress the windows" in r.text)
check("nothing was saved by the failed submits",
      newest(alice_email) is None)

r, csrf, token = alice.form("/recruiter/jobs/new")
data = job(form_token=token, action="publish")
r = alice.req("/recruiter/jobs/new", data)
check("job POST without CSRF token: 403", r.status == 403, str(r.status))
data["csrf"] = "0" * 64
r = alice.req("/recruiter/jobs/new", data)
check("job POST with a wrong CSRF token: 403", r.status == 403)
r = anon.req("/recruiter/jobs/new", data)
check("job POST signed out: 403", r.status == 403)

r = alice.req("/recruiter/jobs/new",
              raw=b"csrf=x&title=%C3%28bad&description=x")
check("invalid UTF-8: 400", r.status == 400 and "UTF-8" in r.text)
r = alice.req("/recruiter/jobs/new", raw=b"title=" + b"a" * 300000)
check("body above the form limit: 413", r.status == 413, str(r.status))
u = urllib.parse.urlparse(BASE)
with socket.create_connection((u.hostname, u.port), timeout=10) as s:
    s.sendall(b"POST /recruiter/jobs/new HTTP/1.1\r\nHost: x\r\n"
              b"Content-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 1100000\r\n\r\ntitle=")
    head = s.recv(200).decode("latin-1")
check("body above http_body_max: 413 before it is sent",
      head.startswith("HTTP/1.1 413"), head[:40])
r = alice.req("/recruiter/jobs/new", raw=b"title=x",
              headers={"content-type": "multipart/form-data; boundary=x"})
check("other body types: 415", r.status == 415, str(r.status))

# --- Preview, publish, idempotency ------------------------------------------
xss = "<script>alert(1)</script> Window Dresser (H/F)"
r, data = post_job(alice, action="preview", title=xss)
check("preview: 200", r.status == 200, str(r.status))
check("preview shows the canonical city for an alias",
      "Shown as: Milano" in r.text)
r, _ = post_job(alice, action="preview", city="Milano (MI)")
check("preview shows the canonical city for a qualified label",
      "Shown as: Milano" in r.text)
r, _ = post_job(alice, action="preview", city="Paris, Texas")
check("preview: Paris, Texas is not shown as Paris",
      "Shown as: Paris</small>" not in r.text and "Paris, Texas" in r.text)
r, data = post_job(alice, action="preview", title=xss)
check("preview renders paragraphs and lists",
      "<li>Dress the windows</li>" in r.text)
check("preview escapes the title", "<script>alert(1)</script>" not in
      r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text)
check("preview offers the submit button", 'value="publish"' in r.text)
data["action"] = "publish"
data["form_token"] = field(r.text, "form_token")
r1 = alice.req("/recruiter/jobs/new", data)
r2 = alice.req("/recruiter/jobs/new", data)
check("submit: 303 to the dashboard", r1.status == 303 and
      "done=submitted" in r1.location(), r1.location())
n = sql("SELECT count(*) FROM posting p JOIN account a ON a.id ="
        " p.account_id WHERE a.email = :'p1'", alice_email)[0][0]
check("a double submit creates one posting", n == "1" and
      r2.status == 303, n)
pid = newest(alice_email)
row = sql("SELECT status, title, title_raw, city_name, country,"
          " replace(description, E'\\n', '|'),"
          " expires_at::date - now()::date FROM posting"
          " WHERE id = %d" % pid)[0]
check("new posting is pending", row[0] == "pending", row[0])
check("title cleaned by norm_title, raw kept",
      row[1] == "<script>alert(1)</script> Window Dresser" and
      row[2] == xss, repr(row[1:3]))
check("city alias stored as canonical, country from the city",
      row[3] == "Milano" and row[4] == "IT", repr(row[3:5]))
check("multi-line description round-trips", row[5] ==
      "We are hiring a visual merchandiser.||- Dress the windows|"
      "- Train the team", row[5])
check("expiry defaults to 30 days", row[6] in ("30", "31"), row[6])
r = http("/jobs/%d" % pid)
check("a pending posting is not public", r.status == 404, str(r.status))
r = alice.req("/recruiter")
check("dashboard lists it as waiting for review",
      "Waiting for review" in r.text and
      "&lt;script&gt;" in r.text and "<script>alert" not in r.text)

# --- Another recruiter -------------------------------------------------------
bob = Browser()
bob_email = "bob-%s@example.com" % RUN
signup(bob, bob_email)
make_company(bob, "Bob Couture %s" % RUN)
r = bob.req("/recruiter/jobs/%d/edit" % pid)
check("another recruiter's posting cannot be opened: 404",
      r.status == 404, str(r.status))
r, data = post_job(bob, path="/recruiter/jobs/%d/edit" % pid,
                   title="Hijacked")
r, csrf, _ = bob.form("/recruiter")
r = bob.req("/recruiter/jobs/%d/edit" % pid,
            job(title="Hijacked", csrf=csrf, action="publish",
                form_token="a" * 64))
check("another recruiter's posting cannot be edited: 404",
      r.status == 404, str(r.status))
r = bob.req("/recruiter/jobs/%d/edit" % pid, {"csrf": csrf,
                                               "action": "close"})
check("another recruiter's posting cannot be closed: 404",
      r.status == 404, str(r.status))
check("the posting is unchanged", status_of(pid) == "pending" and
      "Hijacked" not in sql("SELECT title FROM posting WHERE id = %d" %
                            pid)[0][0])
r = bob.req("/admin")
check("a recruiter on /admin: 403", r.status == 403, str(r.status))
r = bob.req("/admin", {"csrf": csrf, "action": "approve", "id": str(pid)})
check("a recruiter cannot approve: 403", r.status == 403 and
      status_of(pid) == "pending")

# --- Moderation ------------------------------------------------------------
boss = Browser()
r = login(boss, admin_email)
check("administrator logs in to /admin", r.status == 303 and
      r.location().endswith("/admin"), r.location())
r = boss.req("/admin")
check("admin queue lists the pending posting", r.status == 200 and
      'data-id="%d"' % pid in r.text and "&lt;script&gt;" in r.text and
      "<script>alert" not in r.text)
r = admin_act(boss, action="reject", id=str(pid), reason="")
check("rejecting needs a reason: 400", r.status == 400 and
      status_of(pid) == "pending")
r = admin_act(boss, action="reject", id=str(pid),
              reason="Please add the <b>salary</b> & team size")
check("reject with a reason", r.status == 303 and
      status_of(pid) == "rejected")
r = alice.req("/recruiter")
check("the recruiter sees the reason, escaped",
      "Rejected" in r.text and "&lt;b&gt;salary&lt;/b&gt; &amp; team" in
      r.text)
r, data = post_job(alice, path="/recruiter/jobs/%d/edit" % pid,
                   title=xss, city="Zzyzxville " + RUN)
check("an edit to an unknown city without a country: 400, nothing saved",
      r.status == 400 and "country" in error_for(r.text, "country") and
      sql("SELECT city_name FROM posting WHERE id = %d" % pid)[0][0] ==
      "Milano", "%d %r" % (r.status, error_for(r.text, "country")))
r, data = post_job(alice, path="/recruiter/jobs/%d/edit" % pid,
                   title=xss, city="Zzyzxville " + RUN, country="pt")
check("an unknown city with a country is saved with it",
      r.status == 303 and sql("SELECT city_name || ' ' || country FROM"
      " posting WHERE id = %d" % pid)[0][0] == "Zzyzxville %s PT" % RUN,
      str(r.status))
r, data = post_job(alice, path="/recruiter/jobs/%d/edit" % pid,
                   title=xss, salary_max="39000")
check("editing a rejected posting resubmits it", r.status == 303 and
      status_of(pid) == "pending", "%d %s" % (r.status, status_of(pid)))
r = admin_act(boss, action="approve", id=str(pid))
check("approve", r.status == 303 and status_of(pid) == "published")
r = admin_act(boss, action="approve", id=str(pid))
check("approving twice: 409", r.status == 409, str(r.status))
check("moderation is logged", int(sql(
    "SELECT count(*) FROM moderation WHERE posting_id = %d" % pid)[0][0])
    == 2)

slug = sql("SELECT slug FROM posting WHERE id = %d" % pid)[0][0]
r = http("/jobs/%d-%s" % (pid, slug))
check("published posting is public and escaped", r.status == 200 and
      "<script>alert(1)</script>" not in r.text and
      "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text)
check("the apply link counts clicks", 'href="/jobs/%d/apply"' % pid in
      r.text)
r = http("/jobs?q=" + urllib.parse.quote("window dresser " + RUN[:0]) +
         "&city=milano&sort=date")
check("it appears in search, escaped", "Window Dresser" in r.text and
      "<script>alert(1)</script>" not in r.text)

# --- Apply clicks ----------------------------------------------------------
r = http("/jobs/%d/apply" % pid)
check("apply: 302 to the apply URL", r.status == 302 and
      r.headers.get("location") == data["apply_url"],
      "%d %s" % (r.status, r.headers.get("location")))
http("/jobs/%d/apply" % pid)
check("apply clicks counted", sql("SELECT apply_clicks FROM posting WHERE"
                                  " id = %d" % pid)[0][0] == "2")
r, data = post_job(alice, title="Mail Applicant", apply_url="",
                   apply_email="jobs@alice.example.com")
mail_pid = newest(alice_email)
admin_act(boss, action="approve", id=str(mail_pid))
r = http("/jobs/%d/apply" % mail_pid)
check("apply by e-mail: 302 to mailto:", r.status == 302 and
      r.headers.get("location") == "mailto:jobs@alice.example.com")

# --- Edits, trust, settings -------------------------------------------------
r, data = post_job(alice, path="/recruiter/jobs/%d/edit" % mail_pid,
                   title="Mail Applicant Senior", apply_url="",
                   apply_email="jobs@alice.example.com")
check("moderate_edits on: an edit sends a published posting back to review",
      r.status == 303 and status_of(mail_pid) == "pending",
      status_of(mail_pid))
aid = sql("SELECT id FROM account WHERE email = :'p1'", alice_email)[0][0]
r = admin_act(boss, action="trust", id=aid)
check("trust a recruiter", r.status == 303 and sql(
    "SELECT trusted FROM account WHERE id = %s" % aid)[0][0] == "t")
r, data = post_job(alice, title="Trusted Tailor", apply_url="",
                   apply_email="jobs@alice.example.com")
tpid = newest(alice_email)
check("a trusted recruiter's posting is published at once",
      r.status == 303 and "published" in r.location() and
      status_of(tpid) == "published")
r = alice.req("/recruiter/jobs/new", data)
check("a re-sent publish of a trusted recruiter says it is live, saves "
      "nothing more", r.status == 303 and "published" in r.location() and
      newest(alice_email) == tpid, "%s %s" % (r.status, r.location()))
r = admin_act(boss, action="moderate_edits", value="off")
check("setting moderate_edits off", r.status == 303 and sql(
    "SELECT value FROM setting WHERE key = 'moderate_edits'")[0][0] ==
    "off")
admin_act(boss, action="untrust", id=aid)
r, data = post_job(alice, path="/recruiter/jobs/%d/edit" % tpid,
                   title="Trusted Tailor II", apply_url="",
                   apply_email="jobs@alice.example.com")
check("moderate_edits off: the edit stays published",
      r.status == 303 and status_of(tpid) == "published")
admin_act(boss, action="moderate_edits", value="on")

# --- Lifecycle: fill, close, relist, duplicate ---------------------------------
_, csrf, _ = alice.form("/recruiter")
r = alice.req("/recruiter/jobs/%d/edit" % pid, {"action": "fill"})
check("fill without CSRF: 403", r.status == 403 and
      status_of(pid) == "published")
r = alice.req("/recruiter/jobs/%d/edit" % pid, {"csrf": csrf,
                                                "action": "fill"})
check("mark filled", r.status == 303 and status_of(pid) == "filled")
r = http("/jobs/%d-%s" % (pid, slug))
check("a filled posting answers 410", r.status == 410, str(r.status))
r = http("/jobs/%d/apply" % pid)
check("apply on a filled posting goes to the posting page",
      r.status == 302 and r.headers.get("location") == "/jobs/%d" % pid)
check("and is not counted", sql("SELECT apply_clicks FROM posting WHERE"
                                " id = %d" % pid)[0][0] == "2")
r = alice.req("/recruiter/jobs/%d/edit" % pid, {"csrf": csrf,
                                                "action": "relist"})
check("relisting a filled posting: 409", r.status == 409)
sql("UPDATE posting SET expires_at = now() - interval '1 day'"
    " WHERE id = %d" % tpid)
r = http("/jobs/%d" % tpid)
check("expired by date: the posting page is gone", r.status in (301, 410))
# The expiry command stores what the date already says (the scraper's loop
# runs the same between partners).
out = subprocess.run([fj, "expire"], capture_output=True, text=True,
                     timeout=60)
check("fashionjobs expire stores the posting as expired",
      out.returncode == 0 and "postings expired" in out.stdout and
      status_of(tpid) == "expired", out.stdout + out.stderr)
r = alice.req("/recruiter")
check("dashboard shows it expired with a relist button",
      re.search(r'data-id="%d" data-status="expired"' % tpid, r.text) and
      'value="relist"' in r.text)
r = alice.req("/recruiter/jobs/%d/edit" % tpid, {"csrf": csrf,
                                                 "action": "relist"})
row = sql("SELECT status, expires_at > now() + interval '29 days'"
          " FROM posting WHERE id = %d" % tpid)[0]
check("relist an expired posting", r.status == 303 and
      row == ["published", "t"], repr(row))
r = alice.req("/recruiter/jobs/%d/edit" % tpid, {"csrf": csrf,
                                                 "action": "close"})
check("close", r.status == 303 and status_of(tpid) == "closed")
r = alice.req("/recruiter/jobs/%d/edit" % tpid, {"csrf": csrf,
                                                 "action": "duplicate"})
check("duplicate opens a prefilled form", r.status == 303 and
      r.location().endswith("/recruiter/jobs/new?from=%d" % tpid))
r = alice.req("/recruiter/jobs/new?from=%d" % tpid)
check("the duplicate form has the title", 'value="Trusted Tailor II"' in
      r.text and field(r.text, "form_token"))

# --- Log-in, rate limits, password, log-out -------------------------------------
def timed_login(email, password):
    t = time.time()
    r = login(Browser(), email, password)
    return r, time.time() - t


sql("DELETE FROM login_attempt")
r1, t_wrong = timed_login(alice_email, "wrong password 123")
r2, t_unknown = timed_login("nobody-%s@example.com" % RUN,
                            "wrong password 123")
check("wrong password and unknown e-mail get the same answer",
      r1.status == r2.status == 400 and
      "Wrong e-mail address or password." in r1.text and
      "Wrong e-mail address or password." in r2.text)
check("an unknown e-mail still costs an argon2 verify",
      t_unknown > 0.4 * t_wrong, "%.3f vs %.3f" % (t_unknown, t_wrong))
r = login(Browser(), alice_email.upper(), PASSWORD,
          {"x-forwarded-proto": "https"})
check("log-in (e-mail in any case) behind https: Secure cookie",
      r.status == 303 and "Secure" in (r.headers.get("set-cookie") or ""))
for i in range(5):
    login(Browser(), alice_email, "wrong password %d" % i)
r = login(Browser(), alice_email, PASSWORD)
check("5 failures lock the account: 429 even with the right password",
      r.status == 429 and "15 minutes" in r.text, str(r.status))
sql("DELETE FROM login_attempt")
sql("UPDATE setting SET value = '3' WHERE key = 'login_max_ip'")
for i in range(3):
    login(Browser(), "ghost%d-%s@example.com" % (i, RUN), "whatever 12345")
r = login(Browser(), bob_email, PASSWORD)
check("failures from one address lock it: 429", r.status == 429)
sql("UPDATE setting SET value = '20' WHERE key = 'login_max_ip'")
sql("DELETE FROM login_attempt")

other = Browser()
check("a second session", login(other, alice_email).status == 303)
_, csrf, _ = alice.form("/recruiter/password")
r = alice.req("/recruiter/password", {"csrf": csrf, "current": "nope nope",
                                      "password": "silk scarf 1950 x",
                                      "password2": "silk scarf 1950 x"})
check("password change with a wrong current password: 400",
      r.status == 400 and "wrong" in error_for(r.text, "current"))
r = alice.req("/recruiter/password", {"csrf": csrf, "current": PASSWORD,
                                      "password": "qwertyuiop",
                                      "password2": "qwertyuiop"})
check("password change to a common password: 400", r.status == 400)
r = alice.req("/recruiter/password", {"current": PASSWORD,
                                      "password": "silk scarf 1950 x",
                                      "password2": "silk scarf 1950 x"})
check("password change without CSRF: 403", r.status == 403)
r = alice.req("/recruiter/password", {"csrf": csrf, "current": PASSWORD,
                                      "password": "silk scarf 1950 x",
                                      "password2": "silk scarf 1950 x"})
check("password changed", r.status == 200 and "is changed" in r.text,
      str(r.status))
check("other sessions end", other.req("/recruiter").status == 303)
check("this session goes on", alice.req("/recruiter").status == 200)
check("log-in with the new password",
      login(Browser(), alice_email, "silk scarf 1950 x").status == 303)
check("not with the old one",
      login(Browser(), alice_email, PASSWORD).status == 400)

old = alice.cookie("fj_session")
r = alice.req("/recruiter/logout", {"csrf": "x"})
check("log-out without a valid CSRF token: 403", r.status == 403)
_, csrf, _ = alice.form("/recruiter")
r = alice.req("/recruiter/logout", {"csrf": csrf})
check("log-out clears the cookie", r.status == 303 and
      "Max-Age=0" in (r.headers.get("set-cookie") or ""))
check("log-out deletes the session row", not sql(
    "SELECT 1 FROM session WHERE token_hash = sha256(convert_to(:'p1',"
    " 'UTF8'))", old))
replay = Browser()
r = replay.req("/recruiter", headers={"cookie": "fj_session=" + old})
check("the old cookie no longer opens the dashboard", r.status == 303)
sql("DELETE FROM login_attempt")
done()
