#!/bin/sh
# make bench: figures as ratios against a baseline measured in the same run
# (the machine is shared and noisy).  Not part of make test.
#   BENCH_POSTINGS (100000)  postings seeded
#   BENCH_SECONDS (10)       wrk duration per endpoint
#   BENCH_FEED_ITEMS (100000) items of the feed benchmark (0: HTTP only)
#   BENCH_HTTP (1)           0: the feed benchmark only (after seeding)
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh

N=${BENCH_POSTINGS:-100000}
SECS=${BENCH_SECONDS:-10}
work=$(mktemp -d /tmp/fj-bench.XXXXXX)
chmod 755 "$work"
PGPORT=$((40000 + $$ % 10000))
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
bin/fashionjobs migrate >/dev/null || exit 1
echo "== seeding $N postings"
bin/fashionjobs seed --demo --count "$N" || exit 1

# BENCH_HTTP=0: skip the server and wrk (the feed benchmark alone).
if [ "${BENCH_HTTP:-1}" != 0 ]; then
	KEY=$(bin/fashionjobs apikey create bench) || exit 1
	kore_conf "$work/kore.conf" "$PORT" no
	FJ_API_RATE_KEY=1000000000 kore -f -c "$work/kore.conf" > "$work/kore.log" 2>&1 &
	kpid=$!
	until curl -fs "$BASE/static/ping" >/dev/null 2>&1; do sleep 0.1; done

	posting=$(curl -s "$BASE/jobs?q=manager&city=milan" |
	    grep -o 'href="/jobs/[0-9][^"]*"' | head -1 | cut -d'"' -f2)

	# measure PATH [CONNS [SCRIPT_ARG]]: prints "requests/s p99_ms errors" for
	# PATH with CONNS connections (64); with SCRIPT_ARG, PATH is "search" and
	# wrk takes its URLs from bench-search.lua (cached or uncached).
	measure() {
		c=${2:-64}
		t=2
		[ "$c" -lt 2 ] && t=1
		if [ -n "$3" ]; then
			wrk -t$t -c"$c" -d"${SECS}s" --latency \
			    -s src/tools/bench-search.lua "$BASE/jobs" -- "$3"
		elif [ "${1#/api/}" != "$1" ]; then
			wrk -t$t -c"$c" -d"${SECS}s" --latency \
			    -H "Authorization: Bearer $KEY" "$BASE$1"
		else
			wrk -t$t -c"$c" -d"${SECS}s" --latency "$BASE$1"
		fi > "$work/wrk.out" 2>&1
		rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
		p99=$(awk '$1 == "99%" {v = $2; u = v; gsub(/[0-9.]/, "", u);
		    gsub(/[a-z]/, "", v); if (u == "us") v /= 1000;
		    if (u == "s") v *= 1000; print v}' "$work/wrk.out")
		errs=$(awk '/Non-2xx/ {printf "non-2xx=%s ", $NF}
		    /Socket errors/ {printf "timeouts=%s", $NF}' "$work/wrk.out")
		echo "$rps $p99 $errs"
	}

	# row LABEL MEASURE_ARGS...: one line of the table.
	row() {
		label=$1
		shift
		case "$1" in
		"")			r=$base ;;
		/static/ping-again)	r=$(measure /static/ping) ;;
		*)			r=$(measure "$@") ;;
		esac
		set -- $r
		printf '%-40s %10s %9s %8.2f %s\n' "$(echo "$label" | cut -c1-40)" \
		    "$1" "$2" "$(echo "$1 $brps" | awk '{print $1 / $2}')" "$3 $4"
	}

	# Steady state, not a cold start: 3 s of every page first opens the
	# pooled connections, warms PostgreSQL's caches and fills the page cache
	# (a cold start under 64 connections is slower; see README, Limits).
	for path in / "/jobs?q=manager&city=milan" "$posting" /jobs \
	    "/jobs?q=balenciga"; do
		wrk -t2 -c64 -d3s "$BASE$path" >/dev/null 2>&1
	done
	wrk -t2 -c64 -d3s -s src/tools/bench-search.lua "$BASE/jobs" >/dev/null 2>&1

	echo "== HTTP, wrk -t2 -c64 -d${SECS}s, $N postings, FJ_HOME_TTL=${FJ_HOME_TTL:-5}"
	base=$(measure /static/ping)
	brps=${base%% *}
	printf '%-40s %10s %9s %8s\n' endpoint "req/s" "p99 ms" "x static"
	row /static/ping
	row / /
	row "/jobs?q=manager&city=milan" "/jobs?q=manager&city=milan"
	row "200 searches in turn (cached)" search 64 cached
	row "200 searches in turn (uncached)" search 64 uncached
	row "  the same, one connection" search 1 uncached
	row "$posting" "$posting"
	row /jobs /jobs
	row "/jobs?q=balenciga" "/jobs?q=balenciga"
	row /feed.json /feed.json
	row "/api/v1/jobs?limit=100" "/api/v1/jobs?limit=100"
	row "/static/ping (again, for the noise)" /static/ping-again

	# Mirroring every posting through the sync API from empty (target: under
	# 10 s for 100 000), against the database building the same JSON alone.
	echo "== mirror through /api/v1/jobs (limit=1000)"
	t0=$(date +%s.%N)
	psql -X -qAt "$DATABASE_URL" -c "SELECT length(json_agg(fj_job_api(p, ''))::text) FROM posting p" >/dev/null
	t1=$(date +%s.%N)
	set -- $(/usr/bin/python3 src/tools/mirror.py "$BASE" "$KEY")
	echo "$1 $2 $3 $t0 $t1" | awk '{db = $5 - $4; printf "mirror: %d postings in %d pages, %.2f s = %.0f postings/s; the database alone %.2f s (x %.2f)\n", $1, $2, $3, $1 / $3, db, db / $3}'
fi

[ "${BENCH_FEED_ITEMS:-1}" = 0 ] && exit 0

# Partner feeds: parse speed against xmllint --stream on the same file in
# the same run, then the full import into PostgreSQL, first and unchanged.
FEED_N=${BENCH_FEED_ITEMS:-100000}
echo "== feeds: $FEED_N-item Indeed feed"
cc -O2 -o build/genfeed src/tools/genfeed.c
build/genfeed "$FEED_N" > "$work/feed.xml"
mb=$(du -m "$work/feed.xml" | cut -f1)
best() {
	b=999999
	for i in 1 2 3; do
		/usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>&1
		t=$(tail -1 "$work/time")
		b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
	done
	echo "$b"
}
tx=$(best xmllint --stream --noout "$work/feed.xml")
tp=$(best bin/fashionjobs feed-check indeed "$work/feed.xml")
/usr/bin/time -f '%M' -o "$work/time" bin/fashionjobs feed-check indeed \
    "$work/feed.xml" >/dev/null 2>&1
rss=$(tail -1 "$work/time")
echo "$FEED_N $mb $tx $tp $rss" | awk '{printf "parse: %d items, %d MB: xmllint %.2f s, ours %.2f s = %.0f items/s, %.2f x xmllint speed, peak RSS %d MB (input buffer included)\n", $1, $2, $3, $4, $1 / $4, $3 / $4, $5 / 1024}'
bin/fashionjobs partner add --name bench --url "file://$work/feed.xml" \
    --format indeed --max-bytes 4294967296 >/dev/null
for run in first unchanged; do
	/usr/bin/time -f '%e %M' -o "$work/time" bin/fashionjobs scrape \
	    --once --partner bench >/dev/null 2>&1
	out=$(tail -1 "$work/time")
	echo "$FEED_N $out $run" | awk '{printf "import (%s run): %.1f s = %.0f items/s, peak RSS %d MB\n", $4, $2, $1 / $2, $3 / 1024}'
done
