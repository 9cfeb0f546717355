# Kore configuration for a run: the checked-in conf with the port, the
# module path and the chroot filled in.  Sourced by run.sh, test.sh, bench.sh.

# kore_conf OUT PORT TRACING(yes|no)
kore_conf() {
	out=$1
	root=$(cd "$(dirname "$out")" && pwd)/chroot
	mkdir -p "$root"
	sed -e "s|@PORT@|$2|g" -e "s|@MODULE@|$(pwd)/build/fashionjobs.so|g" \
	    -e "s|@ROOT@|$root|g" -e "s|@TRACING@|$3|g" \
	    conf/fashionjobs.conf > "$out"
}
