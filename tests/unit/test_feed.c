/*
 * Feed parsers: each format on its fixture, the encodings, and every
 * hostile input we know of (XXE, entity bombs, truncation, nesting, huge
 * fields, scripts, oversize).  Run from the project root: fixtures are
 * read from tests/fixtures/feeds/.
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "feed.h"
#include "harness.h"

#define FIX	"tests/fixtures/feeds/"
#define MAXIT	64

/* A copy of every item the parser delivered. */
struct got {
	size_t		n;
	int		stop_after;	/* return -1 after this many, 0: never */
	int		bad_utf8;	/* fields that were not valid UTF-8 */
	size_t		longest;	/* longest field, bytes */
	size_t		total;		/* bytes over all fields */
	char		*f[MAXIT][FF__MAX];
};

enum { ID, TITLE, COMPANY, CONTRACT, CITY, REGION, COUNTRY, DESC, URL,
    EMAIL, DATE, EXPIRES, SALARY, LANG };

static int
collect(const struct feed_item *it, void *arg)
{
	struct got	*g = arg;
	const char	*v[FF__MAX];
	size_t		 i, n;

	v[ID] = it->external_id;
	v[TITLE] = it->title;
	v[COMPANY] = it->company;
	v[CONTRACT] = it->contract;
	v[CITY] = it->city;
	v[REGION] = it->region;
	v[COUNTRY] = it->country;
	v[DESC] = it->description;
	v[URL] = it->url;
	v[EMAIL] = it->email;
	v[DATE] = it->date;
	v[EXPIRES] = it->expires;
	v[SALARY] = it->salary;
	v[LANG] = it->lang;
	for (i = 0; i < FF__MAX; i++) {
		if (v[i] == NULL)
			continue;
		n = strlen(v[i]);
		if (!text_utf8_valid(v[i], n))
			g->bad_utf8++;
		if (n > g->longest)
			g->longest = n;
		g->total += n;
		if (g->n < MAXIT)
			g->f[g->n][i] = strdup(v[i]);
	}
	g->n++;
	if (g->stop_after > 0 && g->n >= (size_t)g->stop_after)
		return (-1);
	return (0);
}

static void
got_free(struct got *g)
{
	size_t	i, j;

	for (i = 0; i < MAXIT; i++)
		for (j = 0; j < FF__MAX; j++)
			free(g->f[i][j]);
	memset(g, 0, sizeof(*g));
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	(void)fseek(f, 0, SEEK_END);
	n = ftell(f);
	(void)fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	if (buf == NULL || fread(buf, 1, n, f) != (size_t)n)
		exit(1);
	buf[n] = '\0';
	(void)fclose(f);
	*len = n;
	return (buf);
}

/* The same parse pushed chunk bytes at a time. */
/* Push buf chunk bytes at a time, each item to cb. */
static int
push_chunks(enum feed_format fmt, const char *buf, size_t len, size_t chunk,
    const struct feed_opts *o, feed_item_cb cb, void *arg,
    struct feed_result *res)
{
	struct feed_stream	*s;
	size_t			 off, n;
	int			 rc;

	s = feed_stream_new(fmt, o, cb, arg, res);
	for (off = 0; off < len; off += n) {
		n = len - off < chunk ? len - off : chunk;
		if (feed_stream_push(s, buf + off, n) == -1)
			break;
	}
	rc = feed_stream_end(s);
	feed_stream_free(s);
	return (rc);
}

static int
run_chunks(enum feed_format fmt, const char *buf, size_t len, size_t chunk,
    const struct feed_opts *o, struct got *g, struct feed_result *res)
{
	memset(g, 0, sizeof(*g));
	return (push_chunks(fmt, buf, len, chunk, o, collect, g, res));
}

/* Same items, every field byte for byte (NULL only where NULL)? */
static int
got_same(const struct got *a, const struct got *b)
{
	size_t	i, j;

	if (a->n != b->n || a->bad_utf8 != b->bad_utf8 ||
	    a->total != b->total)
		return (0);
	for (i = 0; i < a->n && i < MAXIT; i++)
		for (j = 0; j < FF__MAX; j++)
			if ((a->f[i][j] == NULL) != (b->f[i][j] == NULL) ||
			    (a->f[i][j] != NULL &&
			    strcmp(a->f[i][j], b->f[i][j]) != 0))
				return (0);
	return (1);
}

static int
run_buf(enum feed_format fmt, const char *buf, size_t len,
    const struct feed_opts *o, struct got *g, struct feed_result *res)
{
	memset(g, 0, sizeof(*g));
	return (feed_parse(fmt, buf, len, o, collect, g, res));
}

/*
 * An ld+json block over the 4 MB a block may take: the page is incomplete
 * with that reason, the block is not kept whole, and the blocks after it
 * are read.  Pushed in 64 KB chunks, as a fetch does.
 */
static void
big_block_page(void)
{
	struct sbuf		 b;
	struct got		 g;
	struct feed_result	 r;
	size_t			 i;
	int			 rc;

	sbuf_init(&b);
	sbuf_puts(&b, "<html><body><script type=\"application/ld+json\">"
	    "{\"@type\":\"JobPosting\",\"title\":\"Too Big\","
	    "\"description\":\"");
	for (i = 0; i < 5 * 1024 * 1024 / 64; i++)
		sbuf_puts(&b, "0123456789012345678901234567890123456789"
		    "012345678901234567890123");
	sbuf_puts(&b, "\"}</script><script type=\"application/ld+json\">"
	    "{\"@type\":\"JobPosting\",\"title\":\"After Big\"}"
	    "</script></body></html>");
	rc = run_chunks(FEED_JSONLD, b.data, b.len, 65536, NULL, &g, &r);
	CHECK("jsonld block over 4 MB: incomplete, with the reason",
	    rc == -1 && r.complete == 0 && strstr(r.error, "over") != NULL);
	CHECK("jsonld block over 4 MB: the block after it is read",
	    g.n == 1 && strcmp(g.f[0][TITLE], "After Big") == 0);
	got_free(&g);
	sbuf_free(&b);
}

static int
run(enum feed_format fmt, const char *path, const struct feed_opts *o,
    struct got *g, struct feed_result *res)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	buf = slurp(path, &len);
	rc = run_buf(fmt, buf, len, o, g, res);
	free(buf);
	printf("# %s: %zu items, complete %d%s%s\n", path, res->items,
	    res->complete, res->error[0] ? ", " : "", res->error);
	return (rc);
}

/* Does any delivered field contain s? */
static int
got_has(const struct got *g, const char *s)
{
	size_t	i, j;

	for (i = 0; i < g->n && i < MAXIT; i++)
		for (j = 0; j < FF__MAX; j++)
			if (g->f[i][j] != NULL && strstr(g->f[i][j], s))
				return (1);
	return (0);
}

/* A TCP listener on 127.0.0.1 to catch a parser that connects out. */
static int
listener(int *port)
{
	struct sockaddr_in	sin;
	socklen_t		sl = sizeof(sin);
	int			fd;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd == -1 || bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(fd, 8) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &sl) == -1)
		return (-1);
	(void)fcntl(fd, F_SETFL, O_NONBLOCK);
	*port = ntohs(sin.sin_port);
	return (fd);
}

static int
connected(int fd)
{
	int	c;

	if ((c = accept(fd, NULL, NULL)) == -1)
		return (0);
	(void)close(c);
	return (1);
}

static void
test_formats(void)
{
	enum feed_format	f;

	CHECK("format indeed", feed_format_parse("indeed", &f) == 0 &&
	    f == FEED_INDEED);
	CHECK("format JSONLD any case", feed_format_parse("JSONLD", &f) == 0 &&
	    f == FEED_JSONLD);
	CHECK("format unknown", feed_format_parse("csv", &f) == -1);
	CHECK_STR("format name atom", feed_format_name(FEED_ATOM), "atom");
	CHECK("format name out of range",
	    feed_format_name(FEED_FORMAT_MAX) == NULL);
}

static void
test_html_text(void)
{
	static const struct {
		const char	*in, *want;
	} t[] = {
		{ "<p>One</p><p>Two</p>", "One\n\nTwo" },
		{ "a<br>b<br/>c", "a\nb\nc" },
		{ "<ul><li>x</li><li>y</li></ul>after", "- x\n- y\n\nafter" },
		{ "Tom &amp;amp; Jerry", "Tom &amp; Jerry" },
		{ "&lt;script&gt;alert(1)&lt;/script&gt;",
		    "<script>alert(1)</script>" },
		{ "x<script>alert(1)</script>y", "xy" },
		{ "<SCRIPT type=x>a</ScRiPt>b", "b" },
		{ "a < b and c>d", "a < b and c>d" },
		{ "line one\nline two\n\n\n\npara", "line one\nline two\n\npara" },
		{ "<p>  lots   of\n\t space </p>", "lots of space" },
		{ "<a href=\"x>y\">link</a> text", "link text" },
		{ "<!-- <p>hidden</p> -->shown", "shown" },
		{ "unclosed <b", "unclosed" },
		{ "Caf&eacute;&nbsp;Milano", "Café Milano" },
		{ "<td>a</td><td>b</td>", "a b" },
		{ "", "" },
	};
	struct sbuf	b;
	size_t		i;
	char		name[64];

	sbuf_init(&b);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		sbuf_reset(&b);
		feed_html_text(&b, t[i].in, strlen(t[i].in), 1000);
		(void)snprintf(name, sizeof(name), "html text %zu", i);
		CHECK_STR(name, b.data != NULL ? b.data : "", t[i].want);
	}
	sbuf_reset(&b);
	feed_html_text(&b, "<p>abcdef</p>", 13, 4);
	CHECK_STR("html text cut", b.data, "abcd");
	sbuf_free(&b);
}

static void
test_clean(void)
{
	static const struct {
		const char	*in;
		size_t		 max;
		int		 decoded;
		const char	*want;
	} t[] = {
		{ "  a \n\t b  ", 100, 0, "a b" },
		{ "Caf&eacute;", 100, 0, "Café" },
		{ "&amp;amp;", 100, 0, "&amp;" },
		{ "&amp;", 100, 1, "&amp;" },
		{ "Caf\xe9", 100, 0, "Café" },
		{ "ab\x01" "c", 100, 0, "abc" },
		{ "\xc3\xa9\xc3\xa9\xc3\xa9", 5, 0, "\xc3\xa9\xc3\xa9" },
		{ "abc def", 4, 0, "abc" },
	};
	struct sbuf	b;
	size_t		i;
	char		name[64];

	sbuf_init(&b);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		sbuf_reset(&b);
		feed_clean(&b, t[i].in, strlen(t[i].in), t[i].max,
		    t[i].decoded);
		(void)snprintf(name, sizeof(name), "clean %zu", i);
		CHECK_STR(name, b.data != NULL ? b.data : "", t[i].want);
	}
	sbuf_free(&b);
}

static void
test_indeed(void)
{
	struct feed_opts	o = { 0 };
	struct feed_result	r;
	struct got		g;
	int			rc;

	o.base_url = "https://partner.example/feeds/indeed.xml";
	rc = run(FEED_INDEED, FIX "indeed.xml", &o, &g, &r);
	CHECK("indeed ok", rc == 0 && r.complete == 1 && r.error[0] == '\0');
	CHECK("indeed 3 items", g.n == 3 && r.items == 3);
	CHECK_STR("indeed id", g.f[0][ID], "MP-1001");
	CHECK_STR("indeed title", g.f[0][TITLE],
	    "Retail Director Outlet Emea - Fashion - Milano");
	CHECK_STR("indeed company", g.f[0][COMPANY], "MICHAEL PAGE ITALIA");
	CHECK_STR("indeed city", g.f[0][CITY], "Milano");
	CHECK_STR("indeed state", g.f[0][REGION], "Lombardia");
	CHECK_STR("indeed country", g.f[0][COUNTRY], "IT");
	CHECK_STR("indeed email", g.f[0][EMAIL], "jobs@maison.example");
	CHECK_STR("indeed date", g.f[0][DATE], "Mon, 13 Jun 2022 08:00:00 GMT");
	CHECK_STR("indeed expirationdate", g.f[0][EXPIRES], "2022-07-13");
	CHECK_STR("indeed salary", g.f[0][SALARY], "80 000 EUR per year");
	CHECK_STR("indeed jobtypes joined", g.f[0][CONTRACT],
	    "fulltime, permanent");
	CHECK_STR("indeed language", g.f[0][LANG], "it");
	CHECK_STR("indeed url keeps &", g.f[0][URL],
	    "https://maison.example/jobs/1001?src=indeed&utm=x");
	CHECK_STR("indeed description", g.f[0][DESC],
	    "We are hiring a Retail Director.\n\nYou will:\n\n"
	    "- lead 12 stores\n- grow P&L\n\nContact us\ntoday");
	CHECK_STR("indeed entities in CDATA decoded once", g.f[1][TITLE],
	    "Café Manager &amp; Host");
	CHECK_STR("indeed entity outside CDATA", g.f[1][COMPANY],
	    "Showroom 999 & Co");
	CHECK_STR("indeed dateposted", g.f[1][DATE], "2022-06-12");
	CHECK_STR("indeed expirydate", g.f[1][EXPIRES], "2022-08-01");
	CHECK_STR("indeed relative url resolved", g.f[1][URL],
	    "https://partner.example/jobs/77");
	CHECK_STR("indeed plain description keeps lines", g.f[1][DESC],
	    "Plain text first line.\nSecond line.\n\nNew paragraph.");
	CHECK_STR("indeed title squashed", g.f[2][TITLE],
	    "Customer Service Specialist");
	CHECK("indeed javascript: url dropped", g.f[2][URL] == NULL);
	CHECK("indeed empty company absent", g.f[2][COMPANY] == NULL);
	CHECK("indeed utf-8", g.bad_utf8 == 0);
	got_free(&g);

	g.stop_after = 1;
	rc = feed_parse(FEED_INDEED, "<source><job><title>a</title></job>"
	    "<job><title>b</title></job></source>", 68, NULL, collect, &g, &r);
	CHECK("callback stop", rc == -1 && r.complete == 0 && g.n == 1 &&
	    r.error[0] != '\0');
	got_free(&g);
}

static void
test_encodings(void)
{
	struct feed_result	r;
	struct got		g;
	int			rc;

	rc = run(FEED_INDEED, FIX "indeed-latin1.xml", NULL, &g, &r);
	CHECK("latin1 ok", rc == 0 && r.complete && g.n == 1);
	CHECK_STR("latin1 title (0x80 as euro)", g.f[0][TITLE],
	    "Vendeuse qualifiée € Paris");
	CHECK_STR("latin1 company", g.f[0][COMPANY], "Hermès");
	CHECK_STR("latin1 city", g.f[0][CITY], "Genève");
	got_free(&g);

	rc = run(FEED_INDEED, FIX "indeed-cp1252.xml", NULL, &g, &r);
	CHECK("cp1252 ok", rc == 0 && r.complete && g.n == 1);
	CHECK_STR("cp1252 title", g.f[0][TITLE],
	    "“Responsabile” Boutique – Café");
	got_free(&g);

	rc = run(FEED_INDEED, FIX "indeed-wrongenc.xml", NULL, &g, &r);
	CHECK("utf-8 declared, latin1 bytes: whole", rc == 0 && g.n == 2);
	CHECK_STR("utf-8 declared, latin1 bytes: title", g.f[0][TITLE],
	    "Styliste confirmée");
	CHECK("utf-8 declared, latin1 bytes: valid", g.bad_utf8 == 0);
	got_free(&g);

	rc = run(FEED_INDEED, FIX "indeed-wrongenc2.xml", NULL, &g, &r);
	CHECK("latin1 declared, utf-8 bytes: ok", rc == 0 && g.n == 1);
	CHECK_STR("latin1 declared, utf-8 bytes: title", g.f[0][TITLE],
	    "Styliste confirmée à Zürich");
	got_free(&g);

	rc = run(FEED_INDEED, FIX "indeed-bom-latin1.xml", NULL, &g, &r);
	CHECK("bom + latin1 bytes: ok", rc == 0 && g.n == 1);
	CHECK_STR("bom + latin1 bytes: title", g.f[0][TITLE], "Café €");
	got_free(&g);

	rc = run(FEED_INDEED, FIX "indeed-invalid-utf8.xml", NULL, &g, &r);
	CHECK("invalid utf-8: both items", g.n == 2);
	CHECK("invalid utf-8: output valid", g.bad_utf8 == 0);
	CHECK("invalid utf-8: text kept", g.f[0][TITLE] != NULL &&
	    strncmp(g.f[0][TITLE], "Bad ", 4) == 0);
	got_free(&g);
}

static void
test_hostile_xml(void)
{
	struct feed_opts	o = { 0 };
	struct feed_result	r;
	struct got		g;
	char			doc[512];
	int			rc, fd, port;

	rc = run(FEED_INDEED, FIX "xxe-file.xml", NULL, &g, &r);
	CHECK("xxe file: no file content", !got_has(&g, "root:") &&
	    !got_has(&g, "/bin/"));
	CHECK("xxe file: item still read", g.n == 1 &&
	    g.f[0][ID] != NULL && strcmp(g.f[0][ID], "X1") == 0);
	got_free(&g);

	rc = run(FEED_INDEED, FIX "xxe-url.xml", NULL, &g, &r);
	CHECK("xxe url fixture: no content", g.n <= 1 &&
	    !got_has(&g, "root:"));
	got_free(&g);

	if ((fd = listener(&port)) == -1) {
		CHECK("listener", 0);
		return;
	}
	(void)snprintf(doc, sizeof(doc), "<?xml version=\"1.0\"?>"
	    "<!DOCTYPE source [<!ENTITY x SYSTEM \"http://127.0.0.1:%d/x\">]>"
	    "<source><job><title>a &x; b</title></job></source>", port);
	rc = run_buf(FEED_INDEED, doc, strlen(doc), NULL, &g, &r);
	CHECK("xxe url: no connection made", !connected(fd));
	got_free(&g);
	(void)snprintf(doc, sizeof(doc), "<?xml version=\"1.0\"?>"
	    "<!DOCTYPE source SYSTEM \"http://127.0.0.1:%d/d.dtd\" ["
	    "<!ENTITY %% p SYSTEM \"http://127.0.0.1:%d/p\"> %%p;]>"
	    "<source><job><title>a</title></job></source>", port, port);
	rc = run_buf(FEED_RSS, doc, strlen(doc), NULL, &g, &r);
	CHECK("external dtd: no connection made", !connected(fd));
	got_free(&g);
	(void)close(fd);

	rc = run(FEED_INDEED, FIX "dtd-external.xml", NULL, &g, &r);
	CHECK("external dtd fixture: nothing read", !got_has(&g, "root:"));
	got_free(&g);

	rc = run(FEED_INDEED, FIX "billion-laughs.xml", NULL, &g, &r);
	CHECK("billion laughs: bounded output", g.longest < 4096 &&
	    g.total < 16384);
	CHECK("billion laughs: rejected or unexpanded", r.complete == 0 ||
	    !got_has(&g, "lollollol"));
	got_free(&g);

	rc = run(FEED_INDEED, FIX "quadratic.xml", NULL, &g, &r);
	CHECK("quadratic: bounded output", g.longest < 4096 &&
	    g.total < 16384);
	got_free(&g);

	/* Reading @href once expanded 2 000 references to a 10 KB entity. */
	rc = run(FEED_ATOM, FIX "quadratic-attr.xml", NULL, &g, &r);
	CHECK("quadratic attribute: bounded output", g.n == 1 &&
	    g.longest < 4096);
	CHECK_STR("quadratic attribute: references skipped", g.f[0][URL],
	    "https://x.example/");
	got_free(&g);

	rc = run(FEED_INDEED, FIX "truncated.xml", NULL, &g, &r);
	CHECK("truncated: incomplete", rc == -1 && r.complete == 0 &&
	    r.error[0] != '\0');
	CHECK("truncated: items before the cut", g.n == 2 &&
	    strcmp(g.f[1][ID], "T2") == 0);
	got_free(&g);

	rc = run(FEED_INDEED, FIX "deep.xml", NULL, &g, &r);
	CHECK("deep xml: rejected", rc == -1 && r.complete == 0 &&
	    r.error[0] != '\0');
	got_free(&g);
	o.max_depth = 100000;
	rc = run(FEED_INDEED, FIX "deep.xml", &o, &g, &r);
	CHECK("deep xml, high max_depth: libxml2's limit holds",
	    rc == -1 && r.complete == 0);
	got_free(&g);
	/*
	 * JSON-LD pages are scanned, not parsed into a tree: nothing is
	 * dropped however deep the markup, so depth is no reason to refuse.
	 */
	rc = run(FEED_JSONLD, FIX "deep-jsonld.html", NULL, &g, &r);
	CHECK("jsonld: a block under 1 000 nested elements is read",
	    rc == 0 && r.complete == 1 && g.n == 1 &&
	    strcmp(g.f[0][TITLE], "Deep Down") == 0);
	got_free(&g);
	memset(&o, 0, sizeof(o));

	o.max_field = 1000;
	rc = run(FEED_INDEED, FIX "long-title.xml", &o, &g, &r);
	CHECK("long title: parsed", rc == 0 && g.n == 1);
	CHECK("long title: cut to max_field on a boundary",
	    g.f[0][TITLE] != NULL && strlen(g.f[0][TITLE]) <= 1000 &&
	    strlen(g.f[0][TITLE]) >= 998 &&
	    text_utf8_valid(g.f[0][TITLE], strlen(g.f[0][TITLE])));
	got_free(&g);

	rc = run(FEED_INDEED, FIX "script.xml", NULL, &g, &r);
	CHECK("script: parsed", rc == 0 && g.n == 1);
	CHECK_STR("script in title kept as text", g.f[0][TITLE],
	    "<script>alert(1)</script> Designer");
	CHECK_STR("markup in company kept as text", g.f[0][COMPANY],
	    "<img src=x onerror=alert(1)>");
	CHECK_STR("script in description", g.f[0][DESC],
	    "Real tag: gone.\n\nEscaped: <script>alert(2)</script> "
	    "stays text.\n\nEnd");
	got_free(&g);

	memset(&o, 0, sizeof(o));
	o.max_bytes = 100;
	rc = run(FEED_INDEED, FIX "indeed.xml", &o, &g, &r);
	CHECK("over max_bytes: rejected before parsing", rc == -1 &&
	    r.complete == 0 && g.n == 0 && r.error[0] != '\0');
	got_free(&g);
}

static void
test_rss_atom(void)
{
	struct feed_opts	o = { 0 };
	struct feed_result	r;
	struct got		g;
	int			rc;

	rc = run(FEED_RSS, FIX "rss-wpjm.xml", NULL, &g, &r);
	CHECK("rss ok", rc == 0 && r.complete && g.n == 2);
	CHECK_STR("rss title", g.f[0][TITLE], "Visual Merchandiser – Roma");
	CHECK_STR("rss guid", g.f[0][ID],
	    "https://careers.maison.example/?post_type=job_listing&p=42");
	CHECK_STR("rss link", g.f[0][URL],
	    "https://careers.maison.example/job/visual-merchandiser-roma/");
	CHECK_STR("rss pubDate", g.f[0][DATE],
	    "Tue, 14 Jun 2022 10:00:00 +0000");
	CHECK_STR("rss content:encoded wins", g.f[0][DESC],
	    "Join our team in Rome.\n\n- Windows\n- Displays");
	CHECK_STR("wpjm company", g.f[0][COMPANY], "Maison Example S.p.A.");
	CHECK_STR("wpjm location", g.f[0][CITY], "Roma");
	CHECK_STR("wpjm job_type wins over category", g.f[0][CONTRACT],
	    "Full Time");
	CHECK_STR("rss categories joined", g.f[1][CONTRACT], "Stage, Design");
	CHECK_STR("rss description", g.f[1][DESC], "Stage di 6 mesi.");
	got_free(&g);

	o.base_url = "https://jobs.example/feed.atom";
	rc = run(FEED_ATOM, FIX "atom.xml", &o, &g, &r);
	CHECK("atom ok", rc == 0 && r.complete && g.n == 2);
	CHECK_STR("atom title decoded once", g.f[0][TITLE],
	    "Pattern Maker & Sample Room");
	CHECK_STR("atom alternate link", g.f[0][URL],
	    "https://jobs.example/jobs/1");
	CHECK_STR("atom id", g.f[0][ID], "urn:uuid:job-1");
	CHECK_STR("atom published", g.f[0][DATE], "2022-06-14T08:00:00Z");
	CHECK_STR("atom author name", g.f[0][COMPANY], "Atelier Nord");
	CHECK_STR("atom content", g.f[0][DESC], "Full content.\n\nSecond para.");
	CHECK_STR("atom relative link", g.f[1][URL],
	    "https://jobs.example/jobs/2");
	CHECK_STR("atom updated", g.f[1][DATE], "2022-06-13T08:00:00Z");
	CHECK_STR("atom xhtml content", g.f[1][DESC],
	    "Tom & Jerry <3\n\nKnit.");
	got_free(&g);

	rc = run(FEED_RSS, FIX "atom.xml", &o, &g, &r);
	CHECK("atom read as rss too", rc == 0 && g.n == 2);
	got_free(&g);
}

static void
test_jsonld(void)
{
	struct feed_opts	o = { 0 };
	struct feed_result	r;
	struct got		g;
	int			rc;

	o.base_url = "https://maison.example/careers/";
	rc = run(FEED_JSONLD, FIX "jsonld.html", &o, &g, &r);
	CHECK("jsonld ok", rc == 0 && r.complete && g.n == 3);
	CHECK_STR("jsonld identifier.value", g.f[0][ID], "JP-1");
	CHECK_STR("jsonld title", g.f[0][TITLE], "Sales Associate & Stylist");
	CHECK_STR("jsonld organization", g.f[0][COMPANY],
	    "HERMES ITALIE S.P.A.");
	CHECK_STR("jsonld employmentType array", g.f[0][CONTRACT],
	    "FULL_TIME, PERMANENT");
	CHECK_STR("jsonld locality (first place)", g.f[0][CITY], "Milano");
	CHECK_STR("jsonld region", g.f[0][REGION], "MI");
	CHECK_STR("jsonld country object", g.f[0][COUNTRY], "IT");
	CHECK_STR("jsonld description", g.f[0][DESC],
	    "Boutique Milano.\n\n- Clienti\n- Vendite\n\n<script>x</script>");
	CHECK_STR("jsonld datePosted", g.f[0][DATE], "2022-06-10");
	CHECK_STR("jsonld validThrough", g.f[0][EXPIRES], "2022-07-10T00:00");
	CHECK_STR("jsonld url", g.f[0][URL], "https://maison.example/jobs/jp-1");
	CHECK_STR("jsonld salary range", g.f[0][SALARY],
	    "28000-32000.5 EUR/YEAR");
	CHECK_STR("jsonld inLanguage", g.f[0][LANG], "it-IT");
	CHECK_STR("jsonld array + @type array", g.f[1][ID], "JP-2");
	CHECK_STR("jsonld organization string", g.f[1][COMPANY], "ANTONIA SRL");
	CHECK_STR("jsonld salary value", g.f[1][SALARY], "20 EUR/HOUR");
	CHECK_STR("jsonld directApply resolved", g.f[1][URL],
	    "https://maison.example/apply/2");
	CHECK_STR("jsonld @graph numeric id", g.f[2][ID], "3");
	CHECK_STR("jsonld address string", g.f[2][CITY], "Bolzano");
	CHECK("jsonld not from text/javascript", !got_has(&g, "not me"));
	got_free(&g);

	rc = run(FEED_JSONLD, FIX "jsonld-latin1.html", NULL, &g, &r);
	CHECK("jsonld latin1 page: ok", rc == 0 && g.n == 1);
	CHECK_STR("jsonld latin1 page: title", g.f[0][TITLE],
	    "Vendeuse à Genève");
	CHECK_STR("jsonld latin1 page: company", g.f[0][COMPANY], "Hermès");
	got_free(&g);

	rc = run(FEED_JSONLD, FIX "jsonld-badutf8.html", NULL, &g, &r);
	CHECK("jsonld invalid utf-8: repaired, not dropped", rc == 0 &&
	    g.n == 1 && g.bad_utf8 == 0);
	CHECK_STR("jsonld invalid utf-8: title", g.f[0][TITLE], "Café été ÿ");
	got_free(&g);

	rc = run(FEED_JSONLD, FIX "jsonld-broken.html", NULL, &g, &r);
	CHECK("jsonld broken block: incomplete", rc == -1 && r.complete == 0);
	CHECK("jsonld broken block: good one kept", g.n == 1);
	got_free(&g);

	/*
	 * The scanner: blocks only where a browser would run them (not in a
	 * comment, a title or another script), any case, unquoted types, and
	 * "</" inside a block (libxml2's HTML push parser stalled on it).
	 */
	rc = run(FEED_JSONLD, FIX "jsonld-tricky.html", NULL, &g, &r);
	CHECK("jsonld tricky page: whole", rc == 0 && r.complete == 1);
	CHECK("jsonld tricky page: the three real blocks only", g.n == 3 &&
	    strcmp(g.f[0][TITLE], "Upper") == 0 &&
	    strcmp(g.f[1][TITLE], "Paragraphs") == 0 &&
	    strcmp(g.f[2][TITLE], "Unquoted") == 0);
	CHECK("jsonld tricky page: markup in a block's strings kept",
	    g.n >= 2 && strstr(g.f[1][DESC], "Two") != NULL);
	got_free(&g);
	big_block_page();

	rc = run(FEED_JSONLD, FIX "deep.html", NULL, &g, &r);
	CHECK("deep html, jsonld: read whole", rc == 0 && r.complete == 1 &&
	    g.n == 1);
	got_free(&g);
}

static void
write_map(const char *path, const char *text)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		exit(1);
	(void)fputs(text, f);
	(void)fclose(f);
}

static void
test_html(void)
{
	static const struct {
		const char	*name, *text;
	} bad[] = {
		{ "map unknown key", "item = //li\ntitle = .\nsalary = .\n" },
		{ "map bad xpath", "item = //li[\ntitle = .\n" },
		{ "map without item", "# no item\ntitle = .\n" },
		{ "map key twice", "item = //li\ntitle = .\ntitle = .\n" },
		{ "map line without =", "item = //li\ntitle .\n" },
	};
	struct feed_html_map	 map;
	struct feed_opts	 o = { 0 };
	struct feed_result	 r;
	struct got		 g;
	char			 err[256], tmp[] = "/tmp/test_feed_mapXXXXXX";
	size_t			 i;
	int			 rc, fd;

	rc = feed_html_map_load("conf/maps/seedlisting.map", &map, err,
	    sizeof(err));
	CHECK("seed map loads", rc == 0);
	if (rc == -1) {
		printf("# %s\n", err);
		return;
	}
	o.map = &map;
	o.base_url = "https://fashionjobs.example/it/";
	rc = run(FEED_HTML, FIX "seedlisting.html", &o, &g, &r);
	CHECK("seed listing ok", rc == 0 && r.complete == 1);
	CHECK("seed listing 22 postings", g.n == 22);
	CHECK_STR("seed company", g.f[0][COMPANY],
	    "BALENCIAGA LOGISTICA S.R.L.");
	CHECK_STR("seed title", g.f[0][TITLE],
	    "Balenciaga - Supply Chain Specialist");
	CHECK_STR("seed contract split", g.f[0][CONTRACT],
	    "Tempo Indeterminato");
	CHECK_STR("seed city split", g.f[0][CITY], "CERRETO GUIDI");
	CHECK_STR("seed link resolved", g.f[0][URL],
	    "https://fashionjobs.example/jobs/120301");
	CHECK_STR("seed empty city: contract", g.f[4][CONTRACT],
	    "Tempo Indeterminato");
	CHECK("seed empty city: absent", g.f[4][CITY] == NULL);
	CHECK_STR("seed MILAN", g.f[1][CITY], "MILAN");
	CHECK_STR("seed last", g.f[21][TITLE], "Responsabile Ricerca Pellami, "
	    "Tessuti, Accessori e Lavorazioni - Calzatura");
	CHECK_STR("seed last city", g.f[21][CITY], "VENEZIA");
	got_free(&g);

	rc = run(FEED_HTML, FIX "truncated.html", &o, &g, &r);
	CHECK("truncated html: incomplete", rc == -1 && r.complete == 0);
	CHECK("truncated html: first posting kept", g.n >= 1 &&
	    strcmp(g.f[0][TITLE], "First") == 0);
	got_free(&g);

	rc = run(FEED_HTML, FIX "deep.html", &o, &g, &r);
	CHECK("deep html listing: rejected", rc == -1 && r.complete == 0);
	got_free(&g);
	feed_html_map_free(&map);

	rc = run(FEED_HTML, FIX "seedlisting.html", NULL, &g, &r);
	CHECK("html without map: error", rc == -1 && r.error[0] != '\0');
	got_free(&g);

	if ((fd = mkstemp(tmp)) == -1)
		exit(1);
	(void)close(fd);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_map(tmp, bad[i].text);
		err[0] = '\0';
		rc = feed_html_map_load(tmp, &map, err, sizeof(err));
		CHECK(bad[i].name, rc == -1 && err[0] != '\0' &&
		    map.item == NULL && map.title == NULL);
	}
	(void)unlink(tmp);
	rc = feed_html_map_load("/nonexistent/x.map", &map, err, sizeof(err));
	CHECK("map missing file", rc == -1);
}

/*
 * Every fixture, and inputs made for the encodings, pushed 1, 7 and 4096
 * bytes at a time: the same items, result and error as in one piece.
 * One byte at a time cuts every declaration and every character.
 */
static void
test_chunks(void)
{
	static const struct {
		const char		*file;
		enum feed_format	 fmt;
	} fix[] = {
		{ "indeed.xml", FEED_INDEED },
		{ "indeed-latin1.xml", FEED_INDEED },
		{ "indeed-cp1252.xml", FEED_INDEED },
		{ "indeed-wrongenc.xml", FEED_INDEED },
		{ "indeed-wrongenc2.xml", FEED_INDEED },
		{ "indeed-bom-latin1.xml", FEED_INDEED },
		{ "indeed-invalid-utf8.xml", FEED_INDEED },
		{ "xxe-file.xml", FEED_INDEED },
		{ "xxe-url.xml", FEED_INDEED },
		{ "dtd-external.xml", FEED_INDEED },
		{ "billion-laughs.xml", FEED_INDEED },
		{ "quadratic.xml", FEED_INDEED },
		{ "quadratic-attr.xml", FEED_ATOM },
		{ "truncated.xml", FEED_INDEED },
		{ "deep.xml", FEED_INDEED },
		{ "long-title.xml", FEED_INDEED },
		{ "script.xml", FEED_INDEED },
		{ "rss-wpjm.xml", FEED_RSS },
		{ "atom.xml", FEED_ATOM },
		{ "jsonld.html", FEED_JSONLD },
		{ "jsonld-latin1.html", FEED_JSONLD },
		{ "jsonld-badutf8.html", FEED_JSONLD },
		{ "jsonld-broken.html", FEED_JSONLD },
		{ "deep.html", FEED_JSONLD },
		{ "deep-jsonld.html", FEED_JSONLD },
		{ "jsonld-tricky.html", FEED_JSONLD },
		{ "seedlisting.html", FEED_HTML },
		{ "truncated.html", FEED_HTML },
	};
	/* Made here: each one's title, read whole, is want. */
#define J(t)	"<source><job><title>" t "</title><company>C</company>" \
		"</job></source>"
#define DECL(e)	"<?xml version=\"1.0\" encoding=\"" e "\"?>"
	static const struct {
		const char	*name, *doc;
		size_t		 len;	/* 0: strlen */
		const char	*want;	/* NULL: no item */
	} made[] = {
		{ "utf-8 split", DECL("UTF-8") J("Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x91\x97"), 0,
		    "Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x91\x97" },
		{ "no declaration", J("Z\xc3\xbcrich"), 0, "Z\xc3\xbcrich" },
		{ "utf-8 bom", "\xef\xbb\xbf" DECL("UTF-8") J("\xc3\xa9t\xc3\xa9"), 0,
		    "\xc3\xa9t\xc3\xa9" },
		{ "latin1 declared, utf-8 bytes, bom",
		    "\xef\xbb\xbf" DECL("ISO-8859-1") J("Z\xc3\xbcrich"), 0,
		    "Z\xc3\xbcrich" },
		{ "latin1 at the end of a long ascii run", DECL("ISO-8859-1")
		    J("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Caf\xe9"), 0,
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Caf\xc3\xa9" },
		{ "windows-1252 quotes", DECL("windows-1252") J("\x93x\x94 \x80"), 0,
		    "\xe2\x80\x9cx\xe2\x80\x9d \xe2\x82\xac" },
		{ "latin1 declared, utf-8 first, latin1 later", DECL("ISO-8859-1")
		    J("Caf\xc3\xa9 \xe9t\xe9"), 0, "Caf\xc3\xa9 \xc3\xa9t\xc3\xa9" },
		{ "utf-8 declared, a cut sequence repaired", DECL("UTF-8")
		    J("a\xc3 b\xe2\x82 c"), 0, "a\xc3\x83 b\xc3\xa2\xe2\x80\x9a c" },
		{ "NUL dropped", DECL("UTF-8") J("a\0b"), 104, "ab" },
		{ "iso-8859-2 by libxml2", DECL("ISO-8859-2") J("\xa3\xf3\x64\xbc"), 0,
		    "\xc5\x81\xc3\xb3\x64\xc5\xba" },
		{ "iso-8859-2 declared, utf-8 bytes", DECL("ISO-8859-2")
		    J("\xc5\x81\xc3\xb3\x64\xc5\xba"), 0, "\xc5\x81\xc3\xb3\x64\xc5\xba" },
		{ "shift_jis", DECL("Shift_JIS") J("\x93\x8c\x8b\x9e"), 0,
		    "\xe6\x9d\xb1\xe4\xba\xac" },
		{ "utf-16 declared over 8-bit bytes", DECL("UTF-16")
		    J("Caf\xc3\xa9 \xe9"), 0, "Caf\xc3\xa9 \xc3\xa9" },
		{ "unknown encoding, ascii", DECL("x-nonesuch") J("Cafe"), 0, "Cafe" },
		{ "unknown encoding, not ascii", DECL("x-nonesuch") J("Caf\xe9"), 0,
		    NULL },
		{ "utf-16le with bom", "\xff\xfe<\0s\0o\0u\0r\0c\0e\0>\0<\0j\0o\0b\0>\0"
		    "<\0t\0i\0t\0l\0e\0>\0\xe9\0t\0\xe9\0<\0/\0t\0i\0t\0l\0e\0>\0"
		    "<\0c\0o\0m\0p\0a\0n\0y\0>\0C\0<\0/\0c\0o\0m\0p\0a\0n\0y\0>\0"
		    "<\0/\0j\0o\0b\0>\0<\0/\0s\0o\0u\0r\0c\0e\0>\0", 134,
		    "\xc3\xa9t\xc3\xa9" },
		{ "utf-16be, declared, no bom",
		    "\000<\000?\000x\000m\000l\000 \000v\000e\000r\000s\000i"
		    "\000o\000n\000=\000\"\0001\000.\0000\000\"\000 \000e\000"
		    "n\000c\000o\000d\000i\000n\000g\000=\000\"\000U\000T\000"
		    "F\000-\0001\0006\000\"\000?\000>\000<\000s\000o\000u\000"
		    "r\000c\000e\000>\000<\000j\000o\000b\000>\000<\000t\000i"
		    "\000t\000l\000e\000>\000\351\000t\000\351\000<\000/\000t"
		    "\000i\000t\000l\000e\000>\000<\000c\000o\000m\000p\000a"
		    "\000n\000y\000>\000C\000<\000/\000c\000o\000m\000p\000a"
		    "\000n\000y\000>\000<\000/\000j\000o\000b\000>\000<\000/"
		    "\000s\000o\000u\000r\000c\000e\000>", 210,
		    "\xc3\xa9t\xc3\xa9" },
	};
#undef J
#undef DECL
	static const size_t	 chunks[] = { 1, 7, 4096 };
	struct feed_html_map	 map;
	struct feed_opts	 o;
	struct feed_result	 r1, r2;
	struct got		 g1, g2;
	char			 name[128], *buf, err[256];
	size_t			 i, k, len;
	int			 rc1, rc2;

	if (feed_html_map_load("conf/maps/seedlisting.map", &map, err,
	    sizeof(err)) == -1) {
		CHECK("chunks: seed map", 0);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.map = &map;
	o.base_url = "https://partner.example/feed/";
	for (i = 0; i < sizeof(fix) / sizeof(fix[0]); i++) {
		(void)snprintf(name, sizeof(name), FIX "%s", fix[i].file);
		buf = slurp(name, &len);
		rc1 = run_buf(fix[i].fmt, buf, len, &o, &g1, &r1);
		for (k = 0; k < sizeof(chunks) / sizeof(chunks[0]); k++) {
			rc2 = run_chunks(fix[i].fmt, buf, len, chunks[k], &o,
			    &g2, &r2);
			(void)snprintf(name, sizeof(name), "chunks of %zu: %s "
			    "(%zu items)", chunks[k], fix[i].file, g1.n);
			CHECK(name, rc1 == rc2 && r1.complete == r2.complete &&
			    r1.items == r2.items && got_same(&g1, &g2) &&
			    strcmp(r1.error, r2.error) == 0);
			if (rc1 != rc2 || strcmp(r1.error, r2.error) != 0)
				printf("# whole: %d %s; chunks: %d %s\n", rc1,
				    r1.error, rc2, r2.error);
			got_free(&g2);
		}
		got_free(&g1);
		free(buf);
	}
	feed_html_map_free(&map);

	for (i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		len = made[i].len ? made[i].len : strlen(made[i].doc);
		rc1 = run_buf(FEED_INDEED, made[i].doc, len, NULL, &g1, &r1);
		(void)snprintf(name, sizeof(name), "encoding: %s", made[i].name);
		if (made[i].want == NULL)
			CHECK(name, rc1 == -1 && g1.n == 0 && r1.error[0] != '\0');
		else
			CHECK_STR(name, g1.n == 1 ? g1.f[0][TITLE] : r1.error,
			    made[i].want);
		for (k = 0; k < sizeof(chunks) / sizeof(chunks[0]); k++) {
			rc2 = run_chunks(FEED_INDEED, made[i].doc, len,
			    chunks[k], NULL, &g2, &r2);
			(void)snprintf(name, sizeof(name), "encoding: %s, chunks "
			    "of %zu", made[i].name, chunks[k]);
			CHECK(name, rc1 == rc2 && got_same(&g1, &g2) &&
			    strcmp(r1.error, r2.error) == 0);
			got_free(&g2);
		}
		got_free(&g1);
	}
}

/* The stream's own rules: a cap over all pushes, nothing after the end. */
static void
test_stream(void)
{
	static const char	doc[] = "<source><job><title>a</title>"
	    "<company>b</company></job><job><title>c</title></job></source>";
	struct feed_stream	*s;
	struct feed_opts	 o;
	struct feed_result	 r;
	struct got		 g;
	size_t			 i;
	int			 rc;

	memset(&o, 0, sizeof(o));
	memset(&g, 0, sizeof(g));
	o.max_bytes = 60;
	s = feed_stream_new(FEED_INDEED, &o, collect, &g, &r);
	for (i = 0, rc = 0; i < sizeof(doc) - 1 && rc == 0; i += 20)
		rc = feed_stream_push(s, doc + i, 20);
	CHECK("stream: the cap counts every push", rc == -1 && i == 80 &&
	    strstr(r.error, "limit of 60") != NULL);
	CHECK("stream: over the cap is incomplete", feed_stream_end(s) == -1 &&
	    r.complete == 0);
	feed_stream_free(s);
	got_free(&g);

	s = feed_stream_new(FEED_INDEED, NULL, collect, &g, &r);
	rc = feed_stream_push(s, doc, sizeof(doc) - 1);
	CHECK("stream: items come during the push", rc == 0 && g.n == 2);
	CHECK("stream: end", feed_stream_end(s) == 0 && r.complete == 1);
	CHECK("stream: no push after the end",
	    feed_stream_push(s, doc, 5) == -1);
	CHECK("stream: end again says the same", feed_stream_end(s) == 0);
	feed_stream_free(s);
	got_free(&g);

	s = feed_stream_new(FEED_INDEED, NULL, collect, &g, &r);
	CHECK("stream: nothing pushed is an empty feed",
	    feed_stream_end(s) == -1 && strstr(r.error, "empty") != NULL);
	feed_stream_free(s);

	s = feed_stream_new(FEED_FORMAT_MAX, NULL, collect, &g, &r);
	CHECK("stream: unknown format refuses pushes",
	    feed_stream_push(s, doc, 10) == -1 &&
	    feed_stream_end(s) == -1 && r.error[0] != '\0');
	feed_stream_free(s);
	got_free(&g);
}

/* feed_opts.known: what it is shown, what skipping does, the digests. */
struct kn {
	struct got	 g;
	uint64_t	 d[MAXIT];
	size_t		 n;		/* known() calls */
	int		 skip;		/* 1: skip odd items, -1: stop at 2 */
	int		 desc;		/* a description was shown */
	int		 mismatch;	/* cb's digest is not known()'s */
};

static int
kn_known(const struct feed_item *it, void *arg)
{
	struct kn	*k = arg;
	size_t		 i = k->n++;

	if (it->description != NULL)
		k->desc = 1;
	if (i < MAXIT)
		k->d[i] = it->digest;
	if (k->skip == -1 && i == 2)
		return (-1);
	return (k->skip == 1 && i % 2 == 1);
}

static int
kn_collect(const struct feed_item *it, void *arg)
{
	struct kn	*k = arg;

	if (k->n == 0 || (k->n <= MAXIT && it->digest != k->d[k->n - 1]))
		k->mismatch = 1;
	return (collect(it, &k->g));
}

static int
kn_run(enum feed_format fmt, const char *buf, size_t len, size_t chunk,
    const struct feed_opts *o, struct kn *k, struct feed_result *res)
{
	int	skip = k->skip;

	memset(k, 0, sizeof(*k));
	k->skip = skip;
	return (push_chunks(fmt, buf, len, chunk, o, kn_collect, k, res));
}

static void
test_known(void)
{
	static const struct {
		enum feed_format	 fmt;
		const char		*file;
	} fx[] = {
		{ FEED_INDEED, FIX "indeed.xml" },
		{ FEED_INDEED, FIX "indeed-latin1.xml" },
		{ FEED_RSS, FIX "rss-wpjm.xml" },
		{ FEED_ATOM, FIX "atom.xml" },
		{ FEED_JSONLD, FIX "jsonld.html" },
	};
	struct feed_opts	 o, o2;
	struct feed_result	 r, r2;
	struct got		 g;
	struct kn		 k, k2;
	char			*buf, name[128], *other;
	size_t			 i, j, len, half;
	int			 ok;

	memset(&o, 0, sizeof(o));
	o.known = kn_known;
	o.base_url = "https://partner.example/feed";
	for (i = 0; i < sizeof(fx) / sizeof(fx[0]); i++) {
		buf = slurp(fx[i].file, &len);
		memset(&o2, 0, sizeof(o2));
		o2.base_url = o.base_url;
		(void)run_buf(fx[i].fmt, buf, len, &o2, &g, &r);
		k.skip = 0;
		(void)kn_run(fx[i].fmt, buf, len, len, &o, &k, &r2);
		(void)snprintf(name, sizeof(name), "known: %s: asked for each "
		    "item, without its description; items the same", fx[i].file);
		CHECK(name, k.n >= g.n && g.n > 0 && !k.desc && !k.mismatch &&
		    got_same(&g, &k.g) && r2.items == r.items);
		got_free(&k.g);

		k2.skip = 0;
		(void)kn_run(fx[i].fmt, buf, len, 7, &o, &k2, &r2);
		for (j = 0, ok = k2.n == k.n; ok && j < k.n && j < MAXIT; j++)
			ok = k.d[j] == k2.d[j] && (j == 0 || k.d[j] != k.d[j - 1]);
		(void)snprintf(name, sizeof(name), "known: %s: digests the same "
		    "pushed 7 bytes at a time, one per item", fx[i].file);
		CHECK(name, ok);
		got_free(&k2.g);

		o2 = o;
		o2.base_url = "https://other.example/";
		(void)kn_run(fx[i].fmt, buf, len, len, &o2, &k2, &r2);
		o2 = o;
		o2.max_field = 1000;
		ok = k2.d[0] != k.d[0];
		got_free(&k2.g);
		(void)kn_run(fx[i].fmt, buf, len, len, &o2, &k2, &r2);
		(void)snprintf(name, sizeof(name), "known: %s: another base URL "
		    "or field cap, another digest", fx[i].file);
		CHECK(name, ok && k2.d[0] != k.d[0]);
		got_free(&k2.g);

		k2.skip = 1;
		(void)kn_run(fx[i].fmt, buf, len, len, &o, &k2, &r2);
		half = (k2.n + 1) / 2;
		(void)snprintf(name, sizeof(name), "known: %s: skipped items "
		    "are counted, not delivered", fx[i].file);
		CHECK(name, k2.g.n == half && r2.items == r.items &&
		    r2.complete == r.complete);
		got_free(&k2.g);
		got_free(&g);
		free(buf);
	}

	buf = slurp(FIX "indeed.xml", &len);
	k.skip = -1;
	(void)kn_run(FEED_INDEED, buf, len, len, &o, &k, &r);
	CHECK("known: -1 stops the parse", k.n == 3 && k.g.n == 2 &&
	    !r.complete);
	got_free(&k.g);
	/* One byte of a description changed: another digest. */
	other = strdup(buf);
	if ((i = (size_t)(strstr(other, "<description>") - other)) < len)
		other[i + 30] = other[i + 30] == 'x' ? 'y' : 'x';
	k.skip = k2.skip = 0;
	(void)kn_run(FEED_INDEED, buf, len, len, &o, &k, &r);
	(void)kn_run(FEED_INDEED, other, len, len, &o, &k2, &r);
	CHECK("known: a description changed, the item's digest too",
	    k.n == k2.n && k.d[0] != k2.d[0] && k.d[1] == k2.d[1]);
	got_free(&k.g);
	got_free(&k2.g);
	free(other);
	free(buf);
}

int
main(void)
{
	feed_init();
	test_formats();
	test_html_text();
	test_clean();
	test_indeed();
	test_encodings();
	test_hostile_xml();
	test_rss_atom();
	test_jsonld();
	test_html();
	test_chunks();
	test_stream();
	test_known();
	return (DONE());
}
