"""Headless Chromium: a job seeker searches, opens a posting and sees it.
Screenshots land in tests/out/."""

import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done  # noqa: E402
from fjbrowser import browser, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


d = browser()
try:
    d.get(BASE + "/")
    check("browser: home title", "Fashion Jobs" in d.title, d.title)
    h1 = d.find_element(By.CSS_SELECTOR, ".hero h1").text
    check("browser: header shows the count", "Fashion Jobs" in h1, h1)
    d.save_screenshot(os.path.join(OUT, "home.png"))

    box = d.find_element(By.CSS_SELECTOR, "header input[name=q]")
    box.send_keys("hermes milan")
    box.submit()
    WebDriverWait(d, 10).until(EC.url_contains("/jobs?"))
    cards = d.find_elements(By.CSS_SELECTOR, "li.card")
    check("browser: 'hermes milan' finds cards", len(cards) > 0,
          str(len(cards)))
    first = cards[0].text if cards else ""
    plain = unicodedata.normalize("NFKD", first).encode("ascii", "ignore")
    check("browser: first card is Hermès in Milano",
          b"HERMES" in plain.upper() and "Milano" in first, first)
    check("browser: the search box keeps the query",
          d.find_element(By.CSS_SELECTOR, "header input[name=q]")
          .get_attribute("value") == "hermes milan")
    d.save_screenshot(os.path.join(OUT, "search.png"))

    title = d.find_element(By.CSS_SELECTOR, "li.card .title").text
    d.find_element(By.CSS_SELECTOR, "li.card a").click()
    WebDriverWait(d, 10).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, "article.posting")))
    h1 = d.find_element(By.TAG_NAME, "h1").text
    check("browser: the posting opens with its title", h1 == title,
          "%r vs %r" % (h1, title))
    apply = d.find_elements(By.CSS_SELECTOR, ".apply a")
    check("browser: the posting has an apply link", len(apply) == 1)
    d.save_screenshot(os.path.join(OUT, "posting.png"))
    check("browser: screenshot saved",
          os.path.getsize(os.path.join(OUT, "posting.png")) > 1000)
finally:
    d.quit()
done()
