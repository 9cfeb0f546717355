#!/bin/sh
# make run: private PostgreSQL under var/ (or $DATABASE_URL), migrations,
# demo data when the database is empty, the scraper and mail loops, and
# Kore in the foreground on 127.0.0.1:$PORT.  Ctrl-C stops everything it
# started.
set -e
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh

PORT=${PORT:-8080}
PGPORT=${PGPORT:-54329}
mkdir -p var
chmod 755 var

if [ -z "$DATABASE_URL" ]; then
	pg_start "$(pwd)/var/pg" "$PGPORT"
	DATABASE_URL=$(pg_url "$PGPORT")
	started_pg=1
fi
export DATABASE_URL
export FJ_BASE_URL=${FJ_BASE_URL:-http://127.0.0.1:$PORT}

bin/fashionjobs migrate
bin/fashionjobs seed --if-empty --demo --count "${SEED_COUNT:-500}"

kore_conf var/kore.conf "$PORT" no

scraper=""
mailer=""
cleanup() {
	trap - INT TERM EXIT
	[ -n "$scraper" ] && kill "$scraper" 2>/dev/null
	[ -n "$mailer" ] && kill "$mailer" 2>/dev/null
	[ -n "$kore" ] && kill "$kore" 2>/dev/null && wait "$kore" 2>/dev/null
	[ -n "$started_pg" ] && pg_stop "$(pwd)/var/pg"
	echo "stopped."
}
trap cleanup INT TERM EXIT

if bin/fashionjobs 2>&1 | grep -q 'scrape'; then
	bin/fashionjobs scrape --loop >var/scraper.log 2>&1 &
	scraper=$!
fi
bin/fashionjobs mail --loop >var/mail.log 2>&1 &
mailer=$!
echo "fashionjobs: http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
kore -f -c var/kore.conf &
kore=$!
wait "$kore"
