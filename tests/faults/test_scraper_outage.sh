#!/bin/sh
# scrape --loop rides out a database outage: bounded log lines while the
# database is down (it once wrote the same line at 20 MB/s), still alive,
# and connected again once the database is back.
# usage: test_scraper_outage.sh PGDIR PGPORT (run by src/tools/test.sh)
. src/tools/pg.sh
dir=$1
port=$2
log=tests/out/scraper-outage.log
FJ_SCRAPE_POLL=1 "$FJ_BIN" scrape --loop > "$log" 2>&1 &
pid=$!
sleep 1
pg_stop "$dir"
sleep 5
down=$(wc -l < "$log")
bytes=$(wc -c < "$log")
pg_start "$dir" "$port"
i=0
until grep -q 'database back' "$log" || [ $i -ge 40 ]; do
	i=$((i + 1))
	sleep 0.5
done
if [ "$down" -ge 1 ] && [ "$down" -le 12 ]; then
	echo "ok - scrape --loop writes $down lines in 5 s with the database down"
else
	echo "not ok - scrape --loop wrote $down lines ($bytes bytes) in 5 s with the database down"
fi
if kill -0 "$pid" 2>/dev/null; then
	echo "ok - scrape --loop is still running after the outage"
else
	echo "not ok - scrape --loop died during the outage"
fi
if grep -q 'database back' "$log"; then
	echo "ok - scrape --loop reconnects once the database is back"
else
	echo "not ok - scrape --loop did not reconnect within 20 s"
fi
after=$(wc -l < "$log")
sleep 3
if [ "$(wc -l < "$log")" -le $((after + 2)) ]; then
	echo "ok - scrape --loop is quiet again after reconnecting"
else
	echo "not ok - scrape --loop keeps logging after reconnecting"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
