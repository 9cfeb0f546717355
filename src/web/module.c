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
int	page_lang_switch(struct http_request *);

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
	replica_init();
	dbq_init();

	templates = tmpl_set_new();
	for (a = assets; a->name != NULL; a++) {
		if (i18n_asset(a->name, a->data, a->len) == -1)
			fatal("catalog %s is not a .mo file", a->name);
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
 * The interface language a path names ("/it/jobs", "/it"), or NULL: the
 * root is English, or what the reader chose (cookie) or asks for
 * (Accept-Language).
 */
const char *
web_path_lang(const char *path)
{
	size_t	i;

	if (path == NULL || path[0] != '/')
		return (NULL);
	/* lex_langs[0], English, lives at the root. */
	for (i = 1; lex_langs[i].code != NULL; i++)
		if (strncmp(path + 1, lex_langs[i].code, 2) == 0 &&
		    (path[3] == '/' || path[3] == '\0'))
			return (lex_langs[i].code);
	return (NULL);
}

/* The path without its language: "/it/jobs" -> "/jobs", "/it" -> "/". */
const char *
web_path(struct http_request *req)
{
	if (web_path_lang(req->path) == NULL)
		return (req->path);
	return (req->path[3] == '\0' ? "/" : req->path + 3);
}

/* The language of the fj_lang cookie (set by /lang/<code>), or NULL. */
static const char *
cookie_lang(struct http_request *req)
{
	const char	*hdr, *p;
	size_t		 i;

	if (!http_request_header(req, "cookie", &hdr))
		return (NULL);
	for (p = hdr; (p = strstr(p, LANG_COOKIE "=")) != NULL; p++) {
		if (p != hdr && p[-1] != ' ' && p[-1] != ';')
			continue;
		p += strlen(LANG_COOKIE "=");
		for (i = 0; lex_langs[i].code != NULL; i++)
			if (strncmp(p, lex_langs[i].code, 2) == 0 &&
			    (p[2] == ';' || p[2] == '\0' || p[2] == ' '))
				return (lex_langs[i].code);
		return (NULL);
	}
	return (NULL);
}

/*
 * The reader's language: the one the path names, else the one the reader
 * chose (cookie), else the first Accept-Language tag we know, "en"
 * otherwise.  Weights are ignored: browsers list by preference.
 */
const char *
web_lang(struct http_request *req)
{
	const char	*al, *p;
	size_t		 i;

	if ((p = web_path_lang(req->path)) != NULL)
		return (p);
	if ((p = cookie_lang(req)) != NULL)
		return (p);
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

const char *
web_path_prefix(struct http_request *req)
{
	static const char *const prefixes[I18N_LANGS] = {
		"", "/it", "/fr", "/de", "/es"
	};

	return (prefixes[i18n_index(web_path_lang(req->path))]);
}

const char *
web_lang_prefix(struct http_request *req)
{
	static const char *const prefixes[I18N_LANGS] = {
		"", "/it", "/fr", "/de", "/es"
	};

	return (prefixes[i18n_index(web_lang(req))]);
}

/*
 * GET /lang/<code>?next=/path: the language switcher's link.  Keeps the
 * choice in the fj_lang cookie (a year) and answers 303 to next in that
 * language (a path of this site only; else the home page).
 */
int
page_lang_switch(struct http_request *req)
{
	struct qs	 qs;
	const char	*code, *next;
	struct sbuf	 to;
	char		 cookie[96];

	code = req->path + strlen("/lang/");
	if (!i18n_known(code)) {
		web_error(req, HTTP_STATUS_NOT_FOUND,
		    N_("There is no page at this address. Search the open jobs "
		    "instead."));
		return (KORE_RESULT_OK);
	}
	if (web_query(req, &qs) != KORE_RESULT_OK)
		return (KORE_RESULT_OK);
	next = qs_get(&qs, "next");
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strpbrk(next, "\r\n") != NULL ||
	    web_path_lang(next) != NULL)
		next = "/";
	sbuf_init(&to);
	if (i18n_index(code) != 0) {
		sbuf_putc(&to, '/');
		sbuf_puts(&to, code);
		if (strcmp(next, "/") == 0 || next[1] == '?')
			next++;
	}
	sbuf_puts(&to, next);
	(void)snprintf(cookie, sizeof(cookie), LANG_COOKIE "=%s; Path=/; "
	    "SameSite=Lax; Max-Age=31536000", code);
	http_response_header(req, "set-cookie", cookie);
	http_response_header(req, "cache-control", "no-store");
	web_redirect(req, HTTP_STATUS_SEE_OTHER, to.data);
	sbuf_free(&to);
	qs_free(&qs);
	return (KORE_RESULT_OK);
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
	    N_("There is no page at this address. Search the open jobs instead."));
	return (KORE_RESULT_OK);
}
