"""Shared by the browser tests: a headless Chromium (selenium) and the
folder for screenshots."""

import os
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

OUT = os.path.join(os.path.dirname(__file__), "..", "out")
os.makedirs(OUT, exist_ok=True)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--window-size=1280,1000",
              "--user-data-dir=" + tempfile.mkdtemp(prefix="fj-chrome-")):
        opts.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                            options=opts)
