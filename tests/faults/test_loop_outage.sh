#!/bin/sh
# The --loop workers (scrape, mail, alerts) ride out a database outage:
# bounded log lines while the database is down (the scraper once wrote
# the same line at 20 MB/s), still alive, connected again once the
# database is back, and quiet after.  One outage for the three.
# usage: test_loop_outage.sh PGDIR PGPORT (run by src/tools/test.sh)
. src/tools/pg.sh
dir=$1
port=$2
pids=""
for w in scrape mail alerts; do
	FJ_SCRAPE_POLL=1 FJ_MAIL_POLL=1 FJ_ALERTS_POLL=1 \
	    "$FJ_BIN" "$w" --loop > "tests/out/$w-outage.log" 2>&1 &
	pids="$pids $!"
done
sleep 1
pg_stop "$dir"
sleep 5
for w in scrape mail alerts; do
	eval "down_$w=\$(wc -l < tests/out/$w-outage.log)"
done
pg_start "$dir" "$port"
i=0
until [ $i -ge 60 ] || { grep -q 'database back' tests/out/scrape-outage.log &&
    grep -q 'database back' tests/out/mail-outage.log &&
    grep -q 'database back' tests/out/alerts-outage.log; }; do
	i=$((i + 1))
	sleep 0.5
done
set -- $pids
for w in scrape mail alerts; do
	pid=$1
	shift
	log=tests/out/$w-outage.log
	eval "down=\$down_$w"
	if [ "$down" -ge 1 ] && [ "$down" -le 12 ]; then
		echo "ok - $w --loop writes $down lines in 5 s with the database down"
	else
		echo "not ok - $w --loop wrote $down lines ($(wc -c < "$log") bytes) in 5 s with the database down"
	fi
	if kill -0 "$pid" 2>/dev/null; then
		echo "ok - $w --loop is still running after the outage"
	else
		echo "not ok - $w --loop died during the outage"
	fi
	if grep -q 'database back' "$log"; then
		echo "ok - $w --loop reconnects once the database is back"
	else
		echo "not ok - $w --loop did not reconnect within 30 s"
	fi
	eval "after_$w=\$(wc -l < \"\$log\")"
done
sleep 3
for w in scrape mail alerts; do
	eval "after=\$after_$w"
	if [ "$(wc -l < "tests/out/$w-outage.log")" -le $((after + 2)) ]; then
		echo "ok - $w --loop is quiet again after reconnecting"
	else
		echo "not ok - $w --loop keeps logging after reconnecting"
	fi
done
for p in $pids; do
	kill "$p" 2>/dev/null
	wait "$p" 2>/dev/null
done
exit 0
