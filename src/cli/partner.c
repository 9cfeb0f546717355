/*
 * fashionjobs partner add|list|disable|runs: the partners whose feeds
 * the scraper reads, and the record of its runs.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "feed.h"
#include "db.h"
#include "cli.h"

static int	 parse_bytes(const char *, char *, size_t);
static int	 partner_add(PGconn *, int, char **);

/* "64M", "512K", "1G" or plain bytes, as a decimal byte count in out. */
static int
parse_bytes(const char *s, char *out, size_t outlen)
{
	unsigned long long	 n;
	char			*end;
	int			 shift;

	if (s == NULL || !isdigit((unsigned char)*s))
		return (-1);
	n = strtoull(s, &end, 10);
	switch (toupper((unsigned char)*end)) {
	case '\0':
		shift = 0;
		break;
	case 'K':
		shift = 10;
		break;
	case 'M':
		shift = 20;
		break;
	case 'G':
		shift = 30;
		break;
	default:
		return (-1);
	}
	if (*end != '\0' && end[1] != '\0' && strcasecmp(end + 1, "iB") != 0 &&
	    strcasecmp(end + 1, "B") != 0)
		return (-1);
	if (n == 0 || n > (1ULL << 40) >> shift)
		return (-1);
	n <<= shift;
	if ((size_t)snprintf(out, outlen, "%llu", n) >= outlen)
		return (-1);
	return (0);
}

/* --name N --url U --format F [--every 1h] [--map FILE] [--close-after 2]
 * [--max-bytes N] [--country CC] */
static int
partner_add(PGconn *conn, int argc, char **argv)
{
	const char	*v[8] = { NULL, NULL, NULL, "1 hour", NULL, "2",
			    "67108864", NULL };
	static const char *opts[8] = { "--name", "--url", "--format",
			    "--every", "--map", "--close-after", "--max-bytes",
			    "--country" };
	enum feed_format fmt;
	struct sbuf	 map;
	char		*mapped, maxbytes[32], cc[3];
	int		 i, j, rc;

	for (i = 2; i + 1 < argc; i += 2) {
		for (j = 0; j < 8; j++)
			if (strcmp(argv[i], opts[j]) == 0)
				break;
		if (j == 8)
			break;
		v[j] = argv[i + 1];
	}
	if (i < argc || v[0] == NULL || v[1] == NULL || v[2] == NULL) {
		fprintf(stderr, "usage: fashionjobs partner add --name NAME "
		    "--url URL --format indeed|rss|atom|jsonld|html "
		    "[--every 1h] [--map FILE] [--close-after N] "
		    "[--max-bytes N] [--country CC]\n");
		return (2);
	}
	if (v[7] != NULL) {
		if (strlen(v[7]) != 2 || !isalpha((unsigned char)v[7][0]) ||
		    !isalpha((unsigned char)v[7][1])) {
			fprintf(stderr, "partner: --country wants a two-letter "
			    "code, such as IT\n");
			return (2);
		}
		cc[0] = toupper((unsigned char)v[7][0]);
		cc[1] = toupper((unsigned char)v[7][1]);
		cc[2] = '\0';
		v[7] = cc;
	}
	if (feed_format_parse(v[2], &fmt) == -1) {
		fprintf(stderr, "partner: unknown format '%s'\n", v[2]);
		return (2);
	}
	if (strncmp(v[1], "http://", 7) != 0 &&
	    strncmp(v[1], "https://", 8) != 0 &&
	    strncmp(v[1], "file://", 7) != 0) {
		fprintf(stderr, "partner: the URL must be http(s):// or "
		    "file://\n");
		return (2);
	}
	if (parse_bytes(v[6], maxbytes, sizeof(maxbytes)) == -1) {
		fprintf(stderr, "partner: --max-bytes wants bytes, or a "
		    "number with K, M or G (64M)\n");
		return (2);
	}
	v[6] = maxbytes;
	if (fmt == FEED_HTML && v[4] == NULL) {
		fprintf(stderr, "partner: an html partner needs --map FILE\n");
		return (2);
	}
	mapped = NULL;
	if (v[4] != NULL) {
		sbuf_init(&map);
		if (sbuf_load(&map, v[4]) == -1) {
			perror(v[4]);
			sbuf_free(&map);
			return (1);
		}
		mapped = sbuf_steal(&map);
	}
	v[4] = mapped;
	/* "1h" and "30m" as interval text: PostgreSQL reads both. */
	rc = db_run(conn, "partner add", "INSERT INTO partner (name, url, "
	    "format, every, map, close_after, max_bytes, country) VALUES ($1, "
	    "$2, $3, $4::interval, $5, $6::int, $7::bigint, $8)", 8, v);
	free(mapped);
	if (rc == 0)
		printf("partner %s added\n", v[0]);
	return (rc == 0 ? 0 : 1);
}

int
cmd_partner(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	const char	*params[1];
	int		 rc, i, j;

	if (argc < 2) {
		fprintf(stderr, "usage: fashionjobs partner add|list|disable|"
		    "runs ...\n");
		return (2);
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	rc = 0;
	params[0] = argc > 2 ? argv[2] : NULL;
	if (strcmp(argv[1], "add") == 0)
		rc = partner_add(conn, argc, argv);
	else if (strcmp(argv[1], "disable") == 0 && argc == 3) {
		res = db_exec(conn, "partner", "UPDATE partner SET enabled ="
		    " false WHERE name = $1", 1, params);
		rc = (res == NULL || strcmp(PQcmdTuples(res), "1") != 0);
		if (rc)
			fprintf(stderr, "partner: no partner '%s'\n", argv[2]);
		PQclear(res);
	} else if (strcmp(argv[1], "list") == 0 ||
	    (strcmp(argv[1], "runs") == 0 && argc == 3)) {
		res = strcmp(argv[1], "list") == 0 ?
		    db_exec(conn, "partner", "SELECT name, format, url, every,"
		    " CASE WHEN enabled THEN 'enabled' ELSE 'disabled' END,"
		    " to_char(next_run_at, 'YYYY-MM-DD HH24:MI') FROM partner"
		    " ORDER BY name", 0, NULL) :
		    db_exec(conn, "partner", "SELECT to_char(r.started_at,"
		    " 'YYYY-MM-DD HH24:MI:SS'), CASE WHEN r.ok THEN 'ok' ELSE"
		    " 'FAILED' END, coalesce(r.http_status::text, '-'), r.bytes,"
		    " r.items_seen || ' seen', r.items_new || ' new',"
		    " r.items_updated || ' updated', r.items_unchanged ||"
		    " ' unchanged', r.items_closed || ' closed',"
		    " r.items_rejected || ' rejected', coalesce(r.error, ''),"
		    " r.rejects::text FROM partner_run r JOIN partner p ON"
		    " p.id = r.partner_id WHERE p.name = $1"
		    " ORDER BY r.started_at DESC, r.id DESC LIMIT 50", 1, params);
		rc = res == NULL;
		for (i = 0; res != NULL && i < PQntuples(res); i++) {
			for (j = 0; j < PQnfields(res); j++)
				printf("%s%s", j ? "\t" : "",
				    PQgetvalue(res, i, j));
			printf("\n");
		}
		PQclear(res);
	} else {
		fprintf(stderr, "partner: unknown subcommand '%s'\n", argv[1]);
		rc = 2;
	}
	PQfinish(conn);
	return (rc);
}
