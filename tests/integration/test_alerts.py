"""Job alerts end to end: the subscribe form on a search, the confirmation
mail through the real SMTP sink, the link, a partner feed bringing a
matching posting (bin/fashionjobs scrape), bin/fashionjobs alerts, the
digest and its headers, the one-click unsubscribe (RFC 8058), then the
faults: the SMTP server down then back, two workers at once, a posting
closed before the mail, an unconfirmed address, a refusing server (5xx);
the manage page, the erasure, the limits (429, 20 alerts), CSRF, and the
.eml files written when no SMTP server is configured."""

import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from fjtest import (BASE, Browser, check, done, http, mail_send, mails_to,
                    sql)

FJ = os.environ.get("FJ_BIN", "bin/fashionjobs")
RUN = "%d%d" % (os.getpid() % 1000, int(time.time()) % 100000)
TMP = tempfile.mkdtemp(prefix="fj-alerts-")
WORD = "zzal" + RUN            # one word only this run's postings have


def fields(html, form_action):
    """name -> value of the inputs of the first form posting to action."""
    m = re.search(r'<form method="post" action="%s"(.*?)</form>'
                  % re.escape(form_action), html, re.S)
    out = {}
    if not m:
        return out
    for i in re.finditer(r'<input type="(?:hidden|email)"[^>]* name="([^"]+)"'
                         r' value="([^"]*)"', m.group(1)):
        out[i.group(1)] = i.group(2).replace("&amp;", "&")
    return out


def error_for(html, name):
    m = re.search(r'id="%s-error">([^<]*)<' % name, html)
    return m.group(1) if m else ""


def fj(*args, env=None, cwd=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([os.path.abspath(FJ)] + list(args),
                       capture_output=True, text=True, env=e, cwd=cwd,
                       timeout=120)
    return p.returncode, p.stdout + p.stderr


def subscribe(b, email, search, freq="instant"):
    """The search page's alert form, then the form it leads to: the POST's
    response."""
    q = dict(search)
    q.update({"email": email, "frequency": freq})
    r = b.req("/alerts/new?" + urllib.parse.urlencode(q))
    f = fields(r.text, "/alerts/new")
    f["frequency"] = freq
    return b.req("/alerts/new", f)


def link(addr, path):
    """Send the outbox; the newest link to path mailed to addr."""
    mail_send()
    for m in reversed(mails_to(addr)):
        g = re.search(r"(%s\?token=[0-9a-f]{64})" % re.escape(path),
                      m.get_body(("plain",)).get_content())
        if g:
            return g.group(1)
    return None


def confirm(b, path):
    r = b.req(path)
    f = fields(r.text, "/alerts/confirm")
    return b.req("/alerts/confirm", f)


def digests(addr):
    return [m for m in mails_to(addr)
            if m["Subject"].startswith("New jobs for your alert")]


def job(ref, title, city="Milano", company="Zz Alert Maison",
        jobtype="Tempo Indeterminato"):
    return ("<job><title><![CDATA[%s]]></title><referencenumber>%s"
            "</referencenumber><company><![CDATA[%s]]></company><city>%s"
            "</city><country>IT</country><jobtype>%s"
            "</jobtype><url>https://maison.example/%s</url><description>"
            "<![CDATA[<p>Paragraph</p>]]></description><date>2026-11-01"
            "</date></job>" % (title, ref, company, city, jobtype, ref))


def feed(partner, jobs, close_after="2"):
    """Write the partner's feed, add the partner once, scrape it."""
    path = os.path.join(TMP, partner + ".xml")
    with open(path, "w") as f:
        f.write("<?xml version='1.0' encoding='UTF-8'?><source>%s</source>"
                % "".join(jobs))
    if not sql("SELECT 1 FROM partner WHERE name = :'p1'", partner):
        fj("partner", "add", "--name", partner, "--url", "file://" + path,
           "--format", "indeed", "--close-after", close_after)
    return fj("scrape", "--once", "--partner", partner)


def alerts(*args, env=None):
    return fj("alerts", "--once", *args, env=env)


def setting(key, value):
    sql("UPDATE setting SET value = :'p2' WHERE key = :'p1'", key, value)


# Every sign-up here comes from 127.0.0.1: the network limit is tested
# on its own below.
setting("alert_signups_per_ip_hour", "100000")

# --- the search page offers the alert ---------------------------------
search = {"q": WORD + " merchandiser", "city": "Milano"}
page = http("/jobs?" + urllib.parse.urlencode(search))
check("the search page has the alert form, with the search in it",
      'action="/alerts/new"' in page.text and
      'name="q" value="%s merchandiser"' % WORD in page.text and
      'name="city" value="Milano"' in page.text, str(page.status))
city = http("/cities/milano")
check("a city page has the alert form with its city",
      city.status != 200 or ('action="/alerts/new"' in city.text and
                             'name="city" value="milano"' in city.text))

b = Browser()
r = b.req("/alerts/new?" + urllib.parse.urlencode(search))
check("the subscribe form keeps the search", r.status == 200 and
      'name="q" value="%s merchandiser"' % WORD in r.text and
      "csrf" in fields(r.text, "/alerts/new"), str(r.status))
r = b.req("/alerts/new?contract=nonsense")
check("a search the search page refuses is refused here too (400)",
      r.status == 400 and "Unknown contract type" in r.text, str(r.status))

# --- form errors: 400, message, values kept; CSRF ---------------------
f = fields(b.req("/alerts/new?" + urllib.parse.urlencode(search)).text,
           "/alerts/new")
bad = dict(f, email="not-an-email", frequency="instant")
r = b.req("/alerts/new", bad)
check("a bad address: 400, the field's message, the values kept",
      r.status == 400 and "name@example.com" in error_for(r.text, "email")
      and 'value="not-an-email"' in r.text and
      'name="city" value="Milano"' in r.text, str(r.status))
r = b.req("/alerts/new", dict(f, email="x@example.com", frequency="hourly"))
check("an unknown frequency: 400 with its message", r.status == 400 and
      "how often" in error_for(r.text, "frequency"), str(r.status))
r = Browser().req("/alerts/new", dict(f, email="x@example.com",
                                      frequency="daily"))
check("no CSRF cookie: 403, nothing queued", r.status == 403 and not
      sql("SELECT 1 FROM mail_outbox WHERE to_addr = 'x@example.com'"))
r = b.req("/alerts/new", dict(f, email="x@example.com", frequency="daily",
                              q="w" * 201))
check("a search text over 200 characters: 400", r.status == 400)

# --- subscribe, the confirmation mail, confirm --------------------------
anna = "anna-%s@example.com" % RUN
r = subscribe(b, anna, search)
check("subscribe: 200, check your e-mail", r.status == 200 and
      "Check your e-mail" in r.text, "%d %s" % (r.status, r.text[-300:]))
row = sql("SELECT a.confirmed_at IS NULL, a.filters::text, a.frequency "
          "FROM alert a JOIN alert_subscriber s ON s.id = a.subscriber_id "
          "WHERE s.email = :'p1'", anna)
check("the alert waits for its confirmation, with the search's filters",
      row and row[0][0] == "t" and '"city": "Milano"' in row[0][1] and
      row[0][2] == "instant", repr(row))
cpath = link(anna, "/alerts/confirm")
m = mails_to(anna)
check("one confirmation mail came through SMTP, with the link",
      cpath is not None and len(m) == 1 and
      m[0]["Subject"] == "Confirm your job alert on fashionjobs", repr(m))
check("it is the only mail: nothing else before the confirmation",
      len(m) == 1)
mpath = link(anna, "/alerts/manage")
r = b.req(cpath)
check("the link's GET shows a button and confirms nothing",
      r.status == 200 and "Start this alert" in r.text and
      sql("SELECT confirmed_at IS NULL FROM alert a JOIN alert_subscriber "
          "s ON s.id = a.subscriber_id WHERE s.email = :'p1'", anna)
      == [["t"]], str(r.status))
r = confirm(b, cpath)
check("confirm: 200, alert confirmed, with the manage link",
      r.status == 200 and "Alert confirmed" in r.text and
      "/alerts/manage?token=" in r.text, str(r.status))
r = b.req(cpath)
check("the link again: already confirmed", r.status == 200 and
      "already confirmed" in r.text)

# The same answer for an address that has alerts and one that has none.
other = "other-%s@example.com" % RUN
r1 = subscribe(b, anna, {"q": WORD + " buyer"})
r2 = subscribe(b, other, {"q": WORD + " buyer"})


def main_of(t, addr):
    t = t[t.index("<main>"):t.index("</main>")]
    return t.replace(addr, "ADDR")


check("subscribing a known and a new address answers the same page",
      r1.status == r2.status == 200 and
      main_of(r1.text, anna) == main_of(r2.text, other))
mail_send()
m = [x for x in mails_to(anna)
     if x["Subject"] == "Confirm your job alert on fashionjobs"]
check("the known address gets one mail with the link to manage its alerts",
      len(m) == 2 and mpath in m[1].get_body(("plain",)).get_content())

# --- a partner feed brings a matching posting; alerts --once -----------
P = "zz-alert-" + RUN
T1 = "%s Visual Merchandiser" % WORD.capitalize()
T_ROMA = "%s Merchandiser Roma" % WORD.capitalize()
rc, out = feed(P, [job("M1", T1), job("R1", T_ROMA, city="Roma")])
check("the feed is imported", rc == 0, out)
rc, out = alerts()
check("alerts --once: exit 0", rc == 0, out)
d = digests(anna)
check("one digest", len(d) == 1, repr([x["Subject"] for x in mails_to(anna)]))
if d:
    m = d[0]
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    pid = sql("SELECT id FROM posting WHERE title = :'p1'", T1)[0][0]
    unsub = (m["List-Unsubscribe"] or "").strip("<>")
    check("the digest lists the matching posting with company, city, "
          "contract and its link", T1 in text and "Zz Alert Maison" in text
          and "Milano" in text and "Permanent" in text and
          "%s/jobs/%s-" % (BASE, pid) in text, text)
    check("the digest leaves out the posting in another city",
          T_ROMA not in text)
    check("the digest is multipart/alternative, text and HTML",
          m.get_content_type() == "multipart/alternative" and T1 in html
          and "<a href=\"%s/jobs/%s-" % (BASE, pid) in html)
    check("the digest has List-Unsubscribe and List-Unsubscribe-Post "
          "(RFC 8058)", re.match(r"^%s/alerts/unsubscribe\?token=[0-9a-f]{64}$"
                                 % re.escape(BASE), unsub) is not None and
          m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click",
          m["List-Unsubscribe"])
    check("the digest has Message-ID, Date and the board's From",
          re.match(r"^<[^@>]+@[^>]+>$", m["Message-ID"] or "") is not None
          and m["Date"] is not None and "<" in (m["From"] or ""))
    check("the digest links the search and the manage page",
          "%s/jobs?q=" % BASE in text and mpath in text)
    # The page the alert came from lists the same posting (r= is ignored
    # by the search and kept by the page cache: a fresh page).
    page = http("/jobs?" + urllib.parse.urlencode(search) + "&r=" + RUN)
    check("the search page agrees with the digest", T1 in page.text and
          T_ROMA not in page.text)
rc, out = alerts()
check("alerts --once again: no second digest", rc == 0 and
      len(digests(anna)) == 1, out)

# --- one-click unsubscribe, then nothing --------------------------------
if d:
    req = urllib.request.Request(
        unsub, data=b"List-Unsubscribe=One-Click", method="POST",
        headers={"content-type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=20) as f:
            st = f.status
    except urllib.error.HTTPError as e:
        st = e.code
    check("one-click POST, no cookie, no CSRF token: 200", st == 200,
          str(st))
    check("the alert is gone", not sql(
        "SELECT 1 FROM alert WHERE unsub_token = :'p1'",
        unsub.rsplit("=", 1)[1]))
    rc, out = feed(P, [job("M1", T1), job("R1", T_ROMA, city="Roma"),
                       job("M2", T1 + " Senior")])
    rc, out = alerts("--all")
    check("the next matching posting sends nothing", len(digests(anna)) == 1,
          out)
    r = http(unsub[len(BASE):])
    check("the unsubscribe link afterwards: 404, already stopped",
          r.status == 404 and "already stopped" in r.text)


def ready(addr, search, freq="instant"):
    """Subscribe addr through the form and confirm through the mail."""
    br = Browser()
    subscribe(br, addr, search, freq)
    confirm(br, link(addr, "/alerts/confirm"))
    return br


# --- an unconfirmed address gets nothing --------------------------------
una = "unconfirmed-%s@example.com" % RUN
subscribe(Browser(), una, {"q": WORD + " stylist"})
mail_send()
feed(P + "-u", [job("U1", "%s Stylist" % WORD.capitalize())])
alerts("--all")
check("an unconfirmed address: only its confirmation mail",
      [x["Subject"] for x in mails_to(una)] ==
      ["Confirm your job alert on fashionjobs"])

# --- the SMTP server down during a send, then back ----------------------
s = socket.socket()
s.bind(("127.0.0.1", 0))
dead = "smtp://127.0.0.1:%d" % s.getsockname()[1]
s.close()
bea = "bea-%s@example.com" % RUN
ready(bea, {"q": WORD + " pattern"})
feed(P + "-d", [job("D1", "%s Pattern Maker" % WORD.capitalize())])
rc, out = alerts(env={"FJ_SMTP_URL": dead})
row = sql("SELECT sent_at IS NULL, attempts, last_error IS NOT NULL, "
          "next_attempt_at > now() FROM mail_outbox WHERE to_addr = :'p1' "
          "AND kind = 'alert_digest'", bea)
check("SMTP down: exit 1, the digest stays queued with its error and a "
      "later attempt", rc == 1 and row == [["t", "1", "t", "t"]],
      "%d %r %s" % (rc, row, out))
alerts()
check("SMTP back, before the backoff is over: not yet sent",
      digests(bea) == [])
sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE to_addr = :'p1'"
    " AND kind = 'alert_digest'", bea)
rc, out = alerts()
alerts()
check("after the backoff: the digest arrives, once",
      rc == 0 and len(digests(bea)) == 1, out)

# --- two workers at once ------------------------------------------------
n = 30
sql("INSERT INTO alert_subscriber (email) SELECT 'pair-' || i || '-' || "
    ":'p1' || '@example.com' FROM generate_series(1, %d) i" % n, RUN)
sql("INSERT INTO alert (subscriber_id, filters, label, search, frequency, "
    "confirm_hash, confirm_expires, confirmed_at, since_at, checked_upto, "
    "next_run_at) SELECT id, jsonb_build_object('q', :'p1'), :'p1', "
    "'/jobs?q=' || :'p1', 'daily', sha256(convert_to(email, 'UTF8')), "
    "now(), now(), now(), now(), now() FROM alert_subscriber WHERE email "
    "LIKE 'pair-%-' || :'p2' || '@example.com'",
    WORD + " tailor", RUN)
feed(P + "-t", [job("T1", "%s Tailor" % WORD.capitalize()),
                job("T2", "%s Tailor Junior" % WORD.capitalize())])
e = dict(os.environ)
procs = [subprocess.Popen([os.path.abspath(FJ), "alerts", "--once", "--all"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=e) for _ in range(2)]
outs = [p.communicate(timeout=120)[0].decode() for p in procs]
counts = [len(digests("pair-%d-%s@example.com" % (i, RUN)))
          for i in range(1, n + 1)]
check("two workers at once: every address gets exactly one digest",
      counts == [1] * n and all(p.returncode == 0 for p in procs),
      "%r %r" % (counts, outs))
check("two workers at once: each posting recorded once per alert",
      sql("SELECT count(*), count(DISTINCT (a.id, x)) FROM alert a, "
          "unnest(a.seen_ids) x WHERE a.label = :'p1'", WORD + " tailor")
      == [[str(2 * n), str(2 * n)]])

# --- a posting closed before its mail is left out -----------------------
cleo = "cleo-%s@example.com" % RUN
ready(cleo, {"q": WORD + " knitwear"}, "daily")
X = "%s Knitwear Designer" % WORD.capitalize()
Y = "%s Knitwear Technician" % WORD.capitalize()
feed(P + "-c", [job("X", X), job("Y", Y)], close_after="1")
feed(P + "-c", [job("Y", Y)])
check("the posting missing from the feed is closed", sql(
    "SELECT status FROM posting WHERE title = :'p1'", X) == [["closed"]])
alerts("--all")
d = digests(cleo)
text = d[0].get_body(("plain",)).get_content() if d else ""
check("a posting closed before sending is left out", len(d) == 1 and
      Y in text and X not in text and "One new job" in text, text)

# --- the manage page: pause, frequency, delete, erase -------------------
br = Browser()
r = br.req(mpath)
check("the manage page lists the address's alerts", r.status == 200 and
      anna in r.text and (WORD + " buyer") in r.text, str(r.status))
aid = sql("SELECT a.id FROM alert a JOIN alert_subscriber s ON "
          "s.id = a.subscriber_id WHERE s.email = :'p1'", anna)[0][0]
csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', r.text).group(1)
tok = mpath.rsplit("=", 1)[1]
r = Browser().req("/alerts/manage", {"token": tok, "csrf": csrf,
                                     "alert": aid, "action": "delete"})
check("a change without the CSRF cookie: 403", r.status == 403)
r = br.req("/alerts/manage", {"token": tok, "csrf": csrf, "alert": aid,
                              "action": "pause"})
check("pause: 303 back to the page, paused", r.status == 303 and sql(
    "SELECT paused FROM alert WHERE id = :'p1'", aid) == [["t"]])
r = br.req("/alerts/manage", {"token": tok, "csrf": csrf, "alert": aid,
                              "action": "frequency", "frequency": "weekly"})
check("change the frequency", r.status == 303 and sql(
    "SELECT frequency FROM alert WHERE id = :'p1'", aid) == [["weekly"]])
r = br.req("/alerts/manage", {"token": tok, "csrf": csrf, "alert": aid,
                              "action": "frequency", "frequency": "hourly"})
check("an unknown frequency: 400", r.status == 400)
r = br.req("/alerts/manage", {"token": "0" * 64, "csrf": csrf, "alert": aid,
                              "action": "delete"})
check("another token cannot touch the alert", r.status == 404 and sql(
    "SELECT 1 FROM alert WHERE id = :'p1'", aid) == [["1"]])
r = br.req("/alerts/manage", {"token": tok, "csrf": csrf, "alert": aid,
                              "action": "delete"})
check("delete one alert", r.status == 303 and not sql(
    "SELECT 1 FROM alert WHERE id = :'p1'", aid))
r = br.req("/alerts/manage", {"token": tok, "csrf": csrf,
                              "action": "erase"})
check("erase: everything about the address is deleted", r.status == 200
      and "Everything deleted" in r.text and not sql(
          "SELECT 1 FROM alert_subscriber WHERE email = :'p1' UNION ALL "
          "SELECT 1 FROM alert_signup WHERE email_key = :'p1' UNION ALL "
          "SELECT 1 FROM mail_outbox WHERE to_addr = :'p1' AND kind LIKE "
          "'alert%'", anna), r.text[-400:])
check("the manage link afterwards: 404", br.req(mpath).status == 404)

# --- the worker dies mid-send: that digest is not sent again -------------
# A server that takes the connection and never answers holds the send;
# the worker is killed there, its lease then runs out.
jon = "jon-%s@example.com" % RUN
ready(jon, {"q": WORD + " embroiderer"})
feed(P + "-j", [job("J1", "%s Embroiderer" % WORD.capitalize())])
mute = socket.socket()
mute.bind(("127.0.0.1", 0))
mute.listen(1)
e = dict(os.environ, FJ_SMTP_URL="smtp://127.0.0.1:%d" %
         mute.getsockname()[1])
w = subprocess.Popen([os.path.abspath(FJ), "alerts", "--once"], env=e,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(300):
    if sql("SELECT 1 FROM mail_outbox WHERE to_addr = :'p1' AND kind = "
           "'alert_digest' AND locked_by IS NOT NULL", jon):
        break
    time.sleep(0.1)
w.kill()
w.wait()
mute.close()
sql("UPDATE mail_outbox SET locked_until = now() - interval '1 second' "
    "WHERE to_addr = :'p1'", jon)
alerts()
alerts("--all")
check("a worker killed mid-send: the digest it held is not sent again, "
      "nor its posting queued again", digests(jon) == [] and
      sql("SELECT count(*) FROM mail_outbox WHERE to_addr = :'p1' AND "
          "kind = 'alert_digest'", jon) == [["1"]])

# --- more than 20 matches: 20 listed, "and N more", none counted twice ----
kim = "kim-%s@example.com" % RUN
ready(kim, {"q": WORD + " seamstress"})
feed(P + "-k", [job("K%d" % i, "%s Seamstress %d" % (WORD.capitalize(), i))
                for i in range(25)])
alerts()
d = digests(kim)
text = d[0].get_body(("plain",)).get_content() if d else ""
check("25 matches: one digest of 20 postings and \"... and 5 more\"",
      len(d) == 1 and "25 new jobs match" in text and
      "... and 5 more." in text and text.count("/jobs/") == 20, text)
alerts("--all")
check("the next run neither mails nor counts them again",
      len(digests(kim)) == 1)

# --- the alert replays the search page's filters --------------------------
# Words, a city by another of its names with a distance, a contract and a
# company: the digest lists what the search page lists among the new
# postings, whichever filter decides.
Z = WORD.capitalize()
rep = {"q": WORD + " milliner", "city": "Milan", "km": "30",
       "contract": "permanent", "company": "zz-alert-maison"}
lia = "lia-%s@example.com" % RUN
ready(lia, rep)
feed(P + "-f", [job("F1", Z + " Milliner Milano"),
                job("F2", Z + " Milliner Monza", city="Monza"),
                job("F3", Z + " Milliner Roma", city="Roma"),
                job("F4", Z + " Milliner Stage", jobtype="Tirocinio"),
                job("F5", Z + " Milliner Other", company="Zz Other House"),
                job("F6", Z + " Glover Milano")])
alerts()
d = digests(lia)
text = d[0].get_body(("plain",)).get_content() if d else ""
page = http("/jobs?" + urllib.parse.urlencode(rep) + "&r=f" + RUN).text
titles = ["Milano", "Monza", "Roma", "Stage", "Other"]
in_mail = [x for x in titles if (Z + " Milliner " + x) in text]
on_page = [x for x in titles if (Z + " Milliner " + x) in page]
check("the digest lists what the search page lists (words, city alias, "
      "km, contract, company): %r" % in_mail,
      len(d) == 1 and in_mail == on_page and "Milano" in in_mail and
      "Roma" not in in_mail and "Stage" not in in_mail and
      "Other" not in in_mail and (Z + " Glover") not in text,
      "%r %r" % (in_mail, on_page))

# --- the manage page changes an alert's search ----------------------------
ivy = "ivy-%s@example.com" % RUN
bi = ready(ivy, {"q": WORD + " corsetier"}, "daily")
ipath = link(ivy, "/alerts/manage")
itok = ipath.rsplit("=", 1)[1]
iid = sql("SELECT a.id FROM alert a JOIN alert_subscriber s ON "
          "s.id = a.subscriber_id WHERE s.email = :'p1'", ivy)[0][0]
r = bi.req(ipath)
epath = "/alerts/edit?token=%s&alert=%s" % (itok, iid)
check("the manage page links each alert's change form",
      epath.replace("&", "&amp;") in r.text, r.text[-800:])
r = bi.req(epath)
ef = fields(r.text, "/alerts/edit")
check("the change form shows the alert's search and frequency",
      r.status == 200 and 'name="q" value="%s corsetier"' % WORD in r.text
      and 'value="daily" checked' in r.text and "csrf" in ef and
      ef.get("alert") == iid, str(r.status))
change = dict(ef, q=WORD + " glover", city="Milan", km="20",
              contract="permanent", company="", lang="", frequency="instant")
r = Browser().req("/alerts/edit", change)
check("the change form without the CSRF cookie: 403", r.status == 403)
r = bi.req("/alerts/edit", dict(change, km="500"))
check("a bad distance: 400, its message, the values kept",
      r.status == 400 and "from 0 to 200" in error_for(r.text, "km") and
      'value="%s glover"' % WORD in r.text and 'value="Milan"' in r.text
      and 'value="instant" checked' in r.text, str(r.status))
r = bi.req("/alerts/edit", dict(change, city=""))
check("a distance without a city: 400 with its message",
      r.status == 400 and "needs a city" in error_for(r.text, "km"))
r = bi.req("/alerts/edit", dict(change, contract="nonsense"))
check("an unknown contract: 400 with its message", r.status == 400 and
      "Unknown contract" in error_for(r.text, "contract"))
r = bi.req("/alerts/edit", dict(change, frequency="hourly"))
check("an unknown frequency: 400 with its message", r.status == 400 and
      "how often" in error_for(r.text, "frequency"))
r = bi.req("/alerts/edit", dict(change, token="0" * 64))
check("another token cannot change the alert: 404", r.status == 404)
check("nothing changed by the refused forms", sql(
    "SELECT filters->>'q', frequency FROM alert WHERE id = :'p1'", iid)
    == [[WORD + " corsetier", "daily"]])
r = bi.req("/alerts/edit", change)
row = sql("SELECT filters::text, label, search, frequency FROM alert "
          "WHERE id = :'p1'", iid)
check("a change: 303 to the manage page, the alert has the new search",
      r.status == 303 and r.headers.get("location", "").startswith(
          "/alerts/manage?token=") and row and
      '"km": "20"' in row[0][0] and '"contract": "permanent"' in row[0][0]
      and '"company"' not in row[0][0] and row[0][3] == "instant" and
      "glover" in row[0][1] and "km=20" in row[0][2], repr(row))
feed(P + "-g", [job("G1", Z + " Glover Junior"),
                job("G2", Z + " Corsetier Junior")])
alerts()
d = digests(ivy)
text = d[0].get_body(("plain",)).get_content() if d else ""
check("the next digest follows the changed search", len(d) == 1 and
      (Z + " Glover Junior") in text and "Corsetier" not in text, text)

# --- limits -------------------------------------------------------------
dora = "dora-%s@example.com" % RUN
codes = [subscribe(Browser(), dora, {"q": WORD + " %d" % i}).status
         for i in range(6)]
check("sign-ups for one address: 5 an hour, then 429", codes ==
      [200] * 5 + [429], repr(codes))
setting("alert_signups_per_ip_hour", "0")
r = subscribe(Browser(), "eve-%s@example.com" % RUN, {"q": WORD})
check("sign-ups from one network over the limit: 429 with a message",
      r.status == 429 and "Too many" in r.text, str(r.status))
setting("alert_signups_per_ip_hour", "100000")
fay = "fay-%s@example.com" % RUN
sql("INSERT INTO alert_subscriber (email) VALUES (:'p1')", fay)
sql("INSERT INTO alert (subscriber_id, filters, label, search, frequency, "
    "confirm_hash, confirm_expires) SELECT s.id, '{}', 'x', '/jobs', "
    "'daily', sha256(convert_to(s.email || i, 'UTF8')), now() + interval "
    "'1 day' FROM alert_subscriber s, generate_series(1, 20) i WHERE "
    "s.email = :'p1'", fay)
r = subscribe(Browser(), fay, {"q": WORD})
mail_send()
check("at 20 alerts: the same page, no 21st alert, a mail saying so",
      r.status == 200 and "Check your e-mail" in r.text and
      sql("SELECT count(*) FROM alert a JOIN alert_subscriber s ON s.id = "
          "a.subscriber_id WHERE s.email = :'p1'", fay) == [["20"]] and
      [x["Subject"] for x in mails_to(fay)] ==
      ["Your job alerts on fashionjobs"])

# --- an expired confirmation link ----------------------------------------
gil = "gil-%s@example.com" % RUN
subscribe(Browser(), gil, {"q": WORD})
gpath = link(gil, "/alerts/confirm")
sql("UPDATE alert a SET confirm_expires = now() - interval '1 second' FROM "
    "alert_subscriber s WHERE s.id = a.subscriber_id AND s.email = :'p1'",
    gil)
r = Browser().req(gpath)
check("a confirmation link past its 7 days: 410", r.status == 410 and
      "expired" in r.text, str(r.status))

# --- no FJ_SMTP_URL: .eml files under var/mail and links in the log -----
hal = "hal-%s@example.com" % RUN
ready(hal, {"q": WORD + " cobbler"})
feed(P + "-e", [job("E1", "%s Cobbler" % WORD.capitalize())])
rc, out = fj("alerts", "--once", env={"FJ_SMTP_URL": ""}, cwd=TMP)
emls = [os.path.join(TMP, "var/mail", x)
        for x in os.listdir(os.path.join(TMP, "var/mail"))] \
    if os.path.isdir(os.path.join(TMP, "var/mail")) else []
body = open(emls[0], encoding="ascii").read() if len(emls) == 1 else ""
check("without FJ_SMTP_URL: the digest is a .eml file under var/mail",
      rc == 0 and len(emls) == 1 and "To: <%s>" % hal in body and
      digests(hal) == [], out)
check("... and its links are printed in the worker's log",
      "/alerts/unsubscribe?token=" in out and "/jobs/" in out, out)

# --- a server that refuses the address (5xx) ----------------------------
bob = "bounce-%s@example.com" % RUN
br = Browser()
subscribe(br, bob, {"q": WORD + " milliner"})
body = sql("SELECT replace(body, E'\\n', ' ') FROM mail_outbox WHERE "
           "to_addr = :'p1'", bob)[0][0]
confirm(br, re.search(r"/alerts/confirm\?token=[0-9a-f]{64}", body).group(0))
feed(P + "-b", [job("B1", "%s Milliner" % WORD.capitalize())])
for i in range(3):
    sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE to_addr = "
        ":'p1' AND kind = 'alert_digest'", bob)
    alerts()
check("three refusals (550): the address is undeliverable, the mail "
      "given up", sql("SELECT 1 FROM mail_undeliverable WHERE addr_key = "
                      ":'p1'", bob) == [["1"]] and
      sql("SELECT permanent_failures FROM mail_outbox WHERE to_addr = :'p1'"
          " AND kind = 'alert_digest'", bob) == [["3"]])
feed(P + "-b", [job("B1", "%s Milliner" % WORD.capitalize()),
                job("B2", "%s Milliner Junior" % WORD.capitalize())])
alerts("--all")
check("no more digests for an undeliverable address",
      sql("SELECT count(*) FROM mail_outbox WHERE to_addr = :'p1' AND "
          "kind = 'alert_digest'", bob) == [["1"]])

setting("alert_signups_per_ip_hour", "30")
done()
