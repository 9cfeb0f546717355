# Kore configuration for a run: the checked-in conf with the port, the
# module path, the chroot and the pidfile filled in.  Sourced by run.sh,
# test.sh and bench.sh.

# kore_fonts CHROOT: the fonts the social cards are drawn with, and a
# fontconfig file naming them, inside the workers' chroot (they cannot see
# /usr/share/fonts).  FONTCONFIG_FILE is read by the workers, after chroot.
# They cannot write a font cache there (fc-cache --sysroot writes an empty
# one), so each worker reads the three fonts once, at its first card.
kore_fonts() {
	mkdir -p "$1/fonts"
	for f in "DejaVu Sans" "DejaVu Sans:bold" "Droid Sans Fallback"; do
		p=$(fc-match -f '%{file}' "$f" 2>/dev/null)
		[ -f "$p" ] && cp -p "$p" "$1/fonts/"
	done
	cat > "$1/fonts/fonts.conf" <<-EOF
	<?xml version="1.0"?>
	<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
	<fontconfig><dir>/fonts</dir><cachedir>/fonts/cache</cachedir></fontconfig>
	EOF
	export FONTCONFIG_FILE=/fonts/fonts.conf
}

# kore_conf OUT PORT TRACING(yes|no)
kore_conf() {
	dir=$(cd "$(dirname "$1")" && pwd)
	mkdir -p "$dir/chroot"
	kore_fonts "$dir/chroot"
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
