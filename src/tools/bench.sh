#!/bin/sh
# make bench: figures as ratios against a baseline measured in the same run
# (the machine is shared and noisy).  Not part of make test.
#   BENCH_POSTINGS (100000)  postings seeded
#   BENCH_SECONDS (10)       wrk duration per endpoint
#   BENCH_FEED_ITEMS (100000) items of the feed benchmark (0: HTTP only)
#   BENCH_HTTP (1)           0: the feed benchmark only
#   BENCH_BIG (0)            1: also import 1 000 000 items (~1.4 GB, slow)
#   BENCH_QUERIES (1)        0: skip the one-request-at-a-time search table
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
echo "== gazetteer"
bin/fashionjobs gazetteer || exit 1
echo "== seeding $N postings"
bin/fashionjobs seed --demo --count "$N" || exit 1

# Partner feeds: parse speed against xmllint --stream on the same file in
# the same run, then the full import into PostgreSQL, first and unchanged,
# with the scraper's peak RSS (it streams: flat whatever the feed's size).
feeds() {
	[ "${BENCH_FEED_ITEMS:-1}" = 0 ] && return 0
	FEED_N=${BENCH_FEED_ITEMS:-100000}
	echo "== feeds: $FEED_N-item Indeed feed"
	cc -O2 -o build/genfeed src/tools/genfeed.c
	build/genfeed "$FEED_N" > "$work/feed.xml"
	mb=$(du -m "$work/feed.xml" | cut -f1)
	tx=$(best xmllint --stream --noout "$work/feed.xml")
	tp=$(best bin/fashionjobs feed-check indeed "$work/feed.xml")
	/usr/bin/time -f '%M' -o "$work/time" bin/fashionjobs feed-check \
	    indeed "$work/feed.xml" >/dev/null 2>&1
	rss=$(tail -1 "$work/time")
	echo "$FEED_N $mb $tx $tp $rss" | awk '{printf "parse: %d items, %d MB: xmllint %.2f s, ours %.2f s = %.0f items/s, %.2f x xmllint speed, peak RSS %d MB\n", $1, $2, $3, $4, $1 / $4, $3 / $4, $5 / 1024}'
	# The seeding's aftermath (autovacuum's first pass over 100 000 new
	# rows, their hint bits, a checkpoint of what it wrote) done first,
	# not beside the import being timed.
	"$PGBIN/psql" "$DATABASE_URL" -qAtX -c "VACUUM (ANALYZE)" \
	    -c "CHECKPOINT" || return 1
	import_feed bench "$work/feed.xml" "$FEED_N"
	rm -f "$work/feed.xml"
	[ "${BENCH_BIG:-0}" = 1 ] || return 0
	free_kb=$(df -Pk "$work" | awk 'NR == 2 {print $4}')
	if [ "$free_kb" -lt 8000000 ]; then
		echo "== 1000000 items skipped: $((free_kb / 1024)) MB free"
		return 0
	fi
	echo "== feeds: 1000000-item Indeed feed (BENCH_BIG=1)"
	build/genfeed 1000000 > "$work/big.xml"
	echo "$(du -m "$work/big.xml" | cut -f1) MB"
	import_feed bench-big "$work/big.xml" 1000000
	rm -f "$work/big.xml"
}

# import_feed NAME FILE N: a partner for FILE, scraped twice; seconds,
# items/s and the scraper's peak RSS (its ru_maxrss, from time(1)).
import_feed() {
	bin/fashionjobs partner add --name "$1" --url "file://$2" \
	    --format indeed --max-bytes 4294967296 >/dev/null
	for run in first unchanged; do
		/usr/bin/time -f '%e %M' -o "$work/time" bin/fashionjobs \
		    scrape --once --partner "$1" > "$work/scrape.out" 2>&1 ||
		    cat "$work/scrape.out"
		out=$(tail -1 "$work/time")
		echo "$3 $out $run" | awk '{printf "import (%s run): %.1f s = %.0f items/s, peak RSS %d MB\n", $4, $2, $1 / $2, $3 / 1024}'
		[ "$run" = first ] && first=$(echo "$out" | cut -d' ' -f1)
	done
	import_floor "$1" "$3" "$first"
}

# import_floor NAME N FIRST: the baseline of a first import, in the same
# database: the rows it added to posting, written out, COPYed back into a
# bare table (no index, constraint or trigger; binary, the cheapest form:
# text takes twice as long, the vectors parsed), then given posting's
# indexes, each built in one pass.  Any import that ends with these rows
# indexed this way does at least this much work (parsing, normalising and
# the sources not counted).
import_floor() {
	psql="$PGBIN/psql $DATABASE_URL -qAtX -v ON_ERROR_STOP=1"
	$psql -c "\\copy (SELECT p.* FROM posting p JOIN partner a ON a.id = p.partner_id WHERE a.name = '$1') TO '$work/floor.copy' WITH (FORMAT binary)" || return
	# posting's indexes for the bare table: B-trees, then the GIN.
	for am in btree gin; do
		$psql -c "SELECT regexp_replace(pg_get_indexdef(i.indexrelid), '^(CREATE (UNIQUE )?INDEX )\\S+ ON \\S+ ', '\\1ON bench_floor ') || ';' FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam WHERE i.indrelid = 'posting'::regclass AND m.amname = '$am'" > "$work/floor.$am"
	done
	$psql -c "CREATE TABLE bench_floor (LIKE posting)" -c "CHECKPOINT"
	t0=$(date +%s.%N)
	$psql -c "\\copy bench_floor FROM '$work/floor.copy' WITH (FORMAT binary)"
	t1=$(date +%s.%N)
	$psql -c "SET maintenance_work_mem = '256MB'" -f "$work/floor.btree"
	t2=$(date +%s.%N)
	$psql -c "SET maintenance_work_mem = '256MB'" -f "$work/floor.gin"
	t3=$(date +%s.%N)
	$psql -c "DROP TABLE bench_floor"
	rm -f "$work/floor.copy"
	echo "$2 $t0 $t1 $t2 $t3 $3 $(wc -l < "$work/floor.btree")" | awk '{f = $5 - $2; printf "import floor: the same rows COPYed into a bare table %.1f s, its %d B-tree indexes built %.1f s, its full-text index built %.1f s = %.1f s (%.0f items/s); first run %.1f x floor; 20000 items/s would be %.2f x floor\n", $3 - $2, $7, $4 - $3, $5 - $4, f, $1 / f, $6 / f, $1 / 20000 / f}'
}

best() {
	b=999999
	for i in 1 2 3; do
		/usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>&1
		t=$(tail -1 "$work/time")
		b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
	done
	echo "$b"
}

if [ "${BENCH_HTTP:-1}" = 0 ]; then
	feeds
	exit
fi

KEY=$(bin/fashionjobs apikey create bench) || exit 1
kore_conf "$work/kore.conf" "$PORT" no
FJ_API_RATE_KEY=1000000000 FJ_API_RATE_ANON=1000000000 kore -f -c "$work/kore.conf" > "$work/kore.log" 2>&1 &
kpid=$!
until curl -fs "$BASE/static/ping" >/dev/null 2>&1; do sleep 0.1; done

posting=$(curl -s "$BASE/jobs?q=manager&city=milan" |
    grep -o 'href="/jobs/[0-9][^"]*"' | head -1 | cut -d'"' -f2)

# measure PATH [CONNS [SCRIPT_ARG [PREFIX]]]: prints "requests/s p99_ms
# errors" for PATH with CONNS connections (64); with SCRIPT_ARG, PATH is
# "search" and wrk takes its URLs from bench-search.lua (cached or
# uncached), under PREFIX ("/it": the Italian pages) when given.
measure() {
	c=${2:-64}
	t=2
	[ "$c" -lt 2 ] && t=1
	if [ -n "$3" ]; then
		wrk -t$t -c"$c" -d"${SECS}s" --latency \
		    -s src/tools/bench-search.lua "$BASE/jobs" -- "$3" "$4"
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
row /jobs.rss /jobs.rss
row "/api/v1/jobs?limit=100" "/api/v1/jobs?limit=100"
row "/static/ping (again, for the noise)" /static/ping-again

# The interface's language costs nothing a reader can measure: the cached
# home and search pages and the uncached search rate in Italian (the
# catalog look-ups, relative dates, grouped numbers, the /it/ links)
# against the same in English, in this run (target: within 10 %).
echo "== Italian pages against English ones, wrk -t2 -c64 -d${SECS}s"
wrk -t2 -c64 -d3s "$BASE/it/" >/dev/null 2>&1
wrk -t2 -c64 -d3s "$BASE/it/jobs?q=manager&city=milan" >/dev/null 2>&1
printf '%-40s %10s %10s %8s\n' page "en req/s" "it req/s" "it/en"
# lang_row ARGS...: the best of three of each, English and Italian taken
# in turn (the machine is shared: one measure each is mostly noise).
lang_row() {
	en=0
	it=0
	for i in 1 2 3; do
		r=$(measure "$@")
		en=$(echo "${r%% *} $en" | awk '{print ($1 > $2) ? $1 : $2}')
		case "$1" in
		search)	r=$(measure "$1" "$2" "$3" /it) ;;
		*)	r=$(measure "/it$1") ;;
		esac
		it=$(echo "${r%% *} $it" | awk '{print ($1 > $2) ? $1 : $2}')
	done
	printf '%-40s %10s %10s %8.2f\n' "$label" "$en" "$it" \
	    "$(echo "$en $it" | awk '{print $2 / $1}')"
}
label=/; lang_row /
label="/jobs?q=manager&city=milan"; lang_row "/jobs?q=manager&city=milan"
label="200 searches in turn (cached)"; lang_row search 64 cached
label="200 searches in turn (uncached)"; lang_row search 64 uncached

# The API's rate limit counted in PostgreSQL (one upsert on the primary
# before each API statement, shared by every worker and instance) against
# the same request counted in each worker's memory (FJ_API_RATE_SHARED=0,
# a second server on the next port), anonymous and keyed.
echo "== API rate limit: shared in PostgreSQL against per worker, wrk -t2 -c64 -d${SECS}s"
kore_conf "$work/kore-local.conf" "$((PORT + 2))" no
FJ_API_RATE_SHARED=0 FJ_API_RATE_KEY=1000000000 FJ_API_RATE_ANON=1000000000 \
    kore -f -c "$work/kore-local.conf" > "$work/kore-local.log" 2>&1 &
lpid=$!
until curl -fs "http://127.0.0.1:$((PORT + 2))/static/ping" >/dev/null 2>&1; do
	sleep 0.1
done
apijob=$(psql -X -qAt "$DATABASE_URL" -c "SELECT id FROM posting WHERE status = 'published' ORDER BY id LIMIT 1")
for who in keyed anonymous; do
	for where in local shared; do
		b=$BASE
		[ $where = local ] && b=http://127.0.0.1:$((PORT + 2))
		if [ $who = keyed ]; then
			wrk -t2 -c64 -d"${SECS}s" -H "Authorization: Bearer $KEY" \
			    "$b/api/v1/jobs/$apijob" > "$work/wrk.out" 2>&1
		else
			wrk -t2 -c64 -d"${SECS}s" "$b/api/v1/jobs/$apijob" \
			    > "$work/wrk.out" 2>&1
		fi
		rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
		grep Non-2xx "$work/wrk.out"
		if [ $where = local ]; then local=$rps; else shared=$rps; fi
	done
	echo "$who $local $shared" | awk '{printf "/api/v1/jobs/ID (%s): %s req/s counted per worker, %s req/s counted in PostgreSQL (x %.2f)\n", $1, $2, $3, $3 / $2}'
done
kill "$lpid" 2>/dev/null
wait "$lpid" 2>/dev/null

# The outputs served from the stored rendering (posting_render) against
# the same outputs made on the spot, in this run on this database: the
# renderings are deleted (each statement then builds every item, as
# before the rendering was stored; the items are the same text), measured,
# and made again.  p99 over one connection too.
echo "== stored rendering: with it, then without it (items made on the spot)"
printf '%-28s %10s %10s %9s %12s %12s\n' endpoint "req/s" "made req/s" "x" "p99 ms (1c)" "made p99 ms"
stored() {
	for path in /feed.json /jobs.rss "/api/v1/jobs?limit=100"; do
		many=$(measure "$path")
		one=$(measure "$path" 1)
		echo "$path ${many%% *} $(echo "$one" | cut -d' ' -f2)"
	done
}
stored > "$work/with"
psql -X -qAt "$DATABASE_URL" -c "DELETE FROM posting_render" >/dev/null
stored > "$work/without"
psql -X -qAt "$DATABASE_URL" -c "SELECT fj_render(ARRAY(SELECT id FROM posting WHERE status = 'published'))" >/dev/null
paste -d' ' "$work/with" "$work/without" | awk '{printf "%-28s %10s %10s %9.2f %12s %12s\n", $1, $2, $5, $2 / $5, $3, $6}'

# The same page while 2 000 idle and 1 000 slowloris connections are held
# open (src/tools/flood.py): the server must go on serving real clients.
echo "== / under a connection flood (2 000 idle, 1 000 slowloris), wrk -t2 -c64 -d${SECS}s"
quiet=$(measure /)
/usr/bin/python3 src/tools/flood.py "$BASE" $((SECS + 6)) &
fpid=$!
sleep 4
flooded=$(measure /)
wait "$fpid"
after=$(measure /)
echo "${quiet%% *} ${flooded%% *} ${after%% *}" | awk '{printf "/ req/s: %s without, %s during the flood (x %.2f), %s after (x %.2f)\n", $1, $2, $2 / $1, $3, $3 / $1}'

# Search by distance: the uncached rate of each search within 50 km of
# Milano against the same search without km, in the same run (target:
# at least 0.5).  Every request a cache miss (bench-near.lua).
echo "== search by distance, uncached, wrk -t2 -c64 -d${SECS}s"
near_rate() {
	wrk -t2 -c64 -d"${SECS}s" -s src/tools/bench-near.lua "$BASE$1" \
	    > "$work/wrk.out" 2>&1
	awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}
printf '%-40s %10s %10s %8s\n' search "req/s" "km=50" "ratio"
for path in "/jobs?city=milano" "/jobs?q=manager&city=milano"; do
	a=$(near_rate "$path")
	b=$(near_rate "$path&km=50")
	echo "$path $a $b" | awk '{printf "%-40s %10s %10s %8.2f\n", $1, $2,
	    $3, $3 / $2}'
done

# One uncached request at a time (a new r= each, which the pages ignore and
# the cache key keeps): the median of 5 of each page, in ms and against
# /static/ping's own median.  What a person waits for a search nobody made
# in the last FJ_HOME_TTL seconds.  Set BENCH_QUERIES=0 to skip.
one_by_one() {
	case "$1" in *\?*) sep='&' ;; *) sep='?' ;; esac
	for i in 1 2 3 4 5; do
		curl -s -o /dev/null -w '%{time_total}\n' \
		    "$BASE$1${sep}r=one$i-$$"
	done | sort -n | sed -n 3p
}
if [ "${BENCH_QUERIES:-1}" = 1 ]; then
	echo "== one uncached request at a time, median of 5, $N postings"
	ping=$(one_by_one /static/ping)
	printf '%-46s %9s %10s\n' page "ms" "x ping"
	for path in /static/ping / /jobs "/jobs?city=milan" \
	    "/jobs?city=milan&km=50" /cities/paris \
	    "/jobs?contract=internship&lang=it" "/jobs?page=500" \
	    "/jobs?q=manager" "/jobs?q=manager&city=milan" \
	    "/jobs?q=manager&city=milan&km=50" \
	    "/jobs?q=manager&page=500" "/jobs?q=store+manager" \
	    "/jobs?q=sales&contract=internship&lang=de" \
	    "/jobs?q=stage&city=paris" "/jobs?q=hermes" "/jobs?q=balenciga" \
	    "/jobs?q=team"; do
		t=$(one_by_one "$path")
		echo "$path $t $ping" | awk '{printf "%-46s %9.1f %10.0f\n",
		    $1, $2 * 1000, $2 / $3}'
	done
fi

# Mirroring every posting through the sync API from empty (target: under
# 10 s for 100 000), against the database producing the same JSON alone
# (from the stored renderings, as the API does).
echo "== mirror through /api/v1/jobs (limit=1000)"
t0=$(date +%s.%N)
psql -X -qAt "$DATABASE_URL" -c "SELECT length(string_agg(CASE WHEN r.posting_id IS NOT NULL AND fj_job_status(x) = 'published' THEN fj_job_api_splice(x.id, fj_job_path(x.id, x.slug), r.api_head, x.description, r.api_tail) ELSE fj_job_api_text(x, co, c, '') END, ', ')) FROM posting x JOIN company co ON co.id = x.company_id LEFT JOIN city c ON c.id = x.city_id LEFT JOIN posting_render r ON r.posting_id = x.id" >/dev/null
t1=$(date +%s.%N)
set -- $(/usr/bin/python3 src/tools/mirror.py "$BASE" "$KEY")
echo "$1 $2 $3 $t0 $t1" | awk '{db = $5 - $4; printf "mirror: %d postings in %d pages, %.2f s = %.0f postings/s; the database alone %.2f s (x %.2f)\n", $1, $2, $3, $1 / $3, db, db / $3}'

# /feed.xml: every open posting streamed in pages; the whole download,
# plain and gzipped, with the largest resident size of any Kore process
# (workers, sampled every 0.1 s) before and during it.  "x pings": how
# many /static/ping answers the same time buys at the rate measured above.
echo "== /feed.xml, whole download"
kids=$(ps -o pid= --ppid "$kpid" | tr -d ' ')
rss_max() {
	for p in $kids; do
		awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null
	done | sort -n | tail -1
}
for enc in identity gzip; do
	before=$(rss_max)
	/usr/bin/time -f '%e' -o "$work/time" curl -s -H \
	    "Accept-Encoding: $enc" -o "$work/out.xml" "$BASE/feed.xml" &
	cpid=$!
	peak=$before
	while kill -0 "$cpid" 2>/dev/null; do
		r=$(rss_max)
		[ "${r:-0}" -gt "$peak" ] && peak=$r
		sleep 0.1
	done
	wait "$cpid"
	jobs=$(if [ $enc = gzip ]; then gunzip -c "$work/out.xml"; else
	    cat "$work/out.xml"; fi | grep -o '<job>' | wc -l)
	echo "$enc $jobs $(stat -c %s "$work/out.xml") $(tail -1 "$work/time") $brps $before $peak" |
	    awk '{printf "/feed.xml (%s): %d postings, %.1f MB in %.2f s = %.0f postings/s (x pings %.0f); worker RSS %.1f MB before, %.1f MB peak\n", $1, $2, $3 / 1048576, $4, $2 / $4, $4 * $5, $6 / 1024, $7 / 1024}'
done

feeds
