"""Headless Chromium with JavaScript off: a seeker saves a job from the
search results and from a posting page, finds both on /saved, removes
one.  Screenshot in tests/out/saved.png."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done  # noqa: E402
from fjbrowser import browser, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

d = browser(script=False)
try:
    d.get(BASE + "/jobs?sort=date")
    first = d.find_elements(By.CSS_SELECTOR, "li.card")[0]
    t1 = first.find_element(By.CSS_SELECTOR, ".title").text
    first.find_element(By.CSS_SELECTOR, "form.save button").click()
    WebDriverWait(d, 10).until(EC.url_contains("/saved"))
    titles = [e.text for e in d.find_elements(By.CSS_SELECTOR,
                                              "li.card .title")]
    check("Save on a card lands on /saved with the job", titles == [t1],
          repr(titles))

    d.get(BASE + "/jobs?sort=date&page=2")
    d.find_elements(By.CSS_SELECTOR, "li.card a")[0].click()
    WebDriverWait(d, 10).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, "article.posting")))
    t2 = d.find_element(By.TAG_NAME, "h1").text
    d.find_element(By.CSS_SELECTOR, "article.posting form.save button")\
        .click()
    WebDriverWait(d, 10).until(EC.url_contains("/saved"))
    titles = [e.text for e in d.find_elements(By.CSS_SELECTOR,
                                              "li.card .title")]
    check("Save on a posting page adds it on top", titles == [t2, t1],
          repr(titles))
    d.save_screenshot(os.path.join(OUT, "saved.png"))

    # The answer is /saved again: wait for the page itself to change.
    page = d.find_element(By.TAG_NAME, "html")
    d.find_elements(By.CSS_SELECTOR, "li.card form.save button")[0].click()
    WebDriverWait(d, 10).until(EC.staleness_of(page))
    titles = [e.text for e in d.find_elements(By.CSS_SELECTOR,
                                              "li.card .title")]
    check("Remove takes it off the list", titles == [t1], repr(titles))
finally:
    d.quit()
done()
