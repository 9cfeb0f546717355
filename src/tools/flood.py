#!/usr/bin/env python3
"""flood.py BASE SECONDS [IDLE [SLOW]]: hold IDLE (2 000) idle connections
and SLOW (1 000) slowloris clients (a header line a second, never ending
the request) to BASE for SECONDS, then close them all.  For make bench;
tests/faults/test_flood.py does the same inside a test."""
import resource, socket, sys, time, urllib.parse

u = urllib.parse.urlparse(sys.argv[1])
secs = float(sys.argv[2])
idle = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
slow = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, idle + slow + 256), hard))
addr = (u.hostname, u.port)
held = [socket.create_connection(addr, timeout=5) for _ in range(idle)]
drip = []
for _ in range(slow):
    s = socket.create_connection(addr, timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    drip.append(s)
end = time.time() + secs
n = 0
while time.time() < end:
    n += 1
    for s in drip:
        try:
            s.sendall(b"X-a%d: b\r\n" % n)
        except OSError:
            pass
    time.sleep(1)
for s in held + drip:
    s.close()
