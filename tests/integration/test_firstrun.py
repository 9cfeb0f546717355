"""make run from a fresh copy of the checkout inside a mode 700 directory
(a clone under root's home): it comes up healthy without any directory's
mode changing, the CLI finds the board's own database, Ctrl-C (SIGINT to
the process group) stops everything it started and prints "stopped.",
a second make run reuses the cluster and comes up cleanly, and with Kore's
parent killed first the rest is still stopped."""

import os
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time

from fjtest import check, done

SRC = os.getcwd()
TMP = tempfile.mkdtemp(prefix="fj-firstrun-")
os.chmod(TMP, 0o700)
CO = os.path.join(TMP, "fashionjobs")
os.mkdir(CO, 0o700)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


PORT, PGPORT = free_port(), free_port()
ENV = {k: v for k, v in os.environ.items()
       if k not in ("DATABASE_URL", "BASE", "FJ_BASE_URL", "MAKEFLAGS",
                    "MAKELEVEL", "MFLAGS")}
ENV.update(PORT=str(PORT), PGPORT=str(PGPORT), SEED_COUNT="20")

# The sources and the built bin/ and build/, times kept: no rebuild.
subprocess.run("tar -C '%s' --exclude=./var --exclude=./tests/out "
               "--exclude=./.git -cf - . | tar -C '%s' -xpf -" % (SRC, CO),
               shell=True, check=True)
os.chmod(CO, 0o700)

runs = []


def make_run(name):
    """make run in its own session (a terminal's process group), with
    SIGINT as a terminal leaves it: not ignored, whatever started us."""
    log = open(os.path.join(TMP, name + ".log"), "w+")
    p = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=CO,
                         env=ENV, stdout=log, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL, start_new_session=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                          signal.SIG_DFL))
    runs.append(p)
    return p, log


def text(log):
    log.flush()
    with open(log.name) as f:
        return f.read()


def healthy(p, secs=180):
    """/healthz answers 200 and this run's make is still running a second
    later (a Kore that could not bind exits)."""
    url = "http://127.0.0.1:%d/healthz" % PORT
    end = time.time() + secs
    while time.time() < end and p.poll() is None:
        r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w",
                            "%{http_code}", url], capture_output=True,
                           text=True)
        if r.stdout == "200":
            time.sleep(1)
            return p.poll() is None
        time.sleep(0.3)
    return False


def cluster():
    """The cluster's directory, as make run resolved it."""
    pg = os.path.join(CO, "var", "pg")
    return os.readlink(pg) if os.path.islink(pg) else pg


def ours():
    """Processes whose program, directory or command line is in the copy
    or its cluster: the postmaster, Kore's parent and workers (whose
    directory is their chroot under var/), the scraper, make, the shell."""
    roots = (TMP + "/", cluster() + "/")
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            paths = [cmd]
            for link in ("cwd", "exe"):
                try:
                    paths.append(os.readlink("/proc/%s/%s" % (pid, link)) + "/")
                except OSError:
                    pass
        except (OSError, IndexError):
            continue
        if any(r in p for r in roots for p in paths):
            found.append((int(pid), cmd.strip()))
    return found


def gone(secs=30):
    """What is left after secs; killed, so that the next check starts
    from nothing either way."""
    end = time.time() + secs
    while ours() and time.time() < end:
        time.sleep(0.2)
    left = ours()
    for pid, cmd in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return left


def stopped(p, log, how, up):
    """make run told to stop (how): nothing of it left, "stopped." said."""
    try:
        p.wait(60)
    except subprocess.TimeoutExpired:
        pass
    left = gone()
    check("%s nothing make run started is left" % how, up and not left,
          repr(left))
    check("%s make run prints stopped." % how,
          "stopped." in text(log), text(log)[-800:])


def fj(*args):
    env = {k: v for k, v in ENV.items()}
    return subprocess.run([os.path.join(CO, "bin", "fashionjobs")] + list(args),
                          cwd="/", env=env, capture_output=True, text=True)


def modes():
    return (stat.S_IMODE(os.stat(TMP).st_mode),
            stat.S_IMODE(os.stat(CO).st_mode))


try:
    # First run: a cluster the postgres user can reach.
    p, log = make_run("run1")
    up = healthy(p)
    check("make run from a mode 700 directory answers /healthz 200", up,
          text(log)[-1500:])
    check("no directory's mode changed", modes() == (0o700, 0o700),
          "%o %o" % modes())
    if os.getuid() == 0:
        c = cluster()
        check("as root, the cluster lives where postgres reaches it",
              os.path.islink(os.path.join(CO, "var", "pg")) and
              c.startswith("/var/lib/fashionjobs/") and
              os.path.isfile(os.path.join(c, "data", "PG_VERSION")), c)
    r = fj("partner", "list")
    check("the CLI without DATABASE_URL uses the board's database",
          r.returncode == 0 and "DATABASE_URL" not in r.stderr,
          "%d %s" % (r.returncode, r.stderr))
    r = fj("apikey", "create", "firstrun")
    r2 = subprocess.run(["psql", "-X", "-qAt", "-h", "127.0.0.1", "-p",
                         str(PGPORT), "-U", "postgres", "-c",
                         "SELECT count(*) FROM api_key WHERE name = "
                         "'firstrun'", "fashionjobs"],
                        capture_output=True, text=True)
    check("what the CLI writes lands in the cluster make run serves",
          r.returncode == 0 and r2.stdout.strip() == "1",
          "%s %s %s" % (r.stderr, r2.stdout, r2.stderr))
    pgv = os.path.join(cluster(), "data", "PG_VERSION")
    born = os.stat(pgv).st_mtime if os.path.exists(pgv) else None

    # Ctrl-C: SIGINT to the whole process group.
    if up:
        os.killpg(p.pid, signal.SIGINT)
    stopped(p, log, "after Ctrl-C", up)
    r = fj("partner", "list")
    check("with the cluster stopped the CLI says how to start it",
          r.returncode != 0 and "not running" in r.stderr and
          "make run" in r.stderr and CO in r.stderr, r.stderr)

    # Second run right after: same cluster, clean start.
    p, log = make_run("run2")
    up = healthy(p)
    check("a second make run right after comes up healthy", up,
          text(log)[-1500:])
    check("the second run starts cleanly",
          up and "Address already in use" not in text(log) and
          "could not bind" not in text(log), text(log)[-800:])
    check("the second run reuses the cluster",
          born is not None and os.path.exists(pgv) and
          os.stat(pgv).st_mtime == born, pgv)

    # Kore's parent dies first: the cleanup still stops everything.
    kore = [pid for pid, cmd in ours() if cmd.startswith("kore -f -c")]
    try:
        with open(os.path.join(CO, "var", "kore.pid")) as f:
            kore = [int(f.read().strip())]
    except (OSError, ValueError):
        pass
    check("Kore's parent found", up and len(kore) == 1, repr(kore))
    for pid in kore[:1]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    stopped(p, log, "with Kore's parent killed first", up and kore)

    # Third run stopped by SIGTERM (a service manager, or kill).
    p, log = make_run("run3")
    up = healthy(p)
    if up:
        os.killpg(p.pid, signal.SIGTERM)
    stopped(p, log, "after SIGTERM to the group", up)
finally:
    for p in runs:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
    for pid, cmd in ours():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    c = cluster()
    if c.startswith("/var/lib/fashionjobs/"):
        shutil.rmtree(os.path.dirname(c), ignore_errors=True)
    shutil.rmtree(TMP, ignore_errors=True)

done()
