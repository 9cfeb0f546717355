"""Shared by the page checks (test_lighthouse.py, test_axe.py): the pages
they audit, a recruiter signed in for the posting form, and the npm tools
(node_modules, installed by src/tools/deps.sh) run against the system
Chromium: nothing downloads a browser."""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "integration"))
from fjtest import BASE, Browser, check, field, sql  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
NODE_BIN = os.path.join(ROOT, "node_modules", ".bin")
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync")
# Lighthouse and puppeteer look here for the browser.
os.environ["CHROME_PATH"] = CHROME
os.environ["PUPPETEER_EXECUTABLE_PATH"] = CHROME
os.environ["PUPPETEER_SKIP_DOWNLOAD"] = "1"


def pages():
    """(name, path, signed in, indexable) of every audited page: the
    longest open posting and its company, a search with words and a
    filter, the recruiter's sign-up and the posting form.  Not indexable:
    pages the board keeps out of search engines on purpose (noindex: a
    search with words, the recruiter's pages)."""
    posting, company = sql(
        "SELECT p.id || '-' || p.slug, co.slug FROM posting p"
        " JOIN company co ON co.id = p.company_id"
        " WHERE p.status = 'published' AND p.expires_at > now()"
        " ORDER BY length(p.title) DESC, p.id LIMIT 1")[0]
    return [
        ("home", "/", False, True),
        ("search", "/jobs?q=manager&contract=permanent", False, False),
        ("posting", "/jobs/" + posting, False, True),
        ("company", "/companies/" + company, False, True),
        ("signup", "/recruiter/signup", False, False),
        ("posting-form", "/recruiter/jobs/new", True, False),
    ]


def recruiter_cookie(tag):
    """The Cookie header of a recruiter signed in, with a company (the
    posting form needs one)."""
    run = "%d-%d" % (int(time.time()) % 1000000, os.getpid())
    email = "%s-%s@example.com" % (tag, run)
    password = "tweed jacket 1954 %s" % tag
    subprocess.run([os.environ.get("FJ_BIN", "bin/fashionjobs"), "admin",
                    "create", email], input=password + "\n", check=True,
                   capture_output=True, text=True)
    b = Browser()
    r = b.req("/recruiter/login")
    b.req("/recruiter/login", {"csrf": field(r.text, "csrf"),
                               "email": email, "password": password})
    r = b.req("/recruiter/company")
    b.req("/recruiter/company", {"csrf": field(r.text, "csrf"),
                                 "name": "Maison Audit " + run,
                                 "website": "https://example.com/",
                                 "description": "Ateliers in Como."})
    r = b.req("/recruiter/jobs/new")
    if r.status != 200:
        raise RuntimeError("posting form answers %d signed in" % r.status)
    return "; ".join("%s=%s" % (c.name, c.value) for c in b.jar)


def tool(name):
    return os.path.join(NODE_BIN, name)


def installed(*paths):
    """Whether the npm packages are there (paths below node_modules);
    says which are missing, and how to get them, when they are not."""
    missing = [p for p in paths if not os.path.exists(
        os.path.join(ROOT, "node_modules", p))]
    check("npm packages installed", not missing,
          "missing %s: run make deps" % ", ".join(missing))
    return not missing


__all__ = ["BASE", "CHROME", "CHROME_FLAGS", "ROOT", "installed", "pages",
           "recruiter_cookie", "tool"]
