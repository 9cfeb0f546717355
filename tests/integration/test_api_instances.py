"""The API's rate limit is one count for every worker of every Kore
instance: two more instances (two workers each) against the same
database, requests spread over them, and exactly the limit passes (a
count per worker would let up to four times as many through).  The
clients are told apart by X-Forwarded-For (FJ_TRUST_PROXY), one address
made up for each run, so the main server's own share is not touched."""

import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from fjtest import check, done, sql  # noqa: E402
from fjkore import Kore  # noqa: E402
import fjtest  # noqa: E402

LIMIT = 15
env = {"FJ_TRUST_PROXY": "1", "FJ_API_RATE_ANON": str(LIMIT)}
a = Kore(env, name="kore-a").start()
b = Kore(env, name="kore-b").start()


def get(kore, path, ip):
    fjtest.BASE = kore.base
    return fjtest.http(path, headers={"X-Forwarded-For": ip})


try:
    job = sql("SELECT id FROM posting WHERE status = 'published' "
              "ORDER BY id LIMIT 1")[0][0]
    # A window boundary in the middle would reset the count: once more.
    for attempt in range(2):
        ip = "2001:db8::%x:%x" % (os.getpid(), random.randrange(65536))
        window = int(time.time()) // 60
        codes = []
        for i in range(LIMIT * 4 + 4):
            r = get((a, b)[i % 2], "/api/v1/jobs/%s" % job, ip)
            codes.append(r.status)
        if int(time.time()) // 60 == window:
            break
    passed = codes.count(200)
    check("two instances let exactly the limit (%d) through for one client, "
          "not one limit per worker (%d passed)" % (LIMIT, passed),
          passed == LIMIT and codes[:LIMIT] == [200] * LIMIT, str(codes))
    check("past the limit both instances answer 429",
          set(codes[LIMIT:]) == {429}, str(codes[LIMIT:]))
    r = get(b, "/api/v1/jobs/%s" % job, ip)
    check("429 carries Retry-After within the minute",
          r.status == 429 and
          1 <= int(r.headers.get("retry-after", "0")) <= 60)
    other = get(a, "/api/v1/jobs/%s" % job, "2001:db8::1:%x" %
                random.randrange(65536))
    check("another client still passes", other.status == 200,
          str(other.status))
    rows = sql("SELECT n FROM api_rate WHERE slot = 'a:' || :'p1'", ip)
    check("the count lives in PostgreSQL (api_rate)",
          rows and int(rows[0][0]) >= LIMIT, str(rows))
    for k in (a, b):
        log = k.logtext()
        check("%s: no worker death or sandbox violation" % k.dir,
              "sandbox violation" not in log and "died" not in log)
finally:
    a.stop()
    b.stop()
    a.remove()
    b.remove()
done()
