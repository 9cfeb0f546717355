#!/usr/bin/python3
"""Mirror every posting through the sync API from empty, as a partner
would: walk next_cursor with limit=1000 until has_more is false.  Prints
"postings pages seconds".  Usage: mirror.py BASE KEY"""

import json
import sys
import time
import urllib.request

base, key = sys.argv[1], sys.argv[2]
mirror = {}
pages = 0
cursor = None
t0 = time.monotonic()
while True:
    url = base + "/api/v1/jobs?limit=1000" + ("&cursor=" + cursor
                                              if cursor else "")
    req = urllib.request.Request(url, headers={
        "Authorization": "Bearer " + key, "Accept-Encoding": "identity"})
    with urllib.request.urlopen(req, timeout=60) as r:
        d = json.load(r)
    for j in d["jobs"]:
        if j["status"] == "published":
            mirror[j["id"]] = j
        else:
            mirror.pop(j["id"], None)
    pages += 1
    cursor = d["next_cursor"]
    if not d["has_more"]:
        break
print(len(mirror), pages, "%.2f" % (time.monotonic() - t0))
