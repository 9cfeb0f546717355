# Process helpers shared by run.sh and cluster.sh (sourced).

# stop_group PGID: TERM a process group, KILL what is left of it after 10 s.
# Zombies do not count: nobody may reap the workers of a dead Kore parent.
stop_group() {
	kill -TERM "-$1" 2>/dev/null
	i=0
	while ps -e -o pgid= -o stat= |
	    awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			kill -KILL "-$1" 2>/dev/null
			break
		fi
		sleep 0.1
	done
	wait "$1" 2>/dev/null
}
