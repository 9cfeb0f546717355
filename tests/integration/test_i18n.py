"""The interface in five languages, over real HTTP: the catalogs hold every
message the code and templates use (src/tools/i18n.py check); each page
of /it/, /fr/, /de/, /es/ has no English left outside proper names and
the postings' own text (checked from the catalogs); hreflang, the
switcher, Accept-Language, Vary and the fj_lang cookie; numbers and
mails in the reader's language."""

import html as htmlmod
import os
import re
import subprocess
import sys
import urllib.parse

from fjtest import Browser, check, done, http, mail_send, mail_text, \
    mails_to, sample_pages, sql

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "src", "tools"))
import i18n  # noqa: E402

LANGS = ["it", "fr", "de", "es"]

# 1. The catalogs and templates.
r = subprocess.run([sys.executable, os.path.join(ROOT, "src", "tools",
                                                 "i18n.py"), "check"],
                   capture_output=True, text=True)
for line in r.stdout.splitlines():
    if line.startswith("ok - ") or line.startswith("not ok - "):
        ok = line.startswith("ok - ")
        check("catalogs: " + line.split(" - ", 1)[1], ok)
check("catalogs: the checker ran", r.returncode in (0, 1), r.stderr[-300:])

pot, _ = i18n.read_po(os.path.join(ROOT, "po", "fashionjobs.pot"))

posting, company, city = sample_pages()
PAGES = {
    "home": "/",
    "search": "/jobs?q=manager",
    "posting": "/jobs/" + posting,
    "company": "/companies/" + company,
    "city": "/cities/" + city,
    "signup": "/recruiter/signup",
    "login": "/recruiter/login",
    "saved": "/saved",
}


def visible(page):
    """What a person reads on the page that the board wrote: text and
    the attributes read aloud, without the postings' and companies' own
    words (cards, the posting, facet labels, company profiles) and the
    language names of the switcher."""
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    page = re.sub(r"<head>.*?</head>", " ", page, flags=re.S)
    page = re.sub(r'<a class="brand".*?</a>', " ", page, flags=re.S)
    page = page.replace("fashionjobs", " ")
    for pat in (r'<span class="(company|title|city)"[^>]*>.*?</span>',
                r'<h1[^>]*>.*?</h1>', r'<p class="company">.*?</p>',
                r'<div class="description"[^>]*>.*?</div>',
                r'<div class="profile">.*?</div>',
                r'<ul>(<li[^>]*><a href="[^"]*">[^<]*</a>.*?</li>)*</ul>',
                r'<nav class="langs".*?</nav>',
                r'<a class="chip"[^>]*>.*?</a>'):
        page = re.sub(pat, " ", page, flags=re.S)
    attrs = " ".join(m.group(2) for m in re.finditer(
        r'\b(placeholder|aria-label|title|alt)="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return htmlmod.unescape(text + " " + attrs)


def english_left(text, lang):
    """The msgids whose translation differs and whose English words are
    on the page: each literal piece of four letters or more, as words."""
    cat, _ = i18n.read_po(os.path.join(ROOT, "po", lang + ".po"))
    left = []
    for key in pot:
        forms = cat.get(key)
        if not forms:
            continue
        for msgid in [k for k in key if k]:
            if msgid in forms:
                continue
            plain = re.sub(r"<[^>]+>|%\([^)]*\)|%\d?\$?[sd]|%s", "|",
                           msgid)
            for piece in plain.split("|"):
                piece = piece.strip(" .,:;()…→←“”\"")
                if len(re.findall(r"[A-Za-z]", piece)) < 4:
                    continue
                if piece in " ".join(forms):
                    continue
                if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(piece),
                             text):
                    left.append(piece)
    return sorted(set(left))


# 2. Each page in each language: 200, its lang, and no English left.
for lang in LANGS:
    for name, path in PAGES.items():
        r = http("/" + lang + (path if path != "/" else "/"))
        check("%s %s answers 200" % (lang, name), r.status == 200,
              str(r.status))
        check("%s %s says lang=%s" % (lang, name, lang),
              '<html lang="%s">' % lang in r.text)
        left = english_left(visible(r.text), lang)
        check("%s %s has no English left" % (lang, name), not left,
              str(left[:10]))

# The English pages are English: no Italian catalog text on them.
r = http("/", headers={"Accept-Language": "en"})
check("en home is English", '<html lang="en">' in r.text and
      "Newest jobs" in r.text and "Offerte più recenti" not in r.text)

# 3. hreflang, x-default, the switcher keeping the search, canonical.
r = http("/it/jobs?city=milano&contract=permanent")
base = os.environ.get("BASE", "")
for code, prefix in (("en", ""), ("it", "/it"), ("fr", "/fr"),
                     ("de", "/de"), ("es", "/es"), ("x-default", "")):
    want = '<link rel="alternate" hreflang="%s" href="%s%s/jobs?city=' \
        'milano&amp;contract=permanent">' % (code, base, prefix)
    check("hreflang %s on /it/jobs" % code, want in r.text, want)
check("switcher: a plain link per language keeping the search",
      'href="/lang/fr?next=%2Fjobs%3Fcity%3Dmilano%26contract%3Dpermanent"'
      in r.text and '<span aria-current="true" lang="it">Italiano</span>'
      in r.text)
check("links of /it/ pages stay in /it/",
      'action="/it/jobs"' in r.text and 'href="/it/jobs/' in r.text)
r = http("/it/jobs?q=manager")
check("a search with words (noindex): the switcher, no hreflang",
      'href="/lang/de?next=%2Fjobs%3Fq%3Dmanager"' in r.text and
      'hreflang="de" href=' not in r.text)
r = http("/it/cities/no-such-city")
check("an error page in Italian, not saying the address back",
      r.status == 404 and "Non trovato" in r.text and
      "no-such-city" not in r.text)
r = http("/de/jobs/" + posting)
check("the posting's canonical URL is its German page",
      '<link rel="canonical" href="%s/de/jobs/%s">' % (base, posting)
      in r.text)

# 4. Accept-Language at the root, Vary, the cookie.
r = http("/jobs?q=manager", headers={"Accept-Language": "fr-CH, fr;q=0.9"})
check("Accept-Language chooses at the root", '<html lang="fr">' in r.text)
check("the root says Vary: Accept-Language",
      "accept-language" in (r.headers.get("vary") or "").lower())
for al, lang in (("de", "de"), ("es", "es"), ("it", "it"), ("en", "en")):
    r = http("/", headers={"Accept-Language": al})
    check("cached home in %s for Accept-Language %s" % (lang, al),
          '<html lang="%s">' % lang in r.text)
b = Browser()
r = b.req("/lang/de?next=" + urllib.parse.quote("/jobs?q=manager"))
check("the switcher answers 303 to the page in German",
      r.status == 303 and r.location() == "/de/jobs?q=manager",
      "%s %s" % (r.status, r.location()))
check("the switcher keeps the choice in a cookie",
      "fj_lang=de" in (r.headers.get("set-cookie") or ""))
r = b.req("/jobs?q=manager", headers={"Accept-Language": "it"})
check("the cookie wins over Accept-Language at the root",
      '<html lang="de">' in r.text)
check("the root says Vary: Cookie too",
      "cookie" in (r.headers.get("vary") or "").lower())
r = b.req("/lang/en?next=/")
r = b.req("/", headers={"Accept-Language": "it"})
check("choosing English at the root sticks", '<html lang="en">' in r.text)
r = http("/lang/it?next=//evil.example/x")
check("the switcher leads only to this site",
      r.status == 303 and r.location() == "/it", r.location())
r = http("/lang/xx?next=/")
check("an unknown language answers 404", r.status == 404, str(r.status))

# 5. Filters, feeds and the API are the same in every language; lang=
# is the posting's language.
a = http("/jobs?lang=fr").text
b2 = http("/it/jobs?lang=fr").text
ca = re.search(r'<span class="count">([^<]*)</span>', a)
cb = re.search(r'<span class="count">([^<]*)</span>', b2)
check("lang=fr filters the same postings in Italian",
      ca and cb and ca.group(1).replace(",", "").replace(".", "") ==
      cb.group(1).replace(",", "").replace(".", ""))
check("feeds are not under a language", http("/it/feed.json").status == 404)

# 6. Numbers grouped per language (the test board has over 1 000).
total = int(sql("SELECT count(*) FROM posting WHERE status = 'published'"
                " AND NOT fj_expired(expires_at)")[0][0])
if total >= 1000:
    th, rest = divmod(total, 1000)
    for lang, sep in (("it", "."), ("fr", " "), ("de", "."), ("es", "."),
                      ("", ",")):
        r = http("/%s" % lang if lang else "/",
                 headers={"Accept-Language": "en"})
        want = '<span class="count">%d%s%03d</span>' % (th, sep, rest)
        check("home count %s in %s" % (want, lang or "en"), want in r.text)
r = http("/it/jobs/" + posting)
check("a posting in Italian dates its publication in Italian",
      re.search(r'<time datetime="\d{4}-\d\d-\d\d[^"]*">(oggi|\d+ giorn[io] '
                r'fa|\d+ \w+ \d{4})</time>', r.text) is not None)

# 7. Mail in the subscriber's language: an alert made on /it/.
addr = "i18n-%d@example.com" % os.getpid()
b = Browser()
r = b.req("/it/alerts/new?q=manager")
f = {k: v for k, v in re.findall(
    r'<input type="hidden" name="([^"]+)" value="([^"]*)"', r.text)}
f.update({"email": addr, "frequency": "daily"})
r = b.req("/it/alerts/new", f)
check("the Italian alert form answers in Italian", r.status == 200 and
      "Controlla la tua e-mail" in r.text, str(r.status))
check("the alert keeps the interface language",
      sql("SELECT lang FROM alert_subscriber WHERE email = :'p1'",
          addr) == [["it"]])
mail_send()
ms = mails_to(addr)
check("the confirmation mail is in Italian",
      ms and "Conferma il tuo avviso" in str(ms[-1]["Subject"]) and
      "/it/alerts/confirm?token=" in mail_text(ms[-1]) and
      "una volta al giorno" in mail_text(ms[-1]),
      ms and str(ms[-1]["Subject"]))

done()
