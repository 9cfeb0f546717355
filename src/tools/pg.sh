# Private PostgreSQL clusters, sourced by run.sh, test.sh and bench.sh.
# initdb refuses to run as root, so as root the cluster belongs to the
# postgres OS user.  The server listens on 127.0.0.1 and a socket in DIR.

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

# As root the programs start in /: the current directory may be one the
# postgres user cannot enter.  DIR arguments are absolute.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# pg_cluster_dir CHECKOUT: the directory of the checkout's private cluster,
# CHECKOUT/var/pg.  As root, when the postgres user cannot reach
# CHECKOUT/var (a clone under a mode 700 home), the cluster lives in
# /var/lib/fashionjobs/<hash of CHECKOUT>/pg instead and var/pg is a symlink
# to it: the modes of the user's directories stay as they are, and the next
# run finds the same cluster.
pg_cluster_dir() {
	co=$1
	if [ -L "$co/var/pg" ]; then
		readlink "$co/var/pg"
		return 0
	fi
	if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$co/var"; then
		echo "$co/var/pg"
		return 0
	fi
	if [ -e "$co/var/pg/data" ]; then
		echo "$co/var/pg/data: the postgres user cannot reach it" >&2
		return 1
	fi
	home=/var/lib/fashionjobs/$(printf '%s' "$co" | sha256sum | cut -c1-12)
	mkdir -p "$home"
	chmod 755 /var/lib/fashionjobs "$home"
	printf '%s\n' "$co" > "$home/checkout"
	rm -rf "$co/var/pg"
	ln -s "$home/pg" "$co/var/pg"
	echo "$home/pg"
}

# pg_start DIR PORT: create the cluster if needed and start it.  PG_OPTS:
# more server settings (-c name=value ...).
pg_start() {
	dir=$1
	port=$2
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	chmod 700 "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		pg_as "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust \
		    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			return 1
		}
	fi
	if pg_as "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		return 0
	fi
	pg_as "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
	    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 \
	    -c fsync=${PG_FSYNC:-on} -c shared_buffers=${PG_SHARED_BUFFERS:-256MB} \
	    -c max_connections=200 ${PG_OPTS:-}" start >/dev/null || {
		tail -20 "$dir/server.log" >&2
		return 1
	}
	pg_as "$PGBIN/psql" -h "$dir" -p "$port" -U postgres -qAt -c \
	    "SELECT 1 FROM pg_database WHERE datname = 'fashionjobs'" \
	    postgres | grep -q 1 ||
	    pg_as "$PGBIN/createdb" -h "$dir" -p "$port" -U postgres fashionjobs
}

# pg_stop DIR: stop the cluster, if running.
pg_stop() {
	pg_as "$PGBIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_url PORT: the connection string for a private cluster.
pg_url() {
	echo "postgresql://postgres@127.0.0.1:$1/fashionjobs"
}
