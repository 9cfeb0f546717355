"""axe-core and pa11y (node_modules, the versions package-lock.json pins)
on the pages test_lighthouse.py audits (fjpages.py) and a search answered
400 (a bad distance), each at 390 and 1280
CSS pixels: zero axe violations (axe.min.js injected into the system
Chromium through selenium, every rule axe runs by default: WCAG 2.0, 2.1,
2.2 A and AA and its best practices) and zero pa11y errors (WCAG2AA,
HTML_CodeSniffer, one Chromium for every page, tests/e2e/pa11y.js)."""

import json
import os
import subprocess
import tempfile

from fjpages import BASE, CHROME_FLAGS, ROOT, installed, pages, \
    recruiter_cookie
from fjbrowser import browser, load
from fjtest import check, done

WIDTHS = (390, 1280)
AXE = os.path.join(ROOT, "node_modules", "axe-core", "axe.min.js")

RUN_AXE = """
var done = arguments[arguments.length - 1];
axe.run(document).then(function (r) {
    done({violations: r.violations.map(function (v) {
        return {id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(function (n) {
                    return n.target.join(' '); })};
    }), passes: r.passes.length});
}, function (e) { done({error: String(e)}); });
"""

if not installed("axe-core/axe.min.js", "pa11y/package.json",
                 "puppeteer/package.json"):
    done()
cookie = recruiter_cookie("axe")
# And the search page that answers 400 (its message, the field marked).
audited = pages() + [("search-error", "/jobs?q=coat&city=Milano&km=abc",
                      False, False)]

# pa11y in its own process while axe runs here.
feed = [{"name": name, "url": BASE + path, "width": w,
         "cookie": cookie if signed else ""}
        for name, path, signed, _ in audited for w in WIDTHS]
env = dict(os.environ, FJ_CHROME_FLAGS=json.dumps(CHROME_FLAGS))
with tempfile.TemporaryFile("w+") as f:
    json.dump(feed, f)
    f.seek(0)
    pa11y = subprocess.Popen(["node", os.path.join(ROOT, "tests", "e2e",
                                                   "pa11y.js")],
                             stdin=f, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)

with open(AXE) as f:
    axe_source = f.read()
d = browser()
try:
    d.set_script_timeout(60)
    load(d, BASE + "/static/ping")
    jar = [c.split("=", 1) for c in cookie.split("; ")]
    for w in WIDTHS:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": w, "height": 800, "deviceScaleFactor": 1,
            "mobile": w < 1000})
        for name, path, signed, _ in audited:
            d.delete_all_cookies()
            if signed:
                for k, v in jar:
                    d.add_cookie({"name": k, "value": v, "path": "/"})
            load(d, BASE + path)
            what = "axe: %s (%s) at %d px" % (name, path, w)
            check(what + " is the page itself", d.current_url == BASE + path,
                  d.current_url)
            d.execute_script(axe_source)
            r = d.execute_async_script(RUN_AXE)
            if r.get("error"):
                check(what + " runs", False, r["error"])
                continue
            v = r["violations"]
            check(what + " has no violation", not v and r["passes"] > 0,
                  "; ".join("%s (%s): %s" % (x["id"], x["impact"],
                                             ", ".join(x["nodes"]))
                            for x in v))
finally:
    d.quit()

out, err = pa11y.communicate(timeout=600)
seen = set()
for line in out.splitlines():
    r = json.loads(line)
    seen.add((r["name"], r["width"]))
    what = "pa11y: %s at %d px" % (r["name"], r["width"])
    if "error" in r:
        check(what + " runs", False, r["error"])
        continue
    check(what + " is the page itself", r["url"] == BASE + dict(
        (n, p) for n, p, _, _ in audited)[r["name"]], r["url"])
    errors = [i for i in r["issues"] if i["type"] == "error"]
    check(what + " has no WCAG2AA error", not errors,
          "; ".join("%s at %s: %s" % (i["code"], i["selector"],
                                      i["message"][:120])
                    for i in errors[:5]))
check("pa11y audited every page at every width",
      len(seen) == len(feed) and pa11y.returncode == 0,
      "%d of %d; exit %s %s" % (len(seen), len(feed), pa11y.returncode,
                               err.strip()[-300:]))
done()
