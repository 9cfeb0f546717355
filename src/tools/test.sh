#!/bin/sh
# make test: a throwaway PostgreSQL cluster and Kore server, then every
# test: unit (ASan/UBSan), SQL, integration over HTTP, browser.  Each test
# prints "ok - ..." / "not ok - ..." lines; the last line is the total.
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh

out=tests/out
rm -rf "$out"
mkdir -p "$out"
chmod 755 "$out"
log="$out/all.log"
: > "$log"
work=$(mktemp -d /tmp/fj-test.XXXXXX)
chmod 755 "$work"
export FJ_BIN=$(pwd)/bin/fashionjobs
# The home page cache lives one second here: tests see their changes.
export FJ_HOME_TTL=1
# The API's anonymous limit, low enough for test_api.py to reach it.
export FJ_API_RATE_ANON=40
# Sitemap pages of 700 URLs: the seeded postings fill several of them.
export FJ_SITEMAP_URLS=700
# Autovacuum and auto-analyze every second, not every minute: maintenance
# runs during the tests, so an ERROR it meets (a function it cannot find
# under its search_path) reaches the server log that is checked below.
export PG_OPTS="-c autovacuum_naptime=1"

pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	sleep 0.3
	pg_stop "$work/pg"
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

# run NAME CMD...: run one test program, keep its output, count nothing
# here: the totals come from the ok/not ok lines.  TESTS, shell patterns
# separated by commas (make test TESTS='test_pages*,sql-*'), runs only the
# tests they name (and the set-up: migrate, gazetteer, seed).
wanted() {
	case "$1" in
	migrate|seed|gazetteer) return 0 ;;	# the set-up
	esac
	[ -z "$TESTS" ] && return 0
	set -f	# the patterns are for case, not file names
	for pat in $(echo "$TESTS" | tr ',' ' '); do
		case "$1" in
		$pat) set +f; return 0 ;;
		esac
	done
	set +f
	return 1
}

run() {
	name=$1
	shift
	wanted "$name" || return 0
	echo "# $name" | tee -a "$log"
	# grep -a: a test's output may hold bytes that are not text (grep
	# would print "binary file matches" instead of the lines).
	if ! "$@" > "$out/$name.out" 2>&1; then
		grep -aq '^not ok' "$out/$name.out" ||
		    echo "not ok - $name: exited non-zero" >> "$out/$name.out"
	fi
	grep -aE '^(not )?ok ' "$out/$name.out" | grep -q . ||
	    echo "not ok - $name: printed no result" >> "$out/$name.out"
	grep -aE '^not ok' "$out/$name.out"
	cat "$out/$name.out" >> "$log"
}

for t in build/unit/test_*; do
	[ -x "$t" ] && run "unit-$(basename "$t")" "$t"
done

# Two free ports in a row (another run, or a server of ours, may hold
# one), chosen just before they are used and below the kernel's ephemeral
# range (32768 and up here): the flood tests open thousands of client
# connections, and one of them took a port picked earlier.
low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
span=$((low > 22000 ? low - 20000 : 2000))
PGPORT=$((20000 + ($$ % (span / 2)) * 2))
while ! /usr/bin/python3 -c 'import socket, sys
for p in (int(sys.argv[1]), int(sys.argv[1]) + 1):
    socket.socket().bind(("127.0.0.1", p))' "$PGPORT" 2>/dev/null; do
	PGPORT=$((PGPORT + 2))
done
PORT=$((PGPORT + 1))
export BASE=http://127.0.0.1:$PORT
export FJ_BASE_URL=$BASE

if ! pg_start "$work/pg" "$PGPORT"; then
	echo "not ok - postgresql: cannot start a cluster" | tee -a "$log"
else
	export DATABASE_URL=$(pg_url "$PGPORT")
	run migrate sh -c 'bin/fashionjobs migrate && bin/fashionjobs migrate |
	    grep -c applied | grep -qx 0 && echo "ok - migrate applies all, then nothing"'
	# The gazetteer once; a second run finds its version and loads nothing.
	run gazetteer sh -c 'bin/fashionjobs gazetteer &&
	    bin/fashionjobs gazetteer | grep -q "already loaded" &&
	    echo "ok - gazetteer loads once, then nothing"'
	run seed sh -c 'bin/fashionjobs seed --demo --count 2000 && echo "ok - seed"'
	# psql runs as the caller, over TCP (trust): the postgres user may
	# not be able to read the checkout.
	for t in tests/sql/test_*.sql; do
		[ -f "$t" ] && run "sql-$(basename "$t" .sql)" \
		    "$PGBIN/psql" -X -qAt -v ON_ERROR_STOP=1 \
		    -h 127.0.0.1 -p "$PGPORT" -U postgres -f "$t" fashionjobs
	done

	# Mail goes to a local SMTP sink that keeps every message in a file,
	# on a port the system picks.
	export FJ_MAIL_DIR="$work/mail"
	/usr/bin/python3 tests/tools/smtpsink.py 0 "$FJ_MAIL_DIR" \
	    "$work/smtp.port" > "$out/smtpsink.log" 2>&1 &
	pids="$pids $!"
	i=0
	until [ -s "$work/smtp.port" ] || [ $i -gt 50 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	export FJ_SMTP_URL="smtp://127.0.0.1:$(cat "$work/smtp.port" 2>/dev/null)"

	kore_conf "$work/kore.conf" "$PORT" yes
	kore -f -c "$work/kore.conf" > "$out/kore.log" 2>&1 &
	pids="$pids $!"
	i=0
	until curl -fs "$BASE/static/ping" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 100 ] && break
		sleep 0.1
	done
	for t in tests/integration/test_*; do
		[ -x "$t" ] || [ "${t%.py}" != "$t" ] || continue
		case "$t" in
		*.py)	run "$(basename "$t")" /usr/bin/python3 "$t" ;;
		*)	run "$(basename "$t")" "$t" ;;
		esac
	done
	for t in tests/e2e/test_*.py; do
		[ -f "$t" ] && run "$(basename "$t")" /usr/bin/python3 "$t"
	done
	# The database goes away and comes back: /healthz says so, and the
	# connection pool heals (Kore's pool does not for SYNC queries).
	run healthz-outage sh -c '
	    . src/tools/pg.sh
	    pg_stop "$0"
	    c=$(curl -s -o /dev/null -w "%{http_code}" "$BASE/healthz")
	    [ "$c" = 503 ] && echo "ok - healthz answers 503 with the database down" ||
		echo "not ok - healthz with the database down: $c"
	    pg_start "$0" "$1"
	    c=000; i=0
	    while [ "$c" != 200 ] && [ $i -lt 10 ]; do
		c=$(curl -s -o /dev/null -w "%{http_code}" "$BASE/healthz")
		i=$((i + 1)); sleep 0.3
	    done
	    [ "$c" = 200 ] && echo "ok - healthz answers 200 again once the database is back" ||
		echo "not ok - healthz after the database came back: $c"
	    c=$(curl -s -o /dev/null -w "%{http_code}" "$BASE/jobs?q=milan")
	    [ "$c" = 200 ] && echo "ok - search works again after the outage" ||
		echo "not ok - search after the outage: $c"' "$work/pg" "$PGPORT"
	# Faults made for real (the database stopped and started again).
	for t in tests/faults/test_*; do
		case "$t" in
		*.py)	[ -f "$t" ] && run "$(basename "$t" .py)" /usr/bin/python3 "$t" "$work/pg" "$PGPORT" ;;
		*)	[ -f "$t" ] && run "$(basename "$t" .sh)" sh "$t" "$work/pg" "$PGPORT" ;;
		esac
	done
	# Kore's log is line-buffered: the parent's start-up lines once, not
	# again in each forked worker's first write.
	n=$(grep -ac 'kore is starting up' "$out/kore.log")
	if [ "$n" = 1 ]; then
		echo "ok - kore log: start-up lines written once" >> "$log"
	else
		echo "not ok - kore log: start-up lines written $n times" >> "$log"
	fi
	# PostgreSQL's log: every ERROR is one the tests provoke on purpose
	# (each pattern below says which), or a defect such as maintenance
	# failing on a function it cannot find.
	cp "$work/pg/server.log" "$out/pg-server.log" 2>/dev/null
	grep -a 'ERROR:' "$out/pg-server.log" | grep -v -E \
	    -e 'COPY from stdin failed' `# the scraper aborts a failed or 304 run's COPY` \
	    -e 'violates check constraint "mail_outbox_' `# test_recruiter: CR/LF refused` \
	    -e 'duplicate key value violates unique constraint "partner_name_key"' `# test_scrape: a partner added twice` \
	    -e 'canceling statement due to user request' `# a client that went away mid-query` \
	    -e 'function fj_upgrade_test_missing' `# test_migrate_upgrade: a failing sql/ file` \
	    -e 'unexpected EOF on client connection with an open transaction' `# test_scrape_kill: the scraper SIGKILLed mid-import` \
	    > "$out/pg-errors.txt"
	if [ -s "$out/pg-errors.txt" ]; then
		echo "not ok - postgres log: $(head -3 "$out/pg-errors.txt" | tr '\n' ' ')" >> "$log"
	else
		echo "ok - postgres log has no ERROR the tests did not provoke" >> "$log"
	fi
	# The server must not have lost a worker or hit the sandbox.
	if grep -aE 'sandbox violation|died|fatal|exited with status|Bad file descriptor' "$out/kore.log" >/dev/null; then
		echo "not ok - kore log: $(grep -aE -m3 'sandbox violation|died|fatal|exited with status|Bad file descriptor' "$out/kore.log" | tr '\n' ' ')" >> "$log"
	else
		echo "ok - kore log has no worker death or sandbox violation" >> "$log"
	fi
fi

pass=$(grep -ac '^ok ' "$log")
fail=$(grep -ac '^not ok' "$log")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
