#!/usr/bin/env python3
"""flood.py BASE SECONDS [IDLE [SLOW]]: hold IDLE (2 000) idle connections
and SLOW (1 000) slowloris clients (a header line a second, never ending
the request) to BASE for SECONDS, then close them all.  For make bench;
tests/faults/test_flood.py uses the same Flood inside a test."""
import resource, socket, sys, threading, time, urllib.parse


class Flood:
    """Idle and slowloris connections to addr, dripping once started."""

    def __init__(self, addr, idle=2000, slow=1000):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        want = min(hard, max(soft, idle + slow + 256))
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        self.held = [socket.create_connection(addr, timeout=5)
                     for _ in range(idle)]
        self.drip = []
        for _ in range(slow):
            s = socket.create_connection(addr, timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            self.drip.append(s)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._drip)

    def _drip(self):
        n = 0
        while not self.done.is_set():
            n += 1
            for s in self.drip:
                try:
                    s.sendall(b"X-a%d: b\r\n" % n)
                except OSError:
                    pass
            self.done.wait(1)

    def start(self):
        self.thread.start()

    def stop(self):
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()
        for s in self.held + self.drip:
            s.close()


if __name__ == "__main__":
    u = urllib.parse.urlparse(sys.argv[1])
    f = Flood((u.hostname, u.port),
              int(sys.argv[3]) if len(sys.argv) > 3 else 2000,
              int(sys.argv[4]) if len(sys.argv) > 4 else 1000)
    f.start()
    time.sleep(float(sys.argv[2]))
    f.stop()
