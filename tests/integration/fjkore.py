"""More Kore instances for the tests that need several: each with its own
configuration (src/tools/kore.sh's kore_conf), port and log, in a session
of its own so that stopping it stops its workers too."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request


def free_port():
    """A port nothing listens on now, below the ephemeral range if we can."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Kore:
    def __init__(self, env=None, port=None, name="kore"):
        self.port = port or free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.dir = tempfile.mkdtemp(prefix="fj-%s." % name)
        os.chmod(self.dir, 0o755)
        self.conf = os.path.join(self.dir, "kore.conf")
        self.log = os.path.join(self.dir, "kore.log")
        subprocess.run(["sh", "-c", '. src/tools/kore.sh && '
                        'kore_conf "$1" "$2" yes', "sh", self.conf,
                        str(self.port)], check=True)
        self.env = dict(os.environ)
        self.env["FJ_BASE_URL"] = self.base
        self.env.update(env or {})
        self.proc = None

    def start(self, wait=True):
        out = open(self.log, "ab")
        self.proc = subprocess.Popen(["kore", "-f", "-c", self.conf],
                                     stdout=out, stderr=subprocess.STDOUT,
                                     env=self.env, start_new_session=True)
        out.close()
        if wait:
            self.wait_up()
        return self

    def wait_up(self, tries=200):
        for _ in range(tries):
            try:
                with urllib.request.urlopen(self.base + "/static/ping",
                                            timeout=2):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self, sig=signal.SIGTERM):
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        # Workers outlive a SIGKILLed parent for a moment.
        for _ in range(100):
            r = subprocess.run(["pgrep", "-g", str(self.proc.pid)],
                               capture_output=True)
            if r.returncode != 0:
                break
            time.sleep(0.05)
        self.proc = None

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def logtext(self):
        with open(self.log, "rb") as f:
            return f.read().decode("utf-8", "replace")
