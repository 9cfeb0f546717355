/*
 * bench_feed [-d] format file: parse a partner feed, read() 64 KB at a
 * time and pushed to feed_stream_push() as the scraper pushes what it
 * fetches, and print one line -- items, size, seconds, items/s, MB/s and
 * peak RSS (the parser's own memory: the input is never held whole, as
 * for xmllint --stream, which read()s too).
 * With -d, also a digest of every field of every item, to check that a
 * change to the parsers leaves their output as it was.  Kore-free:
 *
 *	cc -O2 -Isrc/core $(pkg-config --cflags libxml-2.0 jansson) \
 *	    src/tools/bench_feed.c src/core/[a-z]*.c \
 *	    $(pkg-config --libs libxml-2.0 jansson) -lm
 */
#include <sys/resource.h>
#include <sys/stat.h>

#include <err.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "feed.h"

struct bench {
	size_t		 items;
	uint64_t	 digest;	/* FNV-1a over every field */
	int		 digesting;
};

static int	on_item(const struct feed_item *, void *);
static double	now(void);

static int
on_item(const struct feed_item *it, void *arg)
{
	struct bench	*b = arg;

	b->items++;
	if (!b->digesting)
		return (0);
	b->digest = feed_item_digest(b->digest, it);
	return (0);
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

int
main(int argc, char **argv)
{
	struct bench		 b;
	struct feed_opts	 o;
	struct feed_result	 res;
	struct feed_stream	*fs;
	struct rusage		 ru;
	struct stat		 st;
	enum feed_format	 fmt;
	static char		 buf[64 * 1024];
	double			 t0, secs, mb;
	ssize_t			 n;
	int			 fd, rc, ch;

	memset(&b, 0, sizeof(b));
	b.digest = 0xcbf29ce484222325ULL;
	while ((ch = getopt(argc, argv, "d")) != -1) {
		switch (ch) {
		case 'd':
			b.digesting = 1;
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		goto usage;
	if (feed_format_parse(argv[0], &fmt) == -1)
		errx(1, "%s: unknown format", argv[0]);
	if ((fd = open(argv[1], O_RDONLY)) == -1)
		err(1, "%s", argv[1]);
	if (fstat(fd, &st) == -1)
		err(1, "%s", argv[1]);
	if (st.st_size == 0)
		errx(1, "%s: empty", argv[1]);

	feed_init();
	memset(&o, 0, sizeof(o));
	/* The benchmark feeds may be bigger than the importer's cap. */
	o.max_bytes = (size_t)st.st_size;
	t0 = now();
	fs = feed_stream_new(fmt, &o, on_item, &b, &res);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (feed_stream_push(fs, buf, (size_t)n) == -1)
			break;
	if (n == -1)
		err(1, "read %s", argv[1]);
	rc = feed_stream_end(fs);
	secs = now() - t0;
	feed_stream_free(fs);
	if (getrusage(RUSAGE_SELF, &ru) == -1)
		err(1, "getrusage");
	mb = st.st_size / 1e6;
	printf("parse %s: %zu items %.1f MB %.2f s %.0f items/s %.1f MB/s "
	    "maxrss %ld MB", feed_format_name(fmt), b.items, mb, secs,
	    b.items / secs, mb / secs, ru.ru_maxrss / 1024);
	if (b.digesting)
		printf(" digest %016llx", (unsigned long long)b.digest);
	printf("\n");
	if (rc == -1)
		fprintf(stderr, "bench_feed: %s\n", res.error);
	close(fd);
	return (rc == -1 ? 1 : 0);

usage:
	fprintf(stderr, "usage: bench_feed [-d] format file\n");
	return (2);
}
