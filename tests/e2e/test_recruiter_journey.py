"""Headless Chromium: a recruiter signs up, creates the company profile,
submits a posting (first with an error, then fixed, through the preview),
an administrator approves it, it appears in search, the recruiter marks
it filled and it leaves the listing.  A <script> title must never run.
Screenshots land in tests/out/."""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, confirm_path, done, sql  # noqa: E402
from fjbrowser import browser, OUT  # noqa: E402

from selenium.common.exceptions import (  # noqa: E402
    NoAlertPresentException, StaleElementReferenceException,
    WebDriverException)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa

RUN = "%d" % (int(time.time()) % 1000000)
PASSWORD = "tweed jacket 1954"
TITLE = "<script>alert(1)</script> Atelier Pattern Cutter " + RUN




def no_alert(d, where):
    try:
        text = d.switch_to.alert.text
        check("browser: no script ran on " + where, False, text)
    except NoAlertPresentException:
        check("browser: no script ran on " + where, True)


def fill(d, name, value):
    e = d.find_element(By.ID, name)
    e.clear()
    e.send_keys(value)


def shot(d, name):
    d.save_screenshot(os.path.join(OUT, name))


def gone(element):
    """True once element left the document.  Chromium reports a node of a
    page being replaced either as stale or, in the middle of the swap, as
    "does not belong to the document": both mean the old page is gone."""
    try:
        element.is_enabled()
        return False
    except (StaleElementReferenceException, WebDriverException):
        return True


def submit(d, selector):
    """Click and wait for the next page to load."""
    old = d.find_element(By.TAG_NAME, "html")
    d.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(d, 15).until(lambda x: gone(old))
    WebDriverWait(d, 15).until(
        lambda x: x.execute_script("return document.readyState") ==
        "complete")


admin_email = "chief-%s@example.com" % RUN
subprocess.run([os.environ.get("FJ_BIN", "bin/fashionjobs"), "admin",
                "create", admin_email], input=PASSWORD + "\n", check=True,
               capture_output=True, text=True)
email = "maison-%s@example.com" % RUN

d = browser(height=1400)
try:
    d.get(BASE + "/recruiter")
    check("browser: signed out, the dashboard shows the log-in",
          d.current_url.endswith("/recruiter/login"), d.current_url)
    d.get(BASE + "/recruiter/signup")
    fill(d, "email", email)
    fill(d, "password", PASSWORD)
    fill(d, "password2", PASSWORD)
    shot(d, "recruiter-signup.png")
    submit(d, "form.form button[type=submit]")
    check("browser: sign-up says to check the e-mail",
          "Check your e-mail to continue" in d.page_source)
    shot(d, "recruiter-signup-sent.png")
    path = confirm_path(email)
    check("browser: the confirmation link arrives by e-mail", path)
    d.get(BASE + (path or "/recruiter/confirm"))
    shot(d, "recruiter-confirm.png")
    submit(d, "form.form button[type=submit]")
    check("browser: the link leads to the company profile",
          d.current_url.endswith("/recruiter/company"), d.current_url)

    fill(d, "name", "Maison Journey " + RUN)
    fill(d, "website", "https://maison-journey.example.com")
    fill(d, "description", "Tailoring since 1950.")
    submit(d, "form.form button[type=submit]")
    check("browser: the profile is saved",
          "profile is saved" in d.page_source)

    d.get(BASE + "/recruiter/jobs/new")
    fill(d, "title", TITLE)
    Select(d.find_element(By.NAME, "contract")).select_by_value("permanent")
    fill(d, "city", "Mailand")
    fill(d, "description", "Cut patterns for our ready-to-wear line.\n\n"
         "- Paper patterns\n- Grading")
    fill(d, "apply_url", "javascript:alert(2)")
    d.execute_script("document.getElementById('apply_url').type='text'")
    submit(d, "#preview-button")
    err = d.find_elements(By.ID, "apply_url-error")
    check("browser: a javascript: apply link is refused with a message",
          err and "https://" in err[0].text)
    check("browser: the typed title is kept",
          d.find_element(By.ID, "title").get_attribute("value") == TITLE)
    no_alert(d, "the form with an error")
    shot(d, "recruiter-form-error.png")

    fill(d, "apply_url", "https://maison-journey.example.com/jobs/" + RUN)
    submit(d, "#preview-button")
    shot(d, "recruiter-preview.png")
    errs = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".field-error")]
    check("browser: the fixed form has no error", not errs, repr(errs))
    check("browser: the preview shows the canonical city",
          "Milano" in d.find_element(By.ID, "preview").text)
    check("browser: the preview shows the title as text",
          TITLE in d.find_element(By.CSS_SELECTOR, "#preview h1").text)
    no_alert(d, "the preview")
    shot(d, "recruiter-preview.png")
    submit(d, "#publish-button")
    check("browser: submitted for review", "waits for a moderator" in
          d.page_source, d.current_url)
    shot(d, "recruiter-dashboard.png")
    pid = sql("SELECT p.id FROM posting p JOIN account a ON"
              " a.id = p.account_id WHERE a.email = :'p1'", email)[0][0]

    d.delete_all_cookies()
    d.get(BASE + "/recruiter/login")
    fill(d, "email", admin_email)
    fill(d, "password", PASSWORD)
    submit(d, "form.form button[type=submit]")
    check("browser: the administrator lands on /admin",
          d.current_url.endswith("/admin"), d.current_url)
    no_alert(d, "the moderation queue")
    shot(d, "admin-queue.png")
    submit(d, 'article.review[data-id="%s"] button[value=approve]' % pid)
    check("browser: approved", "Approved" in d.page_source)

    d.get(BASE + "/jobs?q=pattern+cutter+" + RUN)
    cards = [c.text for c in d.find_elements(By.CSS_SELECTOR, "li.card")]
    check("browser: the posting appears in search",
          any("Pattern Cutter" in c for c in cards), repr(cards[:3]))
    no_alert(d, "search")
    shot(d, "recruiter-search.png")
    d.find_element(By.CSS_SELECTOR, "li.card a").click()
    WebDriverWait(d, 10).until(lambda x: x.find_elements(
        By.CSS_SELECTOR, "article.posting"))
    no_alert(d, "the posting page")
    check("browser: the posting page shows the title as text",
          TITLE in d.find_element(By.TAG_NAME, "h1").text)
    href = d.find_element(By.CSS_SELECTOR, ".apply a").get_attribute("href")
    check("browser: Apply goes through the click counter",
          href.endswith("/jobs/%s/apply" % pid), href)

    d.delete_all_cookies()
    d.get(BASE + "/recruiter/login")
    fill(d, "email", email)
    fill(d, "password", PASSWORD)
    submit(d, "form.form button[type=submit]")
    row = 'tr[data-id="%s"]' % pid
    check("browser: the dashboard shows it published",
          d.find_element(By.CSS_SELECTOR, row).get_attribute(
              "data-status") == "published")
    submit(d, row + " button[value=fill]")
    check("browser: marked filled", "marked as filled" in d.page_source)
    shot(d, "recruiter-filled.png")
    d.get(BASE + "/jobs?q=pattern+cutter+" + RUN)
    cards = [c.text for c in d.find_elements(By.CSS_SELECTOR, "li.card")]
    check("browser: a filled posting leaves the listing",
          not any("Pattern Cutter" in c for c in cards), repr(cards[:3]))
finally:
    d.quit()
sql("DELETE FROM login_attempt")
done()
