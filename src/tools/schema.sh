#!/bin/sh
# schema.sh [DATABASE_URL]: the schema of a database as schema.sql keeps it:
# pg_dump --schema-only without owners and grants, and without the lines
# that change from one dump to the next (the versions, \restrict keys).
# `sh src/tools/schema.sh > schema.sql` after migrating a fresh database
# writes the committed file; test_schema.sh compares it with the test's.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
"$PGBIN/pg_dump" --schema-only --no-owner --no-privileges \
    "${1:-$DATABASE_URL}" |
    grep -v -E '^(\\restrict|\\unrestrict|-- Dumped (from|by) )'
