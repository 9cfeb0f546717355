#!/bin/sh
# SIGKILL of `scrape --once --partner NAME` mid-import: the partner is
# taken over at once by the next run (its lease named a backend that is
# gone), the cut run shows in `partner runs` as interrupted, nothing of it
# was imported, and the next run imports everything.
# usage: test_scrape_kill.sh PGDIR PGPORT (run by src/tools/test.sh)
work=$(mktemp -d /tmp/fj-kill.XXXXXX)
trap 'kill $srv 2>/dev/null; rm -rf "$work"' EXIT
n=20000
mkdir -p build
cc -O2 -o build/genfeed src/tools/genfeed.c || exit 1
build/genfeed $n > "$work/big.xml"
# The feed's server on a port the system picks (a fixed one may be some
# connection's ephemeral port), written to $work/port.
python3 - "$work" > /dev/null 2>&1 <<'EOF' &
import functools, http.server, os, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler,
                      directory=sys.argv[1])
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
with open(sys.argv[1] + "/port.tmp", "w") as f:
    f.write(str(s.server_address[1]))
os.rename(sys.argv[1] + "/port.tmp", sys.argv[1] + "/port")
s.serve_forever()
EOF
srv=$!
i=0
until [ -s "$work/port" ] || [ $i -ge 50 ]; do
	i=$((i + 1)); sleep 0.1
done
port=$(cat "$work/port")
until curl -fs -o /dev/null "http://127.0.0.1:$port/big.xml" || [ $i -ge 100 ]; do
	i=$((i + 1)); sleep 0.1
done
q() { psql -X -qAt "$DATABASE_URL" -c "$1"; }
# start_import NAME: a partner on the big feed, and a run of it in the
# background ($pid) once its import is under way (its COPY or the
# statements after); $before is the number of postings before it.
start_import() {
	"$FJ_BIN" partner add --name "$1" \
	    --url "http://127.0.0.1:$port/big.xml" --format indeed >/dev/null ||
	    echo "not ok - partner add $1"
	before=$(q "SELECT count(*) FROM posting")
	"$FJ_BIN" scrape --once --partner "$1" > "$work/$1.log" 2>&1 &
	pid=$!
	i=0
	until [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'fashionjobs' AND state = 'active' AND pid <> pg_backend_pid()")" -gt 0 ] || [ $i -ge 100 ]; do
		i=$((i + 1)); sleep 0.1
	done
	sleep 0.5
}
start_import killme
kill -9 "$pid"
wait "$pid" 2>/dev/null
held=$(q "SELECT lease_until > now() FROM partner WHERE name = 'killme'")
[ "$held" = t ] && echo "ok - the killed scraper left its lease held" ||
    echo "not ok - the killed scraper's lease: '$held' (killed too late?)"
after=$(q "SELECT count(*) FROM posting")
[ "$after" = "$before" ] && echo "ok - nothing of the killed run was imported" ||
    echo "not ok - the killed run imported $((after - before)) postings"
start=$(date +%s)
if "$FJ_BIN" scrape --once --partner killme > "$work/second.log" 2>&1; then
	echo "ok - the next run takes the partner at once ($(( $(date +%s) - start )) s)"
else
	echo "not ok - the next run: $(cat "$work/second.log")"
fi
"$FJ_BIN" partner runs killme > "$work/runs.txt" 2>&1
grep -q 'interrupted' "$work/runs.txt" &&
    echo "ok - partner runs shows the killed run as interrupted" ||
    echo "not ok - partner runs: $(head -5 "$work/runs.txt")"
got=$(q "SELECT count(*) FROM posting_source s JOIN partner p ON p.id = s.partner_id WHERE p.name = 'killme'")
[ "$got" -ge $((n * 9 / 10)) ] && echo "ok - the next run imports the feed ($got sources)" ||
    echo "not ok - the next run imported $got sources of $n"

# The same with the postmaster killed with SIGKILL mid-import: its
# backends follow it, the cluster is started again, and the next run
# takes the partner at once.
. src/tools/pg.sh
start_import killpm
pm=$(head -1 "$1/data/postmaster.pid")
kill -9 "$pm"
wait "$pid"
rc=$?
[ "$rc" != 0 ] && echo "ok - the cut run exits non-zero ($rc)" ||
    echo "not ok - the run cut by the postmaster's death exited 0"
# Until the dead postmaster is reaped pg_ctl takes it for running (its
# pid file names a pid that still exists); its backends exit on their own.
i=0
while [ -e "/proc/$pm" ] && [ $i -lt 300 ]; do
	i=$((i + 1)); sleep 0.1
done
# Its backends notice the death only at their next wait and exit then; while
# one is still attached to the shared memory, a new postmaster refuses to
# start ("pre-existing shared memory block is still in use"): on a loaded
# machine that lasts seconds, so the start is tried again for up to 60 s.
i=0
until pg_start "$1" "$2" 2>"$work/pgstart.err"; do
	i=$((i + 1))
	if [ $i -ge 60 ]; then
		cat "$work/pgstart.err" >&2
		echo "not ok - the cluster did not start again"
		break
	fi
	sleep 1
done
after=$(q "SELECT count(*) FROM posting")
[ "$after" = "$before" ] && echo "ok - nothing of the run cut by the postmaster's death was imported" ||
    echo "not ok - the cut run imported $((after - before)) postings"
if "$FJ_BIN" scrape --once --partner killpm > "$work/pm2.log" 2>&1; then
	echo "ok - after the postmaster's death the next run takes the partner at once"
else
	echo "not ok - the next run after the postmaster's death: $(cat "$work/pm2.log")"
fi
"$FJ_BIN" partner runs killpm 2>&1 | grep -q 'interrupted' &&
    echo "ok - partner runs shows the run cut by the postmaster's death as interrupted" ||
    echo "not ok - partner runs killpm: no interrupted run"
got=$(q "SELECT count(*) FROM posting_source s JOIN partner p ON p.id = s.partner_id WHERE p.name = 'killpm'")
[ "$got" -ge $((n * 9 / 10)) ] && echo "ok - the run after the postmaster's death imports the feed" ||
    echo "not ok - the run after the postmaster's death imported $got sources of $n"

# Leave the database as it was for the checks after this one.
"$FJ_BIN" partner disable killme >/dev/null
"$FJ_BIN" partner disable killpm >/dev/null
exit 0
