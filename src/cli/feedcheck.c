/*
 * fashionjobs feed-check: a feed parsed from a file, nothing imported.
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core.h"
#include "feed.h"
#include "cli.h"
#include "scrape.h"

struct check {
	long	items;
};

static int	 check_item(const struct feed_item *, void *);

static int
check_item(const struct feed_item *it, void *arg)
{
	struct check	*c = arg;

	(void)it;
	c->items++;
	return (0);
}

/*
 * feed-check FORMAT FILE [MAPFILE]: parse a feed without importing it, and
 * say how many items, how fast, and whether it was whole.  For operators
 * trying a partner's feed, and for the benchmark.  The file is pushed to
 * the parser 64 KB at a time, as the scraper does with what it fetches.
 */
int
cmd_feed_check(int argc, char **argv)
{
	struct feed_opts	 o;
	struct feed_result	 r;
	struct feed_html_map	 map;
	struct feed_stream	*fs;
	struct check		 c;
	struct timespec		 t0, t1;
	enum feed_format	 fmt;
	FILE			*f;
	static char		 buf[64 * 1024];
	char			 err[256];
	double			 secs;
	size_t			 n, total;
	int			 rc;

	if (argc < 3 || feed_format_parse(argv[1], &fmt) == -1) {
		fprintf(stderr, "usage: fashionjobs feed-check "
		    "indeed|rss|atom|jsonld|html FILE [MAPFILE]\n");
		return (2);
	}
	if ((f = fopen(argv[2], "rb")) == NULL) {
		perror(argv[2]);
		return (1);
	}
	feed_init();
	memset(&o, 0, sizeof(o));
	memset(&map, 0, sizeof(map));
	/* Any size: the parser's own cap (2 GB) still holds. */
	o.max_bytes = SIZE_MAX;
	o.max_field = FIELD_MAX;
	if (fmt == FEED_HTML) {
		if (argc < 4 || feed_html_map_load(argv[3], &map, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "feed-check: html needs a map: %s\n",
			    argc < 4 ? "none given" : err);
			fclose(f);
			return (2);
		}
		o.map = &map;
	}
	memset(&c, 0, sizeof(c));
	total = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fs = feed_stream_new(fmt, &o, check_item, &c, &r);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		total += n;
		if (feed_stream_push(fs, buf, n) == -1)
			break;
	}
	rc = ferror(f) ? -1 : feed_stream_end(fs);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (ferror(f))
		perror(argv[2]);
	feed_stream_free(fs);
	fclose(f);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld items, %.1f MB, %.2f s, %.0f items/s, %.1f MB/s, %s%s\n",
	    c.items, (double)total / 1e6, secs, c.items / secs,
	    (double)total / 1e6 / secs, r.complete ? "complete" : "INCOMPLETE: ",
	    r.complete ? "" : r.error);
	feed_html_map_free(&map);
	return (rc == 0 && r.complete ? 0 : 1);
}
