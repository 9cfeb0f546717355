"""Shared by the browser tests: a headless Chromium (selenium), a page
load that waits for the document, and the folder for screenshots."""

import os
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

OUT = os.path.join(os.path.dirname(__file__), "..", "out")
os.makedirs(OUT, exist_ok=True)


def browser(height=1000, script=True, extra=()):
    """A 1280-pixel-wide headless Chromium; script=False: JavaScript off."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    if not script:
        opts.add_experimental_option("prefs", {
            "profile.managed_default_content_settings.javascript": 2})
    for a in ("--headless", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--window-size=1280,%d" % height,
              "--user-data-dir=" + tempfile.mkdtemp(prefix="fj-chrome-")) + \
            tuple(extra):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                            options=opts)


def load(d, url):
    d.get(url)
    WebDriverWait(d, 15).until(
        lambda x: x.execute_script("return document.readyState") ==
        "complete")
