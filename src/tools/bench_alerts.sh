#!/bin/sh
# make bench, job alerts: BENCH_ALERTS (100000) confirmed daily alerts over
# the searches of bench-search.lua (25 queries, 8 city settings, some with
# a contract or a language, some a city alone), BENCH_ALERT_NEW (5000) new
# postings on a board of BENCH_ALERT_POSTINGS (100000), then one
# `alerts --once` with the mails written to files (no FJ_SMTP_URL): alerts
# matched per second against the uncached search rate measured in the same
# run (wrk, 64 connections, the same searches), and the worker's peak RSS.
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh

N=${BENCH_ALERT_POSTINGS:-100000}
A=${BENCH_ALERTS:-100000}
NEW=${BENCH_ALERT_NEW:-5000}
SECS=${BENCH_SECONDS:-10}
work=$(mktemp -d /tmp/fj-bench-alerts.XXXXXX)
chmod 755 "$work"
PGPORT=$((30000 + $$ % 10000))
PORT=$((PGPORT + 1))
BASE=http://127.0.0.1:$PORT
export FJ_BASE_URL=$BASE
kpid=""
cleanup() {
	[ -n "$kpid" ] && kill "$kpid" 2>/dev/null
	sleep 0.3
	pg_stop "$work/pg"
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

PG_FSYNC=off pg_start "$work/pg" "$PGPORT" || exit 1
export DATABASE_URL=$(pg_url "$PGPORT")
psql="$PGBIN/psql $DATABASE_URL -qAtX -v ON_ERROR_STOP=1"
bin/fashionjobs migrate >/dev/null || exit 1
echo "== job alerts: $N postings, $A daily alerts, $NEW new postings"
bin/fashionjobs seed --count "$N" >/dev/null || exit 1

# The uncached search rate, the same way as bench.sh's table.
kore_conf "$work/kore.conf" "$PORT" no
kore -f -c "$work/kore.conf" > "$work/kore.log" 2>&1 &
kpid=$!
until curl -fs "$BASE/static/ping" >/dev/null 2>&1; do sleep 0.1; done
wrk -t2 -c64 -d3s -s src/tools/bench-search.lua "$BASE/jobs" -- uncached \
    >/dev/null 2>&1
wrk -t2 -c64 -d"${SECS}s" -s src/tools/bench-search.lua "$BASE/jobs" -- \
    uncached > "$work/wrk.out" 2>&1
srch=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
kill "$kpid"
kpid=""

# Alerts due now, last run a day ago; the new postings listed since.
$psql <<SQL || exit 1
INSERT INTO alert_subscriber (email)
    SELECT 'bench' || i || '@example.com' FROM generate_series(1, $A) i;
WITH w AS (SELECT ARRAY['manager', 'sales', 'assistant', 'store manager',
    'customer service', 'designer', 'stylist', 'buyer',
    'visual merchandiser', 'supervisor', 'retail', 'logistics',
    'showroom', 'press', 'boutique', 'stage', 'praktikum', 'responsabile',
    'vendeur', 'balenciga', 'gucci', 'hermes', 'prada', 'chanel', 'zegna',
    NULL] AS q,
    ARRAY[NULL, 'milan', 'paris', 'london', 'florence', 'munich',
    'new york', 'rome'] AS city),
f AS (SELECT s.id, jsonb_strip_nulls(jsonb_build_object(
    'q', w.q[1 + s.id % 26], 'city', w.city[1 + (s.id / 26) % 8],
    'contract', CASE WHEN s.id % 5 = 0 THEN 'internship' END,
    'lang', CASE WHEN s.id % 7 = 0 THEN 'it' END)) AS filters
    FROM alert_subscriber s, w)
INSERT INTO alert (subscriber_id, filters, label, search, frequency,
    confirm_hash, confirm_expires, confirmed_at, since_at, checked_upto,
    next_run_at)
SELECT id, filters, coalesce(filters->>'q', 'All new jobs'), '/jobs',
    'daily', sha256(convert_to(id::text, 'UTF8')), now(),
    now() - interval '2 days', now() - interval '2 days',
    now() - interval '1 day', now() - interval '1 minute' FROM f;
SQL
# The board as it was before the alerts' last run: listed days ago.
$psql -c "UPDATE posting SET listed_at = now() - interval '3 days'" || exit 1
bin/fashionjobs seed --count "$NEW" --seed 4242 >/dev/null || exit 1
$psql -c "VACUUM ANALYZE" || exit 1
distinct=$($psql -c "SELECT count(DISTINCT filters) FROM alert")

mkdir -p "$work/run"
(cd "$work/run" && FJ_SMTP_URL= /usr/bin/time -f '%e %M' -o "$work/time" \
    "$OLDPWD/bin/fashionjobs" alerts --once > "$work/alerts.out" 2>&1)
tail -1 "$work/alerts.out"
set -- $(cat "$work/time")
mails=$(ls "$work/run/var/mail" 2>/dev/null | wc -l)
match=$(sed -n 's/^alerts: .* queued in \([0-9.]*\) s.*/\1/p' "$work/alerts.out")
echo "$A $1 $2 $srch $mails $distinct $match" | awk '{
    printf "alerts --once: %d alerts (%d distinct searches) in %.1f s = %.0f alerts/s, matched in %.1f s = %.0f alerts/s; %d mails written; peak RSS %.1f MB\n", $1, $6, $2, $1 / $2, $7, $1 / $7, $5, $3 / 1024
    printf "uncached searches: %.0f/s (wrk -c64); alerts matched per second %.1f x that (target 10 x), %.1f x counting the whole run\n", $4, $1 / $7 / $4, $1 / $2 / $4 }'
