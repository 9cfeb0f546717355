#!/bin/sh
# make fuzz: run every libFuzzer target for FUZZ_SECONDS (default 60) from
# a copy of its seed corpus; fail on any crash, leak or sanitizer report.
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
fail=0
pass=0
for f in "$@"; do
	name=$(basename "$f")
	tmp=$(mktemp -d /tmp/fj-fuzz.XXXXXX)
	seeds=tests/fuzz/corpus/${name#fuzz_}
	[ -d "$seeds" ] || seeds=tests/fuzz/corpus/$name
	[ -d "$seeds" ] && cp -r "$seeds"/. "$tmp"/
	if ASAN_OPTIONS=detect_leaks=1 "$f" -max_total_time="$secs" \
	    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$tmp/" \
	    "$tmp" > "$tmp.log" 2>&1; then
		echo "ok - fuzz $name: $(grep -o 'Done [0-9]* runs' "$tmp.log")"
		pass=$((pass + 1))
	else
		echo "not ok - fuzz $name: see below"
		grep -E 'ERROR|SUMMARY|artifact' "$tmp.log" | head -5
		ls "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* 2>/dev/null
		fail=$((fail + 1))
	fi
	rm -rf "$tmp" "$tmp.log"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
