#!/bin/sh
# schema.sql is the schema of a migrated database: the test's database,
# migrated from nothing by make test, dumps to the same text.  After a
# change to migrations/ or sql/, migrate a fresh database and write the
# file again with `sh src/tools/schema.sh > schema.sql`.
out=$(mktemp)
sh src/tools/schema.sh "$DATABASE_URL" > "$out"
if [ ! -s "$out" ]; then
	echo "not ok - schema.sql: pg_dump printed nothing"
elif diff -u schema.sql "$out" > "$out.diff"; then
	echo "ok - schema.sql is the schema of the migrated database"
else
	echo "not ok - schema.sql differs from the migrated database:"
	head -40 "$out.diff" | sed 's/^/# /'
fi
# Every fj_ function is defined in one file of the tree, and each
# function of the database is one of them.
defs=$(grep -h -o -i -E '^create (or replace )?function (public\.)?fj_[a-z0-9_]+' \
    migrations/*.sql sql/*.sql | sed -E 's/.*(fj_[a-z0-9_]+)$/\1/' | sort)
twice=$(grep -l -i -E '^create (or replace )?function (public\.)?fj_[a-z0-9_]+' \
    migrations/*.sql sql/*.sql | while read -r f; do
	grep -o -i -E '^create (or replace )?function (public\.)?fj_[a-z0-9_]+' "$f" |
	    sed -E 's/.*(fj_[a-z0-9_]+)$/\1/' | sort -u | sed "s|\$| $f|"
    done | awk '{ n[$1]++; f[$1] = f[$1] " " $2 } END { for (k in n) if (n[k] > 1) print k ":" f[k] }')
if [ -z "$twice" ]; then
	echo "ok - each fj_ function is defined in one file ($(echo "$defs" | sort -u | wc -l) functions)"
else
	echo "not ok - fj_ functions defined in more than one file: $twice"
fi
db=$(psql -X -qAt "$DATABASE_URL" -c "SELECT DISTINCT proname FROM pg_proc
    WHERE proname LIKE 'fj\_%' AND pronamespace = 'public'::regnamespace ORDER BY 1")
missing=$(echo "$db" | while read -r f; do
	echo "$defs" | grep -qx "$f" || printf '%s ' "$f"; done)
[ -z "$missing" ] && echo "ok - every fj_ function of the database is in the tree" ||
    echo "not ok - fj_ functions of the database defined in no file: $missing"
rm -f "$out" "$out.diff"
