"""Headless Chromium with JavaScript off: the owner of a job alert opens
the manage page from its link, follows "Change the search", gets the
field's message for a bad change, then saves a new search and frequency
and is back on the manage page with it.  Screenshot in
tests/out/alert-edit.png."""

import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done, sql  # noqa: E402
from fjbrowser import browser, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

RUN = "%d%d" % (os.getpid() % 1000, int(time.time()) % 100000)
addr = "nojs-%s@example.com" % RUN
tok = sql("INSERT INTO alert_subscriber (email) VALUES (:'p1') "
          "RETURNING manage_token", addr)[0][0]
aid = sql("INSERT INTO alert (subscriber_id, filters, label, search, "
          "frequency, confirm_hash, confirm_expires, confirmed_at, since_at,"
          " checked_upto, next_run_at) SELECT id, '{\"q\": \"buyer\"}', "
          "'buyer', '/jobs?q=buyer', 'daily', sha256(convert_to(:'p1', "
          "'UTF8')), now(), now(), now(), now(), now() + interval '1 day' "
          "FROM alert_subscriber WHERE email = :'p1' RETURNING id",
          addr)[0][0]

d = browser(script=False)
try:
    d.get(BASE + "/alerts/manage?token=" + tok)
    d.find_element(By.CSS_SELECTOR, "#alert-%s a.alert-edit" % aid).click()
    WebDriverWait(d, 20).until(EC.url_contains("/alerts/edit"))
    q = d.find_element(By.ID, "q")
    check("the change form shows the alert's words",
          q.get_attribute("value") == "buyer", q.get_attribute("value"))
    q.clear()
    q.send_keys("store manager")
    d.find_element(By.ID, "km").send_keys("20")
    d.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    # The form page had no message: its presence is the answer's page.
    WebDriverWait(d, 20).until(EC.presence_of_element_located(
        (By.ID, "km-error")))
    err = d.find_elements(By.ID, "km-error")
    check("a distance without a city: the field's message, the words kept",
          err and "needs a city" in err[0].text and
          d.find_element(By.ID, "q").get_attribute("value") ==
          "store manager", d.page_source[-600:])
    d.find_element(By.ID, "city").send_keys("Milan")
    d.find_element(By.CSS_SELECTOR,
                   "input[name=frequency][value=weekly]").click()
    d.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
    WebDriverWait(d, 20).until(EC.url_contains("/alerts/manage"))
    label = d.find_element(By.CSS_SELECTOR, "#alert-%s .alert-label a"
                           % aid).text
    state = d.find_element(By.CSS_SELECTOR, "#alert-%s .alert-state"
                           % aid).text
    check("saved: back on the manage page with the new search and "
          "frequency", "store manager" in label and "Milan" in label and
          "once a week" in state, "%r %r" % (label, state))
    d.save_screenshot(os.path.join(OUT, "alert-edit.png"))
finally:
    d.quit()
    sql("DELETE FROM alert_subscriber WHERE email = :'p1'", addr)
done()
