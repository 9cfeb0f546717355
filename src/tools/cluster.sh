#!/bin/sh
# make cluster: the production topology on this machine, under
# $CLUSTER_DIR (var/cluster): a primary PostgreSQL, one hot standby made
# from it with pg_basebackup -R (streaming replication), two Kore
# instances reading public pages from the standby (FJ_READ_URL), two
# scrapers, a mail loop and an alert loop against the primary, and HAProxy on
# 127.0.0.1:$PORT in front of the two Kore instances (health checks on
# /healthz, X-Forwarded-For set by HAProxy alone, FJ_TRUST_PROXY).
# Ctrl-C stops all of it, whichever part died first.
#   CLUSTER_DIR (var/cluster)  where everything lives
#   CLUSTER_PORT (54340)       primary; standby +1, Kore +2 and +3,
#                              HAProxy's stats page +4
#   SEED_COUNT (500)           postings generated into an empty database
#   CLUSTER_TRACING (no)       Kore's seccomp_tracing (the test says yes)
set -e
cd "$(dirname "$0")/../.."
. src/tools/pg.sh
. src/tools/kore.sh
. src/tools/procs.sh

PORT=${PORT:-8080}
base=${CLUSTER_PORT:-54340}
cdir=${CLUSTER_DIR:-var/cluster}
mkdir -p "$cdir"
chmod 755 "$cdir"
cdir=$(cd "$cdir" && pwd)
p_primary=$base
p_standby=$((base + 1))
p_kore1=$((base + 2))
p_kore2=$((base + 3))
p_stats=$((base + 4))

# As root the data directories belong to the postgres user, who may not
# reach a checkout under a mode 700 home: they then live under
# /var/lib/fashionjobs instead (as make run's, see pg_cluster_dir).
pgroot=$cdir
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$cdir"; then
	pgroot=/var/lib/fashionjobs/$(printf '%s' "$cdir" | sha256sum |
	    cut -c1-12)-cluster
	mkdir -p "$pgroot"
	chmod 755 /var/lib/fashionjobs "$pgroot"
fi

groups=""
started_pg=""
cleanup() {
	set +e
	trap '' INT TERM
	trap - EXIT
	for g in $groups; do
		stop_group "$g"
	done
	for d in $started_pg; do
		pg_stop "$d"
	done
	echo "cluster stopped."
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

# The primary: WAL kept for a standby that falls behind for a while.
opts=${PG_OPTS:-}
PG_OPTS="-c wal_keep_size=256MB $opts"
pg_start "$pgroot/primary" "$p_primary"
started_pg="$pgroot/primary"
export DATABASE_URL=$(pg_url "$p_primary")
bin/fashionjobs migrate
bin/fashionjobs seed --if-empty --demo --count "${SEED_COUNT:-500}"

# The standby: a base backup of the primary with its replication settings
# written (-R: standby.signal and primary_conninfo), once; then started
# as a hot standby that tells the primary which rows its queries still
# read (no query cancelled by a vacuum on the primary).
if [ ! -f "$pgroot/standby/data/PG_VERSION" ]; then
	mkdir -p "$pgroot/standby"
	[ "$(id -u)" = 0 ] && chown postgres: "$pgroot/standby"
	chmod 700 "$pgroot/standby"
	pg_as "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$p_primary" -U postgres \
	    -D "$pgroot/standby/data" -R -X stream -c fast
fi
PG_OPTS="-c hot_standby_feedback=on $opts"
pg_start "$pgroot/standby" "$p_standby"
started_pg="$pgroot/standby $started_pg"
export FJ_READ_URL=$(pg_url "$p_standby")
export FJ_BASE_URL=${FJ_BASE_URL:-http://127.0.0.1:$PORT}
export FJ_TRUST_PROXY=1

for n in 1 2; do
	eval "p=\$p_kore$n"
	mkdir -p "$cdir/kore$n"
	chmod 755 "$cdir/kore$n"
	kore_conf "$cdir/kore$n/kore.conf" "$p" "${CLUSTER_TRACING:-no}"
	setsid kore -f -c "$cdir/kore$n/kore.conf" > "$cdir/kore$n/kore.log" 2>&1 &
	groups="$groups $!"
	echo $! > "$cdir/kore$n/group"
done
if bin/fashionjobs 2>&1 | grep -q 'scrape'; then
	for n in 1 2; do
		setsid bin/fashionjobs scrape --loop > "$cdir/scraper$n.log" 2>&1 &
		groups="$groups $!"
	done
fi
setsid bin/fashionjobs mail --loop > "$cdir/mail.log" 2>&1 &
groups="$groups $!"
if bin/fashionjobs 2>&1 | grep -q 'alerts'; then
	setsid bin/fashionjobs alerts --loop > "$cdir/alerts.log" 2>&1 &
	groups="$groups $!"
fi

# HAProxy: round robin over the Kore instances that answer /healthz with
# 200 (checked every 500 ms; 2 failures take one out, 2 successes bring it
# back); a request whose instance refused or dropped it is sent to the
# other.  The client's own X-Forwarded-For is removed before HAProxy sets
# its own, so FJ_TRUST_PROXY cannot be fooled from outside.
cat > "$cdir/haproxy.cfg" <<EOF
global
	maxconn 4096
	stats socket $cdir/haproxy.sock mode 600 level admin

defaults
	mode http
	timeout connect 2s
	timeout client 60s
	timeout server 60s
	timeout http-request 5s
	retries 3
	option redispatch
	retry-on conn-failure empty-response response-timeout
	option httpchk
	http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
	http-check expect status 200

frontend web
	bind 127.0.0.1:$PORT
	http-request del-header X-Forwarded-For
	option forwardfor
	default_backend kore

backend kore
	balance roundrobin
	default-server inter 500ms fall 2 rise 2
	server kore1 127.0.0.1:$p_kore1 check
	server kore2 127.0.0.1:$p_kore2 check

listen stats
	bind 127.0.0.1:$p_stats
	stats enable
	stats uri /
EOF
setsid haproxy -db -f "$cdir/haproxy.cfg" > "$cdir/haproxy.log" 2>&1 &
lb=$!
groups="$lb $groups"
i=0
until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -gt 300 ] || ! kill -0 "$lb" 2>/dev/null; then
		echo "cluster: HAProxy does not answer on $PORT" >&2
		exit 1
	fi
	sleep 0.1
done
echo "fashionjobs cluster: http://127.0.0.1:$PORT/ (HAProxy; stats on" \
    "http://127.0.0.1:$p_stats/), Kore on $p_kore1 and $p_kore2, primary" \
    "on $p_primary, standby on $p_standby, logs in $cdir (Ctrl-C to stop)"
wait "$lb"
