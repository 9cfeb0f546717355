"""Sharing a posting: plain share links (WhatsApp, LinkedIn, X, e-mail)
that carry the canonical URL and title and nothing else, no third-party
script; a copy-link button where JavaScript runs (hidden where it does
not) that puts the canonical URL on the clipboard."""

import html
import os
import re
import struct
import sys
import urllib.parse
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done, http, sql  # noqa: E402
from fjbrowser import browser, load, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402







path = "/jobs/" + sql("SELECT id || '-' || slug FROM posting WHERE status ="
                      " 'published' AND (expires_at IS NULL OR expires_at >"
                      " now()) AND title LIKE '% %' ORDER BY id LIMIT 1")[0][0]
r = http(path)
canonical = html.unescape(re.search(r'<link rel="canonical" href="([^"]+)"',
                                    r.text).group(1))
title = html.unescape(re.search(r"<title>(.*?) · fashionjobs</title>",
                                r.text).group(1))
links = {}
for m in re.finditer(r'<a href="([^"]+)"[^>]*>(WhatsApp|LinkedIn|X|E-mail)'
                     r'</a>', r.text):
    links[m.group(2)] = html.unescape(m.group(1))
check("share: the posting has WhatsApp, LinkedIn, X and e-mail links",
      sorted(links) == ["E-mail", "LinkedIn", "WhatsApp", "X"], str(links))


def query(u):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(u).query)


want = {
    "WhatsApp": ("https://wa.me/", {"text": [title + " " + canonical]}),
    "LinkedIn": ("https://www.linkedin.com/sharing/share-offsite/",
                 {"url": [canonical]}),
    "X": ("https://x.com/intent/post", {"text": [title],
                                         "url": [canonical]}),
    "E-mail": ("mailto:", {"subject": [title], "body": [canonical]}),
}
for name, (prefix, q) in want.items():
    u = links.get(name, "")
    check("share: the %s link carries the URL and title, nothing else" % name,
          u.startswith(prefix) and query(u) == q, u)
scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', r.text)
check("share: no third-party script on the posting",
      all(s.startswith("/") and not s.startswith("//") for s in scripts),
      str(scripts))
check("share: the copy button is hidden in the HTML (no JavaScript, no "
      "button)", re.search(r"<button[^>]*data-copy=[^>]*hidden", r.text))



def png_pixels(data):
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0, []
    pos, idat, w, h, bpp = 8, b"", 0, 0, 3
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4}.get(ctype, 0)
            if depth != 8 or bpp == 0:
                return w, h, []
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp + 1
    for y in range(h):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) *
                                                 stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p_ = a + b - c
                pa, pb, pc = abs(p_ - a), abs(p_ - b), abs(p_ - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(line)
        prev = line
    return w, h, rows


def inked(rows, x0, x1, y0, y1, bpp):
    n = 0
    for y in range(y0, y1):
        r = rows[y]
        for x in range(x0, x1):
            if r[x * bpp:x * bpp + 3] != b"\xff\xff\xff":
                n += 1
    return n


def meta(text, prop):
    m = re.search(r'<meta (?:property|name)="%s" content="([^"]*)"' %
                  re.escape(prop), text)
    return html.unescape(m.group(1)) if m else None


def card_checks(name, page, image_path):
    img = meta(page, "og:image") or ""
    check("card: %s's og:image is %s" % (name, image_path),
          urllib.parse.urlsplit(img).path == image_path, img)
    check("card: %s has og:image:alt and a large Twitter card" % name,
          (meta(page, "og:image:alt") or "") != "" and
          meta(page, "twitter:card") == "summary_large_image" and
          meta(page, "twitter:image") == img)
    r = http(image_path)
    w, h, rows = png_pixels(r.body)
    bpp = 4 if r.body[25:26] == b"\x06" else 3
    check("card: %s's card is a 1200x630 PNG" % name,
          r.status == 200 and r.headers.get("content-type") == "image/png"
          and (w, h) == (1200, 630), "%s %sx%s" % (r.status, w, h))
    if rows:
        check("card: %s's card has text drawn (the fonts are there) and "
              "blank margins" % name,
              inked(rows, 80, 1120, 60, 600, bpp) > 5000 and
              inked(rows, 1140, 1200, 30, 630, bpp) == 0 and
              inked(rows, 0, 60, 30, 630, bpp) == 0)
    tag = r.headers.get("etag")
    again = http(image_path, headers={"If-None-Match": tag or "x"})
    check("card: %s's card is cached (ETag, 304, a day)" % name,
          tag and again.status == 304 and "max-age=86400" in
          r.headers.get("cache-control", ""), "%s %s" % (tag, again.status))


lang = sql("SELECT lang FROM posting WHERE id = %s" %
           path.split("/")[2].split("-")[0])[0][0]
card_checks("the posting", r.text, "/jobs/%s/card-%s.png" %
            (path.split("/")[2].split("-")[0], lang))
card_checks("the home page", http("/").text, "/card.png")
card_checks("a search page", http("/jobs?q=manager").text, "/card.png")

# A posting whose company and title are in other scripts.
co = sql("INSERT INTO company (key, name, slug) VALUES ('tsum-share-test',"
         " 'ЦУМ 上海滩', 'tsum-share-test') ON CONFLICT (slug) DO UPDATE SET name ="
         " excluded.name RETURNING id")[0][0]
pid = sql("INSERT INTO posting (company_id, company_name, company_raw,"
          " title, title_raw, slug, contract, city_name, description,"
          " apply_url, lang, status, expires_at) VALUES (%s, 'ЦУМ 上海滩',"
          " 'ЦУМ 上海滩', 'Продавец-консультант 零售店经理', 'x',"
          " 'prodavec', 'permanent', 'Москва', 'Описание вакансии.',"
          " 'https://example.com/a', 'en', 'published', now() +"
          " interval '5 days') RETURNING id" % co)[0][0]
page = http("/jobs/%s-prodavec" % pid)
page = http(page.headers.get("location") or "/jobs/%s-prodavec" % pid) \
    if page.status == 301 else page
card_checks("a posting in Cyrillic and Chinese", page.text,
            "/jobs/%s/card-en.png" % pid)
sql("DELETE FROM posting WHERE id = %s" % pid)
sql("DELETE FROM company WHERE id = %s" % co)
r = http("/jobs/%s/card-en.png" % pid)
check("card: a posting that is gone has no card", r.status == 404,
      str(r.status))
r = http("/jobs/%s/card-xx.png" % path.split("/")[2].split("-")[0])
check("card: an unknown language answers 404", r.status == 404)

d = browser()
try:
    d.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": BASE, "permissions": ["clipboardReadWrite",
                                        "clipboardSanitizedWrite"]})
    load(d, BASE + path)
    b = d.find_element(By.CSS_SELECTOR, "button[data-copy]")
    check("share: with JavaScript the copy button shows", b.is_displayed())
    b.click()
    WebDriverWait(d, 10).until(lambda x: x.find_element(
        By.CSS_SELECTOR, ".share .copied").text != "")
    said = d.find_element(By.CSS_SELECTOR, ".share .copied").text
    got = d.execute_async_script(
        "var done = arguments[0];"
        "navigator.clipboard.readText().then(done, function (e) {"
        " done('error: ' + e); });")
    check("share: the copy button copies the canonical URL",
          got == canonical and said == "Link copied.",
          "%r %r" % (got, said))
    d.save_screenshot(os.path.join(OUT, "share-posting.png"))
finally:
    d.quit()

d = browser(script=False)
try:
    load(d, BASE + path)
    b = d.find_element(By.CSS_SELECTOR, "button[data-copy]")
    check("share: without JavaScript the copy button stays hidden",
          not b.is_displayed() and b.get_attribute("hidden") is not None)
    check("share: without JavaScript the share links are there",
          len(d.find_elements(By.CSS_SELECTOR, ".share a")) == 4)
finally:
    d.quit()
done()
