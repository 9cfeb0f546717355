"""Headless Chromium: every page fits a phone (WCAG 1.4.10).  At 320, 390
and 1280 CSS pixels wide, on the public pages and the recruiter's, the
document is no wider than the viewport and every control lies inside it.
On a phone the filters come before the results, and the posting's Apply
button is in reach.  Screenshots land in tests/out/phone-*.png."""

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, check, done, http, sql  # noqa: E402
from fjbrowser import browser, load, OUT  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

RUN = "%d" % (int(time.time()) % 1000000)
PASSWORD = "herringbone coat 1961"
WIDTHS = (320, 390, 1280)

# Everything a person can press or type into, and where it ends up.
MEASURE = """
var vw = document.documentElement.clientWidth;
var out = {vw: vw, sw: document.documentElement.scrollWidth,
           bw: document.body.scrollWidth, bad: []};
var sel = 'a[href], button, input:not([type=hidden]), select, textarea, ' +
          'summary, label';
document.querySelectorAll(sel).forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0)
        return;
    if (r.left < -0.5 || r.right > vw + 0.5)
        out.bad.push(e.tagName + ' ' + (e.id || e.className || '') + ' "' +
            (e.textContent || e.value || '').trim().slice(0, 30) + '" ' +
            Math.round(r.left) + '..' + Math.round(r.right));
});
return out;
"""




def viewport(d, width):
    """A phone's viewport (mobile: the meta viewport applies) or a
    desktop's, 800 CSS pixels high."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1,
        "mobile": width < 1000})




def fits(d, name, url):
    for w in WIDTHS:
        viewport(d, w)
        load(d, url)
        m = d.execute_script(MEASURE)
        check("phone: %s at %d px is no wider than the viewport" % (name, w),
              m["sw"] <= m["vw"] and m["bw"] <= m["vw"],
              "document %d/%d px in a %d px viewport" %
              (m["sw"], m["bw"], m["vw"]))
        check("phone: %s at %d px has every control inside" % (name, w),
              not m["bad"], "; ".join(m["bad"][:5]))
        d.save_screenshot(os.path.join(OUT, "phone-%s-%d.png" % (name, w)))


def top(d, css):
    e = d.find_elements(By.CSS_SELECTOR, css)
    return e[0].rect["y"] if e else None


def fill(d, name, value):
    e = d.find_element(By.ID, name)
    e.clear()
    e.send_keys(value)


def submit(d, css):
    old = d.find_element(By.TAG_NAME, "html")
    d.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(d, 15).until(lambda x: x.find_element(
        By.TAG_NAME, "html") != old)
    WebDriverWait(d, 15).until(
        lambda x: x.execute_script("return document.readyState") ==
        "complete")


row = sql("SELECT p.id || '-' || p.slug, co.slug, ci.slug FROM posting p"
          " JOIN company co ON co.id = p.company_id"
          " JOIN city ci ON ci.id = p.city_id"
          " WHERE p.status = 'published' AND p.expires_at > now()"
          " ORDER BY length(p.title) DESC LIMIT 1")[0]
posting, company, city = row
# The longest title on the board, the widest search, a long query.
pages = [
    ("home", "/"),
    ("search", "/jobs?q=manager&contract=permanent"),
    ("search-error", "/jobs?q=" + "manager " * 30 + "&city=Milano&km=abc"),
    ("posting", "/jobs/" + posting),
    ("company", "/companies/" + company),
    ("city", "/cities/" + city),
    ("signup", "/recruiter/signup"),
    ("login", "/recruiter/login"),
]

d = browser(height=900, extra=("--hide-scrollbars",))
try:
    for name, path in pages:
        fits(d, name, BASE + path)

    # On a phone the Filters disclosure comes before the first result and
    # opens without JavaScript; the active filter's remove link is on top.
    viewport(d, 390)
    d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled",
                      {"value": True})
    load(d, BASE + "/jobs?q=manager&contract=permanent")
    f, c = top(d, "details.filters summary"), top(d, "li.card")
    check("phone: the Filters disclosure comes before the results",
          f is not None and c is not None and f < c, "%r %r" % (f, c))
    chip = top(d, ".active .chip")
    check("phone: the active filter's remove link is above the results",
          chip is not None and chip < c, "%r %r" % (chip, c))
    d.find_element(By.CSS_SELECTOR, "details.filters summary").click()
    links = [e for e in d.find_elements(By.CSS_SELECTOR, ".facets li a")
             if e.is_displayed()]
    check("phone: the Filters disclosure opens without JavaScript",
          len(links) > 0, str(len(links)))
    d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled",
                      {"value": False})

    # On a desktop the filters are shown without opening anything.
    viewport(d, 1280)
    load(d, BASE + "/jobs?q=manager&contract=permanent")
    links = [e for e in d.find_elements(By.CSS_SELECTOR, ".facets li a")
             if e.is_displayed()]
    check("desktop: the filters are shown at once", len(links) > 0)
    viewport(d, 390)

    # The Apply button is in the first screen of a long posting.
    load(d, BASE + "/jobs/" + posting)
    a = d.find_elements(By.CSS_SELECTOR, ".apply a.button")
    check("phone: the posting's Apply button is in the first screen",
          a and a[0].rect["y"] + a[0].rect["height"] <= 800,
          str(a[0].rect if a else None))

    # Signed in: the dashboard and the posting form.
    email = "phone-%s@example.com" % RUN
    subprocess.run([os.environ.get("FJ_BIN", "bin/fashionjobs"), "admin",
                    "create", email], input=PASSWORD + "\n", check=True,
                   capture_output=True, text=True)
    viewport(d, 1280)
    load(d, BASE + "/recruiter/login")
    fill(d, "email", email)
    fill(d, "password", PASSWORD)
    submit(d, "form.form button[type=submit]")
    load(d, BASE + "/recruiter/company")
    fill(d, "name", "Maison Téléphone " + RUN)
    submit(d, "form.form button[type=submit]")
    load(d, BASE + "/recruiter/jobs/new")
    fill(d, "title", "Responsabile visual merchandising " + RUN)
    d.find_element(By.CSS_SELECTOR,
                   "#contract option[value=permanent]").click()
    fill(d, "city", "Milano")
    fill(d, "description", "Cura delle vetrine.\n\n- Milano\n- Roma")
    fill(d, "apply_email", "jobs@example.com")
    submit(d, "#preview-button")
    submit(d, "#publish-button")
    fits(d, "dashboard", BASE + "/recruiter")
    fits(d, "posting-form", BASE + "/recruiter/jobs/new")
finally:
    d.quit()

# Pages have numbers; a page past the last is not found.
r = http("/jobs?q=manager")
nums = re.findall(r'<a[^>]*href="[^"]*page=(\d+)[^"]*"[^>]*>(\d+)</a>', r.text)
check("pages: the search shows page numbers", len(nums) >= 2, str(nums[:5]))
last = re.search(r'aria-label="Page (\d+), the last"', r.text)
check("pages: the last page is named", last is not None)
if last:
    n = int(last.group(1))
    r = http("/jobs?q=manager&page=%d" % n)
    check("pages: the last page answers 200", r.status == 200, str(r.status))
    r = http("/jobs?q=manager&page=%d" % (n + 1))
    check("pages: a page past the last answers 404", r.status == 404,
          str(r.status))
    check("pages: no 'Page N of M' with N past M", "Page %d of %d" %
          (n + 1, n) not in r.text)
done()
