#!/bin/sh
# make run: private PostgreSQL (see pg_cluster_dir; or $DATABASE_URL),
# migrations, demo data when the database is empty, the scraper, mail and alert loops,
# and Kore in the foreground on 127.0.0.1:$PORT.  Ctrl-C stops everything it
# started, whichever part died first.
set -e
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh
. src/tools/procs.sh

PORT=${PORT:-8080}
PGPORT=${PGPORT:-54329}
mkdir -p var
chmod 755 var

# Ctrl-C signals the terminal's process group, but pg_ctl detaches the
# postmaster, and Kore and the scraper run in sessions of their own so
# that their whole group (Kore's workers too) can be stopped here even
# when its leader is gone.  No set -e in here: a part that already died
# must not keep the next one running; and a second signal (make passes
# SIGTERM on to us, Ctrl-C pressed twice) must not cut the cleanup short.
pgdir=""
scraper=""
mailer=""
alerter=""
kore=""
cleanup() {
	set +e
	trap '' INT TERM
	trap - EXIT
	[ -n "$scraper" ] && stop_group "$scraper"
	[ -n "$mailer" ] && stop_group "$mailer"
	[ -n "$alerter" ] && stop_group "$alerter"
	[ -n "$kore" ] && stop_group "$kore"
	[ -n "$pgdir" ] && pg_stop "$pgdir"
	echo "stopped."
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

if [ -z "$DATABASE_URL" ]; then
	pgdir=$(pg_cluster_dir "$(pwd)")
	pg_start "$pgdir" "$PGPORT"
	DATABASE_URL=$(pg_url "$PGPORT")
	# bin/fashionjobs without DATABASE_URL connects here.
	echo "$DATABASE_URL" > var/database_url
fi
export DATABASE_URL
export FJ_BASE_URL=${FJ_BASE_URL:-http://127.0.0.1:$PORT}

bin/fashionjobs migrate
bin/fashionjobs gazetteer
bin/fashionjobs seed --if-empty --demo --count "${SEED_COUNT:-500}"

kore_conf var/kore.conf "$PORT" no

if bin/fashionjobs 2>&1 | grep -q 'scrape'; then
	setsid bin/fashionjobs scrape --loop >var/scraper.log 2>&1 &
	scraper=$!
fi
setsid bin/fashionjobs mail --loop >var/mail.log 2>&1 &
mailer=$!
# Job alerts; without FJ_SMTP_URL their mails land in var/mail/*.eml and
# their links in var/alerts.log (and var/mail.log for confirmations).
setsid bin/fashionjobs alerts --loop >var/alerts.log 2>&1 &
alerter=$!
echo "fashionjobs: http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
setsid kore -f -c var/kore.conf &
kore=$!
wait "$kore"
