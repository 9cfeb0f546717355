# Kore configuration for a run: the checked-in conf with the port, the
# module path, the chroot and the pidfile filled in.  Sourced by run.sh,
# test.sh and bench.sh.

# kore_conf OUT PORT TRACING(yes|no)
kore_conf() {
	dir=$(cd "$(dirname "$1")" && pwd)
	mkdir -p "$dir/chroot"
	# Kore asks a few more than this for each worker.
	nofiles=$(ulimit -Hn)
	if [ "$nofiles" = unlimited ] || [ "$nofiles" -ge 32800 ]; then
		nofiles=32768
	else
		nofiles=$((nofiles - 32))
	fi
	sed -e "s|@PORT@|$2|g" -e "s|@MODULE@|$(pwd)/build/fashionjobs.so|g" \
	    -e "s|@NOFILES@|$nofiles|g" \
	    -e "s|@ROOT@|$dir/chroot|g" -e "s|@TRACING@|$3|g" \
	    -e "s|@PIDFILE@|$dir/kore.pid|g" conf/fashionjobs.conf > "$1"
}
