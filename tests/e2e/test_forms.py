"""Headless Chromium: forms tell what is wrong and where.  A field in
error says so (aria-invalid, aria-describedby its message), the focus
lands on the error summary (a static script: the CSP allows no inline
one), required fields are marked as the server requires them, and a long
pasted title is kept whole, for the server to say it is too long."""

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done, http  # noqa: E402
from fjbrowser import browser, load, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

RUN = "%d" % (int(time.time()) % 1000000)
PASSWORD = "pinstripe waistcoat 1972"






def submit(d, css):
    old = d.find_element(By.TAG_NAME, "html")
    d.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(d, 15).until(lambda x: x.find_element(
        By.TAG_NAME, "html") != old)
    WebDriverWait(d, 15).until(
        lambda x: x.execute_script("return document.readyState") ==
        "complete")


def fill(d, name, value):
    e = d.find_element(By.ID, name)
    e.clear()
    e.send_keys(value)


def paste(d, name, value):
    """Set a value the way a paste does (no key-by-key typing)."""
    d.execute_script("arguments[0].value = arguments[1];",
                     d.find_element(By.ID, name), value)


def marked(d, field):
    """The field's aria-invalid and whether aria-describedby names a
    message that is on the page."""
    e = d.find_element(By.ID, field)
    ref = e.get_attribute("aria-describedby") or ""
    msgs = [d.find_elements(By.ID, i) for i in ref.split()]
    return (e.get_attribute("aria-invalid"),
            bool(ref) and all(m and m[0].text.strip() for m in msgs))


def required_marked(d, fields):
    """Each field has the required attribute and its label says so."""
    bad = []
    for f in fields:
        e = d.find_element(By.ID, f)
        lab = d.find_element(By.CSS_SELECTOR, "label[for=%s]" % f).text
        if e.get_attribute("required") is None or "required" not in lab:
            bad.append(f)
    return bad


r = http("/recruiter/signup")
csp = r.headers.get("content-security-policy", "")
check("forms: the CSP allows the board's own scripts, no inline ones",
      "script-src 'self'" in csp and "unsafe-inline" not in csp, csp)
check("forms: no inline script on the page",
      not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*ld\+json)[^>]*>",
                    r.text) and " onload=" not in r.text)
js = http("/static/site.js")
check("forms: /static/site.js is served as JavaScript",
      js.status == 200 and "javascript" in js.headers.get(
          "content-type", ""), str(js.status))
for path in ("/", "/jobs?q=shoes", "/recruiter/signup", "/recruiter/login"):
    check("forms: no maxlength that cuts a pasted value on " + path,
          "maxlength" not in http(path).text)

email = "forms-%s@example.com" % RUN
subprocess.run([os.environ.get("FJ_BIN", "bin/fashionjobs"), "admin",
                "create", email], input=PASSWORD + "\n", check=True,
               capture_output=True, text=True)
d = browser()
try:
    # Sign-up with two different passwords: the second is in error.
    load(d, BASE + "/recruiter/signup")
    check("forms: sign-up marks its required fields",
          required_marked(d, ("email", "password", "password2")) == [],
          str(required_marked(d, ("email", "password", "password2"))))
    fill(d, "email", "new-%s@example.com" % RUN)
    fill(d, "password", PASSWORD)
    fill(d, "password2", PASSWORD + " not the same")
    submit(d, "form.form button[type=submit]")
    inv, desc = marked(d, "password2")
    check("forms: sign-up's field in error has aria-invalid", inv == "true",
          str(inv))
    check("forms: sign-up's field in error is described by its message",
          desc)
    check("forms: sign-up's other fields are not marked invalid",
          marked(d, "email")[0] is None)
    check("forms: the focus is on sign-up's error summary",
          d.execute_script("return document.activeElement.id") ==
          "form-errors",
          d.execute_script("return document.activeElement.outerHTML")[:80])
    d.save_screenshot(os.path.join(OUT, "forms-signup-error.png"))

    # A search with a bad distance: the search page, the focus on its
    # message, the field marked and described by it, the words kept.
    load(d, BASE + "/jobs?q=coat&city=Milano&km=abc")
    check("forms: the focus is on the bad search's message",
          d.execute_script("return document.activeElement.id") ==
          "search-error",
          d.execute_script("return document.activeElement.outerHTML")[:80])
    km = d.find_element(By.CSS_SELECTOR, "form.search select[name=km]")
    ref = km.get_attribute("aria-describedby") or ""
    check("forms: the bad search's distance is marked and described",
          km.get_attribute("aria-invalid") == "true" and ref and
          "distance" in d.find_element(By.ID, ref).text, ref)
    check("forms: the bad search keeps the words and the city",
          d.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
          .get_attribute("value") == "coat" and
          d.find_element(By.CSS_SELECTOR, "form.search input[name=city]")
          .get_attribute("value") == "Milano")
    d.save_screenshot(os.path.join(OUT, "forms-search-error.png"))

    # Log in, make the company, then a posting with a pasted long title
    # and a description too short.
    load(d, BASE + "/recruiter/login")
    check("forms: log-in marks its required fields",
          required_marked(d, ("email", "password")) == [])
    fill(d, "email", email)
    fill(d, "password", PASSWORD)
    submit(d, "form.form button[type=submit]")
    load(d, BASE + "/recruiter/company")
    check("forms: the company form marks the name required",
          required_marked(d, ("name",)) == [])
    fill(d, "name", "Maison Formulaire " + RUN)
    submit(d, "form.form button[type=submit]")

    load(d, BASE + "/recruiter/jobs/new")
    req = ("title", "contract", "schedule", "description")
    check("forms: the posting form marks what the server requires",
          required_marked(d, req) == [], str(required_marked(d, req)))
    long_title = "Senior Visual Merchandiser " * 6
    paste(d, "title", long_title)
    check("forms: a pasted long title is kept whole",
          d.find_element(By.ID, "title").get_attribute("value") ==
          long_title)
    d.find_element(By.CSS_SELECTOR,
                   "#contract option[value=permanent]").click()
    fill(d, "city", "Milano")
    fill(d, "description", "Too short.")
    fill(d, "apply_email", "jobs@example.com")
    # The browser's own checks would stop the form: the server's count.
    d.execute_script("document.getElementById('job-form').noValidate = true")
    submit(d, "#preview-button")
    title_err = d.find_elements(By.ID, "title-error")
    check("forms: the server says the title is too long",
          title_err and "limited to 120 characters" in title_err[0].text,
          title_err[0].text if title_err else "no message")
    check("forms: the title is shown again whole",
          d.find_element(By.ID, "title").get_attribute("value") ==
          long_title.strip())
    for f in ("title", "description"):
        inv, desc = marked(d, f)
        check("forms: the posting's %s in error is marked and described" % f,
              inv == "true" and desc, "%r %r" % (inv, desc))
    check("forms: the posting's city (fine) is not marked invalid",
          marked(d, "city")[0] is None)
    check("forms: the focus is on the posting form's error summary",
          d.execute_script("return document.activeElement.id") ==
          "form-errors")
    d.save_screenshot(os.path.join(OUT, "forms-posting-error.png"))
    # Answers in error (the 400 of a form sent back) are network entries;
    # a script the CSP refused or that failed is not.
    logs = [x for x in d.get_log("browser") if x.get("level") == "SEVERE"
            and x.get("source") != "network"]
    check("forms: no script error, no CSP refusal", not logs,
          str(logs[:2]))
finally:
    d.quit()
done()
