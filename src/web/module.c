/*
 * Module set-up (runs in every worker after chroot, privilege drop and
 * seccomp), the seccomp additions libpq needs, and the small routes:
 * health check, static assets, the benchmark's trivial route, 404.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/seccomp.h>

#include <sys/prctl.h>

#include <ctype.h>
#include <errno.h>

#include "web.h"
#include "assets.h"
#include "db.h"

/*
 * glibc's stat family (libpq's first connect), libpq's GSSAPI probe, Kore
 * tasks (argon2 hashing) and glibc's realloc of a large block (an API page
 * of 1 000 postings) use syscalls Kore's filter does not list; without
 * these a worker dies with "sandbox violation" on first use.
 */
KORE_SECCOMP_FILTER("fashionjobs",
	KORE_SYSCALL_ALLOW(mremap),
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(getdents64),
	KORE_SYSCALL_ALLOW(clone3),
	KORE_SYSCALL_ALLOW(rseq),
	/*
	 * The social cards (ogimage.c): glib names its threads, fontconfig
	 * asks whether a font's file system may be mmap()ed, and would make
	 * its cache directory, which kore.sh fills before the start instead.
	 */
	KORE_SYSCALL_ALLOW_ARG(prctl, 0, PR_SET_NAME),
	KORE_SYSCALL_ALLOW(fstatfs),
	KORE_SYSCALL_DENY(mkdir, EACCES)
)

/*
 * Kore logs to stdout with stdio: into a file that is block-buffered, so
 * a crash showed up late and each forked worker wrote the parent's
 * unflushed start-up lines again.  Line-buffered as soon as the parent
 * loads the module, before any worker is forked (a constructor: Kore 4.1
 * calls kore_parent_configure only in single-binary builds).
 */
static void	log_line_buffered(void) __attribute__((constructor));

static void
log_line_buffered(void)
{
	(void)setvbuf(stdout, NULL, _IOLBF, 0);
}

int	page_healthz(struct http_request *);
int	page_ping(struct http_request *);
int	page_readme(struct http_request *);
int	page_static(struct http_request *);
int	page_favicon(struct http_request *);
int	page_not_found(struct http_request *);

static int	healthz_done(struct http_request *, struct dbq *);
static const char *mime_of(const char *);
static int	static_send(struct http_request *, const char *);

static struct tmpl_set	*templates;

static const struct {
	const char	*ext;
	const char	*mime;
} mimes[] = {
	{ ".css",	"text/css; charset=utf-8" },
	{ ".js",	"text/javascript; charset=utf-8" },
	{ ".svg",	"image/svg+xml" },
	{ ".png",	"image/png" },
	{ ".ico",	"image/x-icon" },
	{ ".txt",	"text/plain; charset=utf-8" },
};

int
fj_init(int state)
{
	const struct asset	*a;
	const char		*url;
	char			*info, err[256];
	size_t			 len;

	if (state == KORE_MODULE_UNLOAD)
		return (KORE_RESULT_OK);

	if ((url = getenv("DATABASE_URL")) == NULL || *url == '\0') {
		kore_log(LOG_ERR, "DATABASE_URL is not set");
		return (KORE_RESULT_ERROR);
	}
	info = db_conninfo(url);
	kore_pgsql_register("db", info);
	free(info);
	dbq_init();

	templates = tmpl_set_new();
	for (a = assets; a->name != NULL; a++) {
		/* Pages, and the e-mails' text (mail_*.txt). */
		len = strlen(a->name);
		if ((len < 5 || strcmp(a->name + len - 5, ".html") != 0) &&
		    (strncmp(a->name, "mail_", 5) != 0 ||
		    strcmp(a->name + len - 4, ".txt") != 0))
			continue;
		if (tmpl_set_add(templates, a->name, (const char *)a->data,
		    a->len, err, sizeof(err)) == -1)
			fatal("template %s: %s", a->name, err);
	}
	return (KORE_RESULT_OK);
}

const struct tmpl_set *
web_templates(void)
{
	return (templates);
}

/*
 * The reader's language for labels: the first Accept-Language tag we know,
 * "en" otherwise.  Weights are ignored: browsers list by preference.
 */
const char *
web_lang(struct http_request *req)
{
	const char	*al, *p;
	size_t		 i;

	if (!http_request_header(req, "accept-language", &al))
		return (lex_langs[0].code);
	for (p = al; *p != '\0'; p++) {
		if (p != al && p[-1] != ',' && p[-1] != ' ')
			continue;
		for (i = 0; lex_langs[i].code != NULL; i++)
			if (strncasecmp(p, lex_langs[i].code, 2) == 0 &&
			    !isalpha((unsigned char)p[2]))
				return (lex_langs[i].code);
	}
	return (lex_langs[0].code);
}

static const char	sql_healthz[] = "SELECT to_json(1)";

int
page_healthz(struct http_request *req)
{
	if (!http_state_exists(req))
		(void)dbq_new(req, sql_healthz, healthz_done);
	return (dbq_run(req));
}

static int
healthz_done(struct http_request *req, struct dbq *q)
{
	static const char	ok[] = "{\"status\":\"ok\"}\n";
	static const char	ko[] = "{\"status\":\"unavailable\"}\n";

	web_headers(req, "application/json");
	http_response_header(req, "cache-control", "no-store");
	if (q->failed || q->result == NULL) {
		http_response_header(req, "retry-after", "5");
		http_response(req, 503, ko, sizeof(ko) - 1);
	} else {
		http_response(req, 200, ok, sizeof(ok) - 1);
	}
	return (KORE_RESULT_OK);
}

/* The benchmark's baseline: the cheapest answer this server can give. */
int
page_ping(struct http_request *req)
{
	static const char	pong[] = "pong\n";

	web_headers(req, "text/plain; charset=utf-8");
	http_response(req, 200, pong, sizeof(pong) - 1);
	return (KORE_RESULT_OK);
}

static const char *
mime_of(const char *name)
{
	const char	*dot;
	size_t		 i;

	if ((dot = strrchr(name, '.')) == NULL)
		return (NULL);
	for (i = 0; i < sizeof(mimes) / sizeof(mimes[0]); i++)
		if (strcmp(dot, mimes[i].ext) == 0)
			return (mimes[i].mime);
	return (NULL);
}

int
page_static(struct http_request *req)
{
	return (static_send(req, req->path + strlen("/static/")));
}

/* Browsers ask for /favicon.ico whatever the page's <link rel=icon> says. */
int
page_favicon(struct http_request *req)
{
	return (static_send(req, "favicon.ico"));
}

/* The embedded asset name, or 404. */
static int
static_send(struct http_request *req, const char *name)
{
	const struct asset	*a;
	const char		*mime;

	for (a = assets; a->name != NULL; a++) {
		if (strcmp(a->name, name) != 0 ||
		    (mime = mime_of(name)) == NULL)
			continue;
		web_headers(req, mime);
		http_response_header(req, "cache-control",
		    "public, max-age=3600");
		http_response(req, 200, a->data, a->len);
		return (KORE_RESULT_OK);
	}
	return (page_not_found(req));
}

/* Absolute URLs (canonical, JSON-LD, feeds, API) start with this. */
const char *
web_base_url(void)
{
	const char	*b;

	if ((b = getenv("FJ_BASE_URL")) == NULL || *b == '\0')
		b = "http://127.0.0.1:8080";
	return (b);
}

/* Send the embedded file name as ctype, or 404. */
int
web_asset(struct http_request *req, const char *name, const char *ctype)
{
	const struct asset	*a;

	for (a = assets; a->name != NULL; a++) {
		if (strcmp(a->name, name) != 0)
			continue;
		web_send(req, HTTP_STATUS_OK, ctype, a->data, a->len, 0);
		return (KORE_RESULT_OK);
	}
	return (page_not_found(req));
}

int
page_readme(struct http_request *req)
{
	return (web_asset(req, "README.md", "text/markdown; charset=utf-8"));
}

int
page_not_found(struct http_request *req)
{
	web_error(req, HTTP_STATUS_NOT_FOUND,
	    "There is no page at this address. Search the open jobs instead.");
	return (KORE_RESULT_OK);
}
