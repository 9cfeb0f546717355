#!/bin/sh
# Partner feed parse speed against xmllint --stream on the same file in the
# same run (the machine is shared and noisy: only the ratio means much).
# Kore-free, no database; the full import is measured by bench.sh.
#   BENCH_FEED_ITEMS (100000)  items in the generated Indeed feed (~150 MB)
#   BENCH_BIG=1                also 1 000 000 items (~1.5 GB in /tmp),
#                              skipped when /tmp has under 4 GB free
#   BENCH_RUNS (3)             runs of each; the best is kept
# Targets (issue): at least 0.50 of xmllint's speed, peak RSS under 64 MiB.
cd "$(dirname "$0")/../.." || exit 1

N=${BENCH_FEED_ITEMS:-100000}
[ "$N" = 0 ] && exit 0
RUNS=${BENCH_RUNS:-3}
work=$(mktemp -d /tmp/fj-benchfeed.XXXXXX) || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

mkdir -p build
cc -O2 -o build/genfeed src/tools/genfeed.c || exit 1
cc -O2 -Isrc/core $(pkg-config --cflags libxml-2.0 jansson) \
    -o build/bench_feed src/tools/bench_feed.c src/core/[a-z]*.c \
    $(pkg-config --libs libxml-2.0 jansson) -lm || exit 1

# best CMD...: the lowest "seconds maxrss_kb" of $RUNS runs of CMD.
best() {
	b=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" \
		    >"$work/out" 2>"$work/err" || {
			echo "failed: $*" >&2
			cat "$work/err" >&2
			return 1
		}
		t=$(tail -1 "$work/time")
		b=$(printf '%s\n%s\n' "$t" "$b" | awk 'NF == 2' | sort -n | head -1)
		i=$((i + 1))
	done
	echo "$b"
}

# bench N: generate N items, time xmllint and bench_feed on the file.
bench() {
	n=$1
	f="$work/feed-$n.xml"
	build/genfeed "$n" > "$f" || return 1
	mb=$(du -m "$f" | cut -f1)
	echo "== indeed feed: $n items, $mb MB, best of $RUNS"
	x=$(best xmllint --stream --noout "$f") || return 1
	o=$(best build/bench_feed indeed "$f") || return 1
	tail -1 "$work/out"
	set -- $x $o
	echo "$n $1 $2 $3 $4" | awk '{
		printf "xmllint --stream: %.2f s, peak RSS %.0f MiB\n", $2, $3 / 1024
		printf "ours (push):      %.2f s, peak RSS %.0f MiB " \
		    "(%.0f items/s)\n", $4, $5 / 1024, $1 / $4
		r = $2 / $4
		printf "parse speed vs xmllint: %.2f (target >= 0.50: %s)\n",
		    r, (r >= 0.5) ? "met" : "NOT met"
		printf "peak RSS %.0f MiB (target < 64 MiB: %s)\n", $5 / 1024,
		    ($5 / 1024 < 64) ? "met" : "NOT met"
	}'
	rm -f "$f"
}

bench "$N" || exit 1
if [ "${BENCH_BIG:-0}" = 1 ]; then
	free_kb=$(df -Pk /tmp | awk 'NR == 2 {print $4}')
	if [ "$free_kb" -lt 4000000 ]; then
		echo "== 1000000 items skipped: $((free_kb / 1024)) MB free in /tmp"
	else
		bench 1000000 || exit 1
	fi
fi
