#!/bin/sh
# migrate keeps a checksum of each applied file and refuses to go on when
# an applied file has changed since (its new text would never reach this
# database); a database from before checksums adopts the files once.
q() { psql -X -qAt "$DATABASE_URL" -c "$1"; }
n=$(q "SELECT count(*) FROM schema_migrations WHERE checksum ~ '^[0-9a-f]{64}$'")
all=$(q "SELECT count(*) FROM schema_migrations")
[ "$n" = "$all" ] && echo "ok - every applied migration has its checksum ($n)" ||
    echo "not ok - $n of $all applied migrations have a checksum"
saved=$(q "SELECT checksum FROM schema_migrations WHERE name = '0044_mail.sql'")
q "UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE name = '0044_mail.sql'"
if out=$("$FJ_BIN" migrate 2>&1); then
	echo "not ok - migrate accepted an applied migration that changed"
else
	echo "$out" | grep -q '0044_mail.sql was changed' &&
	    echo "ok - migrate exits non-zero naming the changed file" ||
	    echo "not ok - migrate's message: $out"
fi
q "UPDATE schema_migrations SET checksum = NULL WHERE name = '0044_mail.sql'"
"$FJ_BIN" migrate >/dev/null 2>&1 &&
    [ "$(q "SELECT checksum FROM schema_migrations WHERE name = '0044_mail.sql'")" = "$saved" ] &&
    echo "ok - a migration recorded without a checksum adopts the file's" ||
    echo "not ok - adopting the checksum"
