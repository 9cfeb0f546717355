#!/bin/sh
# A database migrated with the files that migrations/0060_baseline.sql
# replaced (taken from the history, as a release before it shipped them)
# upgrades cleanly: migrate records the baseline without running it,
# applies what came after and every sql/ file, and the schema is then
# schema.sql exactly, with the data kept.  A database that applied only
# some of the replaced files is refused.  sql/ files are applied again
# when they change, and only then.  Two old releases: efbc371, the last
# with the replaced files (0043 included), and 749d07f, from before 0043
# (which defined functions only, so need not have been applied).
base=${DATABASE_URL%/*}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
q() { psql -X -qAt "$1" -c "$2"; }
for d in fj_upgrade fj_partial; do
	q "$base/postgres" "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1
	q "$base/postgres" "CREATE DATABASE $d" >/dev/null
done
up=$base/fj_upgrade
partial=$base/fj_partial

upgrade() {
	rm -rf "$work/migrations"
	if ! git archive "$1" migrations 2>/dev/null | tar -x -C "$work"; then
		echo "not ok - $1: upgrade: the old migrations need the git history ($1)"
		return
	fi
	q "$base/postgres" "DROP DATABASE IF EXISTS fj_upgrade" >/dev/null 2>&1
	q "$base/postgres" "CREATE DATABASE fj_upgrade" >/dev/null
	# The old release: its migrations and no sql/ directory.
	if DATABASE_URL=$up FJ_MIGRATIONS=$work/migrations FJ_SQL=$work/nosql \
	    "$FJ_BIN" migrate > "$work/old.log" 2>&1; then
		echo "ok - $1: the old migrations apply ($(grep -c applied "$work/old.log") files)"
	else
		echo "not ok - $1: the old migrations: $(tail -2 "$work/old.log")"
	fi
	# Data written under the old schema, through its functions and triggers.
	q "$up" "INSERT INTO company (key, name, slug) VALUES ('upgrade co', 'Upgrade Co', 'upgrade-co');
	INSERT INTO posting (company_id, company_name, company_raw, title, title_raw,
	    slug, city_id, city_name, expires_at)
	SELECT id, name, name, 'Upgrade Tester', 'Upgrade Tester', 'upgrade-tester',
	    fj_city_id('Milano'), 'Milano', now() + interval '30 days' FROM company" >/dev/null

	if DATABASE_URL=$up "$FJ_BIN" migrate > "$work/new.log" 2>&1; then
		echo "ok - $1: migrate upgrades a database of the old files"
	else
		echo "not ok - $1: migrate on a database of the old files: $(tail -3 "$work/new.log")"
	fi
	grep -q "0060_baseline.sql stands for the migrations it replaces, $2 applied before" "$work/new.log" &&
	    ! grep -q 'applied 0060_baseline.sql' "$work/new.log" &&
	    echo "ok - $1: the baseline is recorded, not run, on the old database" ||
	    echo "not ok - $1: the baseline on the old database: $(head -3 "$work/new.log")"
	[ "$(grep -c 'applied sql/' "$work/new.log")" = "$(ls sql/*.sql | wc -l)" ] &&
	    echo "ok - $1: every sql/ file is applied to the upgraded database" ||
	    echo "not ok - $1: sql/ files applied: $(grep -c 'applied sql/' "$work/new.log")"
	sh src/tools/schema.sh "$up" > "$work/up.sql"
	if diff -u schema.sql "$work/up.sql" > "$work/up.diff"; then
		echo "ok - $1: the upgraded database's schema is schema.sql"
	else
		echo "not ok - $1: the upgraded database's schema differs from schema.sql:"
		head -30 "$work/up.diff" | sed 's/^/# /'
	fi
	r=$(q "$up" "SELECT p.title || ' ' || (fj_card(p, 'en')->>'href') || ' ' ||
	    (p.search @@ 'tester'::tsquery) FROM posting p WHERE slug = 'upgrade-tester'")
	case "$r" in
	"Upgrade Tester /jobs/"*"-upgrade-tester true") echo "ok - $1: the posting written before is kept and reads: $r" ;;
	*) echo "not ok - $1: the posting written before the upgrade: '$r'" ;;
	esac
	[ "$(q "$up" "SELECT count(*) FROM posting_render r JOIN posting p ON p.id = r.posting_id
	    WHERE p.slug = 'upgrade-tester'")" = 1 ] &&
	    echo "ok - $1: the posting written before has its stored rendering" ||
	    echo "not ok - $1: no stored rendering for the posting written before the upgrade"
	q "$up" "UPDATE posting SET title = 'Upgrade Renamed' WHERE slug = 'upgrade-tester'"
	[ "$(q "$up" "SELECT count(*) FROM posting WHERE search @@ 'renamed'::tsquery")" = 1 ] &&
	    echo "ok - $1: the triggers of sql/ work on the upgraded database" ||
	    echo "not ok - $1: an update after the upgrade left the search vector"
	n=$(DATABASE_URL=$up "$FJ_BIN" migrate | grep -c applied)
	[ "$n" = 0 ] && echo "ok - $1: a second migrate applies nothing" ||
	    echo "not ok - $1: a second migrate applied $n files"
}

mkdir "$work/nosql" "$work/empty" "$work/partial"
upgrade 749d07f 17
upgrade efbc371 18

# A sql/ file that changed is applied again, alone.
cp sql/*.sql "$work/nosql/"
printf '\n-- changed\n' >> "$work/nosql/search.sql"
DATABASE_URL=$up FJ_SQL=$work/nosql "$FJ_BIN" migrate > "$work/re.log" 2>&1
[ "$(cat "$work/re.log")" = "migrate: applied sql/search.sql" ] &&
    echo "ok - a changed sql/ file is applied again, and only it" ||
    echo "not ok - after changing sql/search.sql: $(cat "$work/re.log")"
printf 'SELECT fj_upgrade_test_missing();\n' >> "$work/nosql/search.sql"
if DATABASE_URL=$up FJ_SQL=$work/nosql "$FJ_BIN" migrate > "$work/bad.log" 2>&1; then
	echo "not ok - migrate accepted a sql/ file with a syntax error"
else
	grep -q 'sql/search.sql: ERROR' "$work/bad.log" &&
	    echo "ok - a sql/ file that fails is refused, naming it" ||
	    echo "not ok - a failing sql/ file: $(cat "$work/bad.log")"
fi

# Only some of the replaced files: refused, nothing applied.
cp "$work/migrations/0001_schema.sql" "$work/migrations/0002_cities.sql" "$work/partial/"
DATABASE_URL=$partial FJ_MIGRATIONS=$work/partial FJ_SQL=$work/empty \
    "$FJ_BIN" migrate >/dev/null 2>&1
if DATABASE_URL=$partial "$FJ_BIN" migrate > "$work/p.log" 2>&1; then
	echo "not ok - migrate accepted a database with 2 of the 17 replaced files"
else
	grep -q 'applied 2 of the 17 migrations 0060_baseline.sql replaces' "$work/p.log" &&
	    [ "$(q "$partial" "SELECT count(*) FROM schema_migrations")" = 2 ] &&
	    echo "ok - a database with only some replaced files is refused, unchanged" ||
	    echo "not ok - a partial database: $(cat "$work/p.log")"
fi
for d in fj_upgrade fj_partial; do
	q "$base/postgres" "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1
done
