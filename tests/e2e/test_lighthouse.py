"""Lighthouse (node_modules, the version package-lock.json pins) against
the system Chromium on the home, search, posting, company and sign-up
pages and the posting form (signed in), with the mobile and the desktop
preset: Accessibility, Best Practices and SEO each at least 95, and no
console error.  Each page and preset is audited once, three at a time;
the reports land in tests/out/lighthouse-PAGE-PRESET.json.

Set aside: the robots.txt audit.  Lighthouse fetches /robots.txt from
inside the page, and the pages' CSP (default-src 'none', no connect-src)
refuses that fetch, so the audit says "unable to download" whatever the
file holds.  The SEO score here is Lighthouse's own weighted mean
without that one audit; any other robots.txt verdict is a failure.  And
on the pages kept out of search engines on purpose (a search with words,
the recruiter's pages: noindex), the is-crawlable audit, which can only
fail there, is left out the same way; what it found is checked instead:
noindex, nothing else."""

import concurrent.futures
import json
import os
import subprocess

from fjpages import BASE, CHROME_FLAGS, installed, pages, recruiter_cookie, \
    tool
from fjbrowser import OUT
from fjtest import check, done

MIN = 0.95
CATEGORIES = ("accessibility", "best-practices", "seo")
PARALLEL = int(os.environ.get("FJ_LIGHTHOUSE_JOBS", "3"))


def run(job):
    name, path, cookie, preset, _ = job
    out = os.path.join(OUT, "lighthouse-%s-%s.json" % (name, preset))
    cmd = [tool("lighthouse"), BASE + path, "--quiet",
           "--output=json", "--output-path=" + out,
           "--only-categories=" + ",".join(CATEGORIES),
           "--chrome-flags=" + " ".join(CHROME_FLAGS),
           "--max-wait-for-load=30000",
           # Nothing here looks at it, and it is the report's bulk.
           "--disable-full-page-screenshot"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    if cookie:
        cmd.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return job, None, "lighthouse ran past 300 s"
    if p.returncode != 0 or not os.path.exists(out):
        return job, None, "lighthouse exited %d: %s" % (
            p.returncode, (p.stderr or p.stdout).strip()[-400:])
    with open(out) as f:
        return job, json.load(f), None


def aside(report, cat, indexable):
    """The audits of cat left out of its score (see above)."""
    if cat != "seo":
        return set()
    out = set()
    robots = report["audits"].get("robots-txt", {})
    if robots.get("score") == 0 and \
            "unable to download" in (robots.get("explanation") or ""):
        out.add("robots-txt")
    if not indexable:
        out.add("is-crawlable")
    return out


def score(report, cat, indexable):
    """The category's score, computed as Lighthouse does, without the
    audits set aside.  Returns (score, note)."""
    c = report["categories"][cat]
    skip = aside(report, cat, indexable)
    if not skip:
        return c["score"], ""
    num = den = 0.0
    for ref in c["auditRefs"]:
        a = report["audits"][ref["id"]]
        if ref["id"] in skip or a.get("score") is None:
            continue
        num += ref["weight"] * a["score"]
        den += ref["weight"]
    return (num / den if den else 0), " (%s aside)" % ", ".join(sorted(skip))


def failing(report, cat, indexable):
    """The audits of cat that lost points: id and title."""
    out = []
    skip = aside(report, cat, indexable)
    for ref in report["categories"][cat]["auditRefs"]:
        a = report["audits"][ref["id"]]
        if ref["weight"] > 0 and a.get("score") is not None and \
                a["score"] < 1 and ref["id"] not in skip:
            out.append("%s (%s)" % (ref["id"], a.get("title", "")))
    return out


def blockers(report):
    """What is-crawlable found blocking the page, as text."""
    a = report["audits"].get("is-crawlable", {})
    items = (a.get("details") or {}).get("items") or []
    return [json.dumps(i.get("source", i), sort_keys=True) for i in items]


if not installed(".bin/lighthouse"):
    done()
cookie = recruiter_cookie("lighthouse")
jobs = [(name, path, cookie if signed else None, preset, indexable)
        for name, path, signed, indexable in pages()
        for preset in ("mobile", "desktop")]
with concurrent.futures.ThreadPoolExecutor(PARALLEL) as pool:
    results = list(pool.map(run, jobs))

for (name, path, _, preset, indexable), report, err in results:
    what = "lighthouse: %s (%s) %s" % (name, path, preset)
    if report is None:
        check(what + " runs", False, err)
        continue
    final = report.get("finalDisplayedUrl") or report.get("finalUrl") or ""
    check(what + " audits the page itself (no redirect)",
          final == BASE + path, final)
    if report.get("runtimeError"):
        check(what + " has no runtime error", False,
              report["runtimeError"].get("message", ""))
    for cat in CATEGORIES:
        s, note = score(report, cat, indexable)
        check("%s %s at least 95%s" % (what, cat, note),
              s is not None and s >= MIN, "%s; %s" % (
                  s, ", ".join(failing(report, cat, indexable))))
    if not indexable:
        b = blockers(report)
        check(what + " is kept out of search engines by noindex alone",
              len(b) == 1 and "noindex" in b[0], "; ".join(b))
    con = report["audits"].get("errors-in-console", {})
    items = (con.get("details") or {}).get("items") or []
    check(what + " logs no console error", con.get("score") == 1 and
          not items, "; ".join("%s %s" % (i.get("source", ""),
                                           i.get("description", ""))[:200]
                               for i in items[:3]))
done()
