"""Sharing a posting: plain share links (WhatsApp, LinkedIn, X, e-mail)
that carry the canonical URL and title and nothing else, no third-party
script; a copy-link button where JavaScript runs (hidden where it does
not) that puts the canonical URL on the clipboard."""

import html
import os
import re
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done, http, sql  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "out")
os.makedirs(OUT, exist_ok=True)


def browser(script=True):
    opts = webdriver.ChromeOptions()
    if not script:
        opts.add_experimental_option("prefs", {
            "profile.managed_default_content_settings.javascript": 2})
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--window-size=1280,1000",
              "--user-data-dir=" + tempfile.mkdtemp(prefix="fj-chrome-")):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                            options=opts)


def load(d, url):
    d.get(url)
    WebDriverWait(d, 15).until(
        lambda x: x.execute_script("return document.readyState") ==
        "complete")


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
