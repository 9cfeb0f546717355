"""Headless Chromium: a job seeker searches near Milano with the distance
choice, sorts by distance, sees each town's distance, and follows a nearby
town from Milano's page.  Screenshots land in tests/out/."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done  # noqa: E402
from fjbrowser import browser, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa


def total(d):
    t = d.find_element(By.CSS_SELECTOR, "p.total .count").text
    return int(t.replace(" ", "").replace("\u202f", ""))


d = browser()
try:
    d.get(BASE + "/jobs?city=milano")
    alone = total(d)
    city = d.find_element(By.CSS_SELECTOR, "header input[name=city]")
    city.clear()
    city.send_keys("Milano")
    Select(d.find_element(By.CSS_SELECTOR, "header select[name=km]")) \
        .select_by_visible_text("+ 30 km")
    city.submit()
    WebDriverWait(d, 10).until(EC.url_contains("km=30"))
    near = total(d)
    check("browser: + 30 km finds more than Milano alone (%d > %d)" %
          (near, alone), near > alone)
    check("browser: the distance choice stays + 30 km",
          Select(d.find_element(By.CSS_SELECTOR, "header select[name=km]"))
          .first_selected_option.text == "+ 30 km")
    Select(d.find_element(By.CSS_SELECTOR, "form.sort select[name=sort]")) \
        .select_by_visible_text("Nearest")
    d.find_element(By.CSS_SELECTOR, "form.sort button").click()
    WebDriverWait(d, 10).until(EC.url_contains("sort=distance"))
    last = max([1] + [int(m.group(1)) for m in (
        re.search(r"[?&]page=(\d+)", a.get_attribute("href") or "")
        for a in d.find_elements(By.CSS_SELECTOR, "nav.pages a")) if m])
    d.get(d.current_url + "&page=%d" % last)
    metas = [e.text for e in d.find_elements(By.CSS_SELECTOR,
                                             "li.card .meta")]
    kms = [int(m.group(1)) for m in (re.search(r"· (\d+) km$", t)
                                     for t in metas) if m]
    check("browser: the last page sorted by distance shows towns with "
          "their distance (%s)" % kms[-3:], kms and kms == sorted(kms) and
          kms[-1] <= 30, str(metas[-3:]))
    d.save_screenshot(os.path.join(OUT, "distance.png"))

    d.get(BASE + "/cities/milano")
    near = d.find_element(By.CSS_SELECTOR, "p.near")
    check("browser: Milano's page says which towns nearby have jobs",
          near.text.startswith("Also near Milano: ") and
          not near.text.endswith(","), near.text)
    link = near.find_elements(By.TAG_NAME, "a")[0]
    name = link.text
    link.click()
    WebDriverWait(d, 10).until(EC.presence_of_element_located(
        (By.TAG_NAME, "h1")))
    check("browser: a nearby town's link opens its page (%s)" % name,
          d.find_element(By.TAG_NAME, "h1").text == "Fashion jobs in " + name,
          d.find_element(By.TAG_NAME, "h1").text)
    check("browser: the footer credits GeoNames",
          "GeoNames" in d.find_element(By.CSS_SELECTOR, "footer").text)
finally:
    d.quit()
done()
